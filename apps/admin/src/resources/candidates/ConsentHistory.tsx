import type { TConsentChannel, TConsentDecision, TConsentEvent } from '@candor/schemas';
import {
  Alert,
  Box,
  Chip,
  Skeleton,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { LoadingBlock } from '../../components/LoadingBlock';
import { dateTimeLabel } from '../../lib/dates';
import { toHttpError } from '../../providers/errors';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';

const DECISIONS: Record<TConsentDecision, { label: string; color: 'success' | 'default' | 'warning' }> = {
  given: { label: 'Given', color: 'success' },
  refused: { label: 'Refused', color: 'default' },
  withdrawn: { label: 'Withdrawn', color: 'warning' },
};

const CHANNELS: Record<TConsentChannel, string> = {
  careers_apply: 'Apply form',
  privacy_portal: 'Privacy portal',
  renewal_email: 'Renewal link',
  diversity_survey: 'Diversity survey',
  staff: 'Recorded by staff',
  background_check: 'Background check page',
};

function EventRow({ event }: { event: TConsentEvent }) {
  const decision = DECISIONS[event.decision];
  return (
    <TableRow>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{dateTimeLabel(event.occurredAt)}</TableCell>
      <TableCell>
        <Typography variant="body2">{event.purposeLabel}</Typography>
        <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
          {event.purpose}
        </Typography>
      </TableCell>
      <TableCell>
        <Chip
          size="small"
          color={decision.color}
          variant={decision.color === 'default' ? 'outlined' : 'filled'}
          label={decision.label}
        />
        {/* The browser sent a Global Privacy Control signal: marketing-type purposes were declined. */}
        {event.gpc && <Chip size="small" variant="outlined" label="GPC signal" sx={{ ml: 0.5 }} />}
      </TableCell>
      <TableCell>{event.noticeVersion === null ? '—' : `v${event.noticeVersion}`}</TableCell>
      <TableCell>{CHANNELS[event.channel]}</TableCell>
      <TableCell>
        {event.receiptId ? (
          <Typography
            variant="body2"
            component="span"
            title={event.receiptId}
            sx={{ fontFamily: 'monospace' }}
          >
            {event.receiptId.slice(0, 8)}
          </Typography>
        ) : (
          '—'
        )}
      </TableCell>
    </TableRow>
  );
}

/**
 * Every consent decision the candidate made, newest first: the wording they
 * saw, the notice version, where they decided, and the signed receipt.
 */
export function ConsentHistory({
  candidateId,
  candidateName,
}: {
  candidateId: string;
  candidateName: string;
}) {
  const dataProvider = useCandorDataProvider();
  const {
    data: events,
    isPending,
    error,
  } = useQuery({
    queryKey: ['candidates', candidateId, 'consentHistory'],
    queryFn: () => dataProvider.consentHistory(candidateId),
  });
  if (isPending) return <LoadingBlock label="Loading the consent history" height={80} />;
  if (error)
    return <Alert severity="error">Could not load the consent history: {toHttpError(error).message}</Alert>;
  if (events.length === 0) {
    return (
      <Typography color="text.secondary">
        No consent decisions recorded. Applicants decide on the optional purposes when they apply.
      </Typography>
    );
  }
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={`Consent history of ${candidateName}`}>
        <TableHead>
          <TableRow>
            <TableCell>When</TableCell>
            <TableCell>Purpose</TableCell>
            <TableCell>Decision</TableCell>
            <TableCell>Notice</TableCell>
            <TableCell>Where</TableCell>
            <TableCell>Receipt</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {events.map((event) => (
            <EventRow key={event.id} event={event} />
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
