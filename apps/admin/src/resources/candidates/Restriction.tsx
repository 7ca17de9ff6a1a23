import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import { Alert, AlertTitle, Box, Chip, Tooltip } from '@mui/material';
import type { ReactElement, ReactNode } from 'react';
import { dateLabel } from '../../lib/dates';

/**
 * Restriction of processing (GDPR Art. 18) in the backoffice. The API hides
 * restricted candidates from everyone but owners and admins and refuses every
 * change to them; these pieces say so where a button would otherwise fail.
 */

/** Why an action is unavailable, for the tooltip of its disabled button. */
export const RESTRICTED_REASON =
  'Not possible while processing is restricted at the candidate’s request (GDPR Art. 18)';

/** A disabled action, with the reason on hover and focus (the wrapper lets a disabled button show a tooltip). */
export function WhileRestricted({ children }: { children: ReactElement }) {
  return (
    <Tooltip title={RESTRICTED_REASON} describeChild>
      <Box component="span" sx={{ display: 'inline-flex' }} tabIndex={0}>
        {children}
      </Box>
    </Tooltip>
  );
}

/** A row or card of a restricted candidate (only owners and admins see those). */
export function RestrictedChip({ restrictedAt }: { restrictedAt: string }) {
  return (
    <Tooltip
      title={`Processing restricted since ${dateLabel(restrictedAt)} at the candidate’s request`}
      describeChild
    >
      <Chip
        size="small"
        color="warning"
        icon={<LockOutlinedIcon aria-hidden />}
        label="Restricted"
        tabIndex={0}
      />
    </Tooltip>
  );
}

/** The warning at the top of a restricted candidate's pages; `action` is e.g. the admin's "Lift restriction". */
export function RestrictionBanner({ restrictedAt, action }: { restrictedAt: string; action?: ReactNode }) {
  return (
    <Alert
      severity="warning"
      variant="filled"
      icon={<LockOutlinedIcon />}
      action={action}
      sx={{ mb: 2, alignItems: 'center', '& .MuiAlert-action': { pt: 0 } }}
      role="status"
    >
      <AlertTitle sx={{ mb: 0.25 }}>Processing restricted since {dateLabel(restrictedAt)}</AlertTitle>
      At the candidate’s request (GDPR Art. 18) their data is kept but not used: no stage moves, emails, notes
      or scorecards.
    </Alert>
  );
}
