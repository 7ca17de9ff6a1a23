import { Box, Skeleton } from '@mui/material';

/**
 * A placeholder while a panel loads, announced as "loading" to screen
 * readers. The label sits on a status region: a skeleton is a plain span,
 * on which aria-label is not allowed (axe: aria-prohibited-attr).
 */
export function LoadingBlock({
  label,
  height,
  variant = 'rectangular',
}: {
  label: string;
  height: number;
  variant?: 'rectangular' | 'rounded';
}) {
  return (
    <Box role="status" aria-busy="true" aria-label={label}>
      <Skeleton variant={variant} height={height} />
    </Box>
  );
}
