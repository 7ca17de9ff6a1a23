import type { TCandidate, TCandidateListItem, TSourcedNotice } from '@candor/schemas';
import MarkEmailUnreadOutlinedIcon from '@mui/icons-material/MarkEmailUnreadOutlined';
import { Alert, AlertTitle, Button, Chip, Tooltip } from '@mui/material';
import { useState } from 'react';
import { Button as RaButton, useListContext, useNotify, useRefresh } from 'react-admin';
import { dateLabel } from '../../lib/dates';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';

/**
 * GDPR Art. 14 in the backoffice: people added by staff (sourced, referred,
 * imported) are told what Candor holds and where it came from, within a
 * month and before the first message. The API sends it as they are added
 * (the default), before a first message, and on the last day; these pieces
 * show who has not been told yet and send it by hand.
 */

const today = () => new Date().toISOString().slice(0, 10);
const overdue = (notice: TSourcedNotice) => notice.sentAt === null && notice.dueOn < today();

/** On a list row or card: not told yet (and overdue past the month). */
export function NotToldChip({ notice }: { notice: TSourcedNotice | null }) {
  if (!notice || notice.sentAt !== null) return null;
  const late = overdue(notice);
  return (
    <Tooltip
      title={`Not yet told where their data came from (GDPR Art. 14): ${late ? 'was due' : 'due'} by ${dateLabel(notice.dueOn)}`}
      describeChild
    >
      <Chip
        size="small"
        color={late ? 'error' : 'info'}
        variant="outlined"
        label={late ? 'Notice overdue' : 'Not told yet'}
        tabIndex={0}
      />
    </Tooltip>
  );
}

/** On the candidate page: the notice's state, and "Send now" while it is owed. */
export function SourcedNoticeBanner({ candidate, canSend }: { candidate: TCandidate; canSend: boolean }) {
  const dataProvider = useCandorDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [sending, setSending] = useState(false);
  const notice = candidate.sourcedNotice;
  if (!notice || notice.sentAt !== null || candidate.restrictedAt) return null;
  const send = () => {
    setSending(true);
    dataProvider
      .sendSourcedNotices([candidate.id])
      .then(() => {
        notify(`${candidate.name} is emailed what we hold and where it came from`, { type: 'success' });
        refresh();
      })
      .catch((error: Error) => notify(error.message, { type: 'error' }))
      .finally(() => setSending(false));
  };
  return (
    <Alert
      severity={overdue(notice) ? 'error' : 'info'}
      icon={<MarkEmailUnreadOutlinedIcon />}
      sx={{ mb: 2, alignItems: 'center' }}
      role="status"
      action={
        canSend ? (
          <Button
            color="inherit"
            variant="outlined"
            size="small"
            onClick={send}
            disabled={sending}
            sx={{ whiteSpace: 'nowrap' }}
          >
            {sending ? 'Sending…' : 'Send notice now'}
          </Button>
        ) : undefined
      }
    >
      <AlertTitle sx={{ mb: 0.25 }}>
        Not yet told where their data came from: {overdue(notice) ? 'was due' : 'due'} by{' '}
        {dateLabel(notice.dueOn)}
      </AlertTitle>
      {candidate.name} did not give us their details themselves, so the GDPR (Art. 14) requires telling them
      what we hold, where it came from and how to use their rights, within a month and before anyone writes to
      them. Candor sends it with the first message, or on the last day if nobody did.
    </Alert>
  );
}

/** In the candidates list's toolbar while it shows the queue: the notice to everyone on the page. */
export function SendNoticeToListedButton() {
  const { data, filterValues, isPending } = useListContext<TCandidateListItem>();
  const dataProvider = useCandorDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [sending, setSending] = useState(false);
  const owed = (data ?? []).filter((c) => c.sourcedNotice?.sentAt === null && !c.restrictedAt);
  if (!filterValues.notTold || isPending || owed.length === 0) return null;
  return (
    <RaButton
      label={sending ? 'Sending…' : `Send privacy notice to ${owed.length} listed`}
      disabled={sending}
      onClick={() => {
        setSending(true);
        dataProvider
          .sendSourcedNotices(owed.map((c) => c.id))
          .then(({ sent }) => {
            notify(
              `${sent} ${sent === 1 ? 'person is' : 'people are'} emailed what we hold and where it came from`,
              { type: 'success' },
            );
            refresh();
          })
          .catch((error: Error) => notify(error.message, { type: 'error' }))
          .finally(() => setSending(false));
      }}
    >
      <MarkEmailUnreadOutlinedIcon />
    </RaButton>
  );
}
