import type { TStageRef } from '@candor/schemas';
import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import DriveFileMoveOutlinedIcon from '@mui/icons-material/DriveFileMoveOutlined';
import { Button, IconButton, ListItemText, Menu, MenuItem, Tooltip } from '@mui/material';
import { type MouseEvent, useId, useState } from 'react';

export type StageRef = TStageRef;

type Props = {
  stages: readonly StageRef[];
  /** The stage the application is in now: listed, but not selectable. */
  currentStageId?: string;
  onPick: (stage: StageRef) => void;
  /** The icon button's accessible name, e.g. "Move Jane Doe to another stage"; the text button says "Move to…". */
  label: string;
  /** An icon button (board cards) instead of a text button. */
  compact?: boolean;
  disabled?: boolean;
};

/**
 * "Move to…": the keyboard and screen-reader way to do what dragging a card
 * does. Picking the rejected stage is the caller's to handle (it needs a reason).
 */
export function MoveMenu({
  stages,
  currentStageId,
  onPick,
  label,
  compact = false,
  disabled = false,
}: Props) {
  const menuId = useId();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const open = (event: MouseEvent<HTMLElement>) => {
    event.stopPropagation();
    setAnchor(event.currentTarget);
  };
  const trigger = {
    'aria-haspopup': 'menu' as const,
    'aria-controls': anchor ? menuId : undefined,
    'aria-expanded': anchor ? ('true' as const) : undefined,
    disabled,
    onClick: open,
  };
  return (
    <>
      {compact ? (
        // describeChild: the tooltip describes the button; its accessible name stays `label`.
        <Tooltip title="Move to…" describeChild>
          <IconButton size="small" aria-label={label} {...trigger}>
            <DriveFileMoveOutlinedIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      ) : (
        <Button variant="outlined" size="small" endIcon={<ArrowDropDownIcon />} {...trigger}>
          Move to…
        </Button>
      )}
      <Menu id={menuId} anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {stages.map((stage) => (
          <MenuItem
            key={stage.id}
            disabled={stage.id === currentStageId}
            selected={stage.id === currentStageId}
            onClick={() => {
              setAnchor(null);
              onPick(stage);
            }}
          >
            <ListItemText
              primary={stage.kind === 'rejected' ? `${stage.name}…` : stage.name}
              secondary={stage.id === currentStageId ? 'Current stage' : undefined}
            />
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
