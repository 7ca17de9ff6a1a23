import {
  DATA_CATEGORIES,
  DISCLOSURE_VIA_LABELS,
  type TCandidate,
  type TDataCategory,
  type TDisclosure,
} from '@candor/schemas';
import OutboxOutlinedIcon from '@mui/icons-material/OutboxOutlined';
import {
  Alert,
  Box,
  Button,
  Chip,
  Skeleton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify } from 'react-admin';
import { LoadingBlock } from '../../components/LoadingBlock';
import { dateTimeLabel } from '../../lib/dates';
import { toHttpError } from '../../providers/errors';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';
import { RequestDialog } from '../privacyRequests/RequestDialog';

/** What staff typically hand a recipient about a candidate; the log records exactly what was ticked. */
const DISCLOSABLE: TDataCategory[] = [
  'user.name',
  'user.contact.email',
  'user.contact.phone_number',
  'user.contact.address',
  'user.contact.url',
  'user.document.resume',
  'user.professional.history',
  'user.education',
  'user.professional.right_to_work',
  'user.recruitment.application',
  'user.recruitment.evaluation',
  'user.financial.salary_expectation',
];

const KIND_LABELS: Record<TDisclosure['recipient']['kind'], string> = {
  processor: 'Processor',
  controller: 'Controller',
  internal: 'Own HR',
  agent: 'Authorized agent',
};

function DisclosureRow({ entry }: { entry: TDisclosure }) {
  const { recipient } = entry;
  return (
    <TableRow>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{dateTimeLabel(entry.disclosedAt)}</TableCell>
      <TableCell>
        <Typography variant="body2">{recipient.name}</Typography>
        <Typography variant="caption" color="text.secondary">
          {KIND_LABELS[recipient.kind]}
          {recipient.country ? ` · ${recipient.country}` : ''}
        </Typography>
      </TableCell>
      <TableCell>
        <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
          {entry.categories.map((c) => (
            <Chip key={c.key} size="small" variant="outlined" label={c.label} />
          ))}
        </Stack>
      </TableCell>
      <TableCell>
        <Typography variant="body2">{entry.purpose}</Typography>
        <Typography variant="caption" color="text.secondary">
          {DISCLOSURE_VIA_LABELS[entry.via]}
        </Typography>
      </TableCell>
    </TableRow>
  );
}

/**
 * The candidate's disclosure log: every time their data left Candor for a
 * recipient (Export to HR, a background check, an agent's copy). Art. 19
 * notices after a correction, restriction or erasure go to exactly these
 * recipients, and the candidate sees the same list in the privacy portal.
 */
export function Disclosures({ candidate, canRecord }: { candidate: TCandidate; canRecord: boolean }) {
  const dataProvider = useCandorDataProvider();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [recording, setRecording] = useState(false);
  const queryKey = ['candidates', candidate.id, 'disclosures'];
  const { data, isPending, error } = useQuery({
    queryKey,
    queryFn: () => dataProvider.disclosures(candidate.id),
  });
  if (isPending) return <LoadingBlock label="Loading the disclosure log" height={80} />;
  if (error)
    return <Alert severity="error">Could not load the disclosure log: {toHttpError(error).message}</Alert>;
  const noRecipients = data.recipients.length === 0;
  return (
    <Stack spacing={2}>
      {data.entries.length === 0 ? (
        <Typography color="text.secondary">
          Nobody outside the hiring team has received this candidate’s data. Export to HR and disclosures
          recorded here appear in this log; corrections and erasures are then reported to each recipient in
          it.
        </Typography>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label={`Disclosures of ${candidate.name}'s data`}>
            <TableHead>
              <TableRow>
                <TableCell>When</TableCell>
                <TableCell>Recipient</TableCell>
                <TableCell>What</TableCell>
                <TableCell>Why</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.entries.map((entry) => (
                <DisclosureRow key={entry.id} entry={entry} />
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      {canRecord && (
        <Box>
          <Button
            variant="outlined"
            size="small"
            startIcon={<OutboxOutlinedIcon />}
            disabled={noRecipients}
            onClick={() => setRecording(true)}
          >
            Record a disclosure
          </Button>
          {noRecipients && (
            <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 0.5 }}>
              An admin lists the recipients the company discloses data to on the Privacy page first.
            </Typography>
          )}
        </Box>
      )}
      <RequestDialog
        open={recording}
        title="Record a disclosure"
        description="Record that you gave this candidate’s data to a recipient outside the company, such as a background-check provider. The candidate sees it in their privacy portal, and the recipient is told of any later correction, restriction or erasure."
        fields={[
          {
            name: 'recipient',
            label: 'Recipient',
            required: true,
            choices: data.recipients.map((r) => ({ id: r.name, name: `${r.name} (${r.purpose})` })),
          },
          {
            name: 'categories',
            label: 'What you gave them',
            required: true,
            multiple: true,
            choices: DISCLOSABLE.map((key) => ({ id: key, name: DATA_CATEGORIES[key].label })),
          },
          {
            name: 'purpose',
            label: 'Why (optional)',
            helperText: 'Leave empty to use the recipient’s purpose from the Privacy page.',
          },
        ]}
        submitLabel="Record"
        onClose={() => setRecording(false)}
        onSubmit={(values) =>
          dataProvider
            .recordDisclosure({
              candidateId: candidate.id,
              recipient: values.recipient ?? '',
              categories: (values.categories ?? '').split(',').filter(Boolean) as TDataCategory[],
              purpose: values.purpose ?? '',
            })
            .then(async () => {
              await queryClient.invalidateQueries({ queryKey });
              notify('Disclosure recorded', { type: 'success' });
            })
        }
      />
    </Stack>
  );
}
