import type { TApplicationListItem } from '@candor/schemas';
import EmailOutlinedIcon from '@mui/icons-material/EmailOutlined';
import { IconButton, Tooltip } from '@mui/material';
import { useState } from 'react';
import { Button } from 'react-admin';
import { type ComposeAudience, ComposeDialog } from './ComposeDialog';

/**
 * The candidates of these applications as one bulk audience (`ids`: all of
 * them, when a selection reaches beyond the loaded records); the first
 * identified one loaded is the preview's sample.
 */
export function bulkAudience(
  applications: readonly TApplicationListItem[],
  ids?: readonly string[],
): ComposeAudience {
  const first = applications.find((a) => !a.candidate.blind);
  return {
    kind: 'bulk',
    applicationIds: ids ? [...ids] : applications.map((a) => a.id),
    sample:
      first && !first.candidate.blind
        ? { candidateId: first.candidate.id, applicationId: first.id, name: first.candidate.name }
        : null,
  };
}

type Props = {
  applications: readonly TApplicationListItem[];
  /** Every selected application, loaded or not; `applications`' ids by default. */
  applicationIds?: readonly string[];
  /** `button`: react-admin's bulk-action button; `icon`: a small icon button (a board column's header). */
  variant?: 'button' | 'icon';
  /** What the icon button says to assistive tech and in its tooltip. */
  label?: string;
  onSent?: () => void;
};

/**
 * Bulk email: the compose dialog for the candidates of several applications.
 * The server writes each one's own copy and reports who was skipped and why.
 */
export function BulkEmailButton({
  applications,
  applicationIds,
  variant = 'button',
  label = 'Email',
  onSent,
}: Props) {
  const [open, setOpen] = useState(false);
  return (
    <>
      {variant === 'icon' ? (
        <Tooltip title={label}>
          <span>
            <IconButton
              size="small"
              aria-label={label}
              onClick={() => setOpen(true)}
              disabled={(applicationIds ?? applications).length === 0}
            >
              <EmailOutlinedIcon fontSize="small" />
            </IconButton>
          </span>
        </Tooltip>
      ) : (
        <Button label={label} onClick={() => setOpen(true)}>
          <EmailOutlinedIcon />
        </Button>
      )}
      <ComposeDialog
        open={open}
        audience={bulkAudience(applications, applicationIds)}
        onClose={() => setOpen(false)}
        onSent={() => onSent?.()}
      />
    </>
  );
}
