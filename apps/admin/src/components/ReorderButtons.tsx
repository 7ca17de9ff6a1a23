import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import { IconButton } from '@mui/material';
import { moveItem } from '../lib/listEditing';

type Props<T> = {
  /** The row, as the buttons' names say it: "Move Phone screen up". */
  name: string;
  items: readonly T[];
  index: number;
  disabled: boolean;
  onChange: (items: T[]) => void;
};

/** Up and down buttons that move one row of an ordered list; the first cannot go up, the last not down. */
export function ReorderButtons<T>({ name, items, index, disabled, onChange }: Props<T>) {
  return (
    <>
      <IconButton
        aria-label={`Move ${name} up`}
        disabled={disabled || index === 0}
        onClick={() => onChange(moveItem(items, index, index - 1))}
      >
        <ArrowUpwardIcon fontSize="small" />
      </IconButton>
      <IconButton
        aria-label={`Move ${name} down`}
        disabled={disabled || index === items.length - 1}
        onClick={() => onChange(moveItem(items, index, index + 1))}
      >
        <ArrowDownwardIcon fontSize="small" />
      </IconButton>
    </>
  );
}
