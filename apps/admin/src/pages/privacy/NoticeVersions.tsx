import type { TNoticeMailing, TPrivacyNotice } from '@candor/schemas';
import VisibilityOutlinedIcon from '@mui/icons-material/VisibilityOutlined';
import {
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { Markdown } from '../../components/Markdown';
import { dateTimeLabel, dayLabel } from '../../lib/dates';
import { visuallyHidden } from '../../lib/visuallyHidden';
import { versionInEffect } from './queries';

function StatusChip({ notice, inEffect }: { notice: TPrivacyNotice; inEffect: number | null }) {
  if (notice.version === inEffect) return <Chip size="small" color="success" label="In effect" />;
  if (inEffect === null || (notice.version ?? 0) > inEffect)
    return <Chip size="small" color="info" label="Scheduled" />;
  return <Chip size="small" variant="outlined" label="Superseded" />;
}

function MaterialChip() {
  return <Chip size="small" color="warning" variant="outlined" label="Material change" />;
}

/** How far emailing a material change to candidates has got: a bar while sending, the counts once done. */
function MailingProgress({ version, mailing }: { version: number | null; mailing: TNoticeMailing }) {
  const reached = mailing.queued + mailing.skipped;
  const skipped = mailing.skipped > 0 ? ` · ${mailing.skipped.toLocaleString()} restricted, not emailed` : '';
  if (mailing.state === 'done') {
    return (
      <Typography variant="caption" color="text.secondary">
        Emailed to {mailing.queued.toLocaleString()} candidate{mailing.queued === 1 ? '' : 's'}
        {mailing.finishedAt ? ` · ${dateTimeLabel(mailing.finishedAt)}` : ''}
        {skipped}
      </Typography>
    );
  }
  const percent = mailing.total === 0 ? 100 : Math.round((reached / mailing.total) * 100);
  return (
    <Box sx={{ width: '100%', minWidth: 180 }}>
      <LinearProgress
        variant="determinate"
        value={percent}
        aria-label={`Emailing version ${version} to candidates`}
      />
      <Typography variant="caption" color="text.secondary">
        Emailing candidates: {reached.toLocaleString()} of {mailing.total.toLocaleString()}
        {skipped}
      </Typography>
    </Box>
  );
}

/** One published version, read-only: published text never changes. */
function VersionDialog({ notice, onClose }: { notice: TPrivacyNotice | null; onClose: () => void }) {
  return (
    <Dialog
      open={notice !== null}
      onClose={onClose}
      aria-labelledby="notice-version-title"
      fullWidth
      maxWidth="md"
    >
      {notice && (
        <>
          <DialogTitle id="notice-version-title">Privacy notice, version {notice.version}</DialogTitle>
          <DialogContent dividers>
            <Stack
              direction="row"
              spacing={1}
              useFlexGap
              sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 2 }}
            >
              <Typography variant="body2" color="text.secondary">
                Takes effect {notice.effectiveOn ? dayLabel(notice.effectiveOn) : '—'}
                {notice.publishedAt &&
                  ` · published ${dateTimeLabel(notice.publishedAt)}${notice.publishedBy ? ` by ${notice.publishedBy.name}` : ''}`}
              </Typography>
              {notice.materialChange && <MaterialChip />}
            </Stack>
            {notice.changeSummary && (
              <Typography variant="body2" sx={{ mb: 2 }}>
                <strong>What changed:</strong> {notice.changeSummary}
              </Typography>
            )}
            <Paper variant="outlined" sx={{ p: 2 }}>
              <Markdown source={notice.bodyMd} emptyText="This version is empty." />
            </Paper>
            <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
              Published versions cannot be changed. Applications record the version they were made under.
            </Typography>
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>Close</Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}

/** The published versions, newest first, each opening read-only. */
export function NoticeVersions({ notices }: { notices: readonly TPrivacyNotice[] }) {
  const [open, setOpen] = useState<TPrivacyNotice | null>(null);
  const published = notices.filter((n) => n.version !== null);
  const inEffect = versionInEffect(notices);
  if (published.length === 0) {
    return (
      <EmptyState
        title="No published version yet"
        hint="The careers site takes applications once a version of the notice is in effect."
      />
    );
  }
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label="Published versions of the privacy notice">
        <TableHead>
          <TableRow>
            <TableCell>Version</TableCell>
            <TableCell>Takes effect</TableCell>
            <TableCell>Change</TableCell>
            <TableCell>Published</TableCell>
            <TableCell>
              <Box component="span" sx={visuallyHidden}>
                Actions
              </Box>
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {published.map((notice) => (
            <TableRow key={notice.id} hover>
              <TableCell>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <Typography component="span" sx={{ fontWeight: 600 }}>
                    v{notice.version}
                  </Typography>
                  <StatusChip notice={notice} inEffect={inEffect} />
                </Stack>
              </TableCell>
              <TableCell>{notice.effectiveOn ? dayLabel(notice.effectiveOn) : '—'}</TableCell>
              <TableCell>
                <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
                  {notice.materialChange && <MaterialChip />}
                  <Typography
                    variant="body2"
                    color={notice.changeSummary ? 'text.primary' : 'text.secondary'}
                  >
                    {notice.changeSummary || (notice.materialChange ? '' : 'Minor change')}
                  </Typography>
                  {notice.mailing && <MailingProgress version={notice.version} mailing={notice.mailing} />}
                </Stack>
              </TableCell>
              <TableCell>
                <Typography variant="body2">{notice.publishedBy?.name ?? '—'}</Typography>
                <Typography variant="caption" color="text.secondary">
                  {notice.publishedAt ? dateTimeLabel(notice.publishedAt) : ''}
                </Typography>
              </TableCell>
              <TableCell align="right">
                <Button
                  size="small"
                  startIcon={<VisibilityOutlinedIcon />}
                  onClick={() => setOpen(notice)}
                  aria-label={`View version ${notice.version}`}
                >
                  View
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <VersionDialog notice={open} onClose={() => setOpen(null)} />
    </Box>
  );
}
