import { dayOf, type TCandidate, type TLegalHold } from '@candor/schemas';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import GavelOutlinedIcon from '@mui/icons-material/GavelOutlined';
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Alert,
  Box,
  Button,
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
import { dateTimeLabel, dayLabel } from '../../lib/dates';
import { visuallyHidden } from '../../lib/visuallyHidden';
import { toHttpError } from '../../providers/errors';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';
import { type DialogValues, RequestDialog } from '../privacyRequests/RequestDialog';

/** The scope choice for "everything about the candidate"; any other value is an application id. */
const WHOLE_RECORD = 'whole';

function scopeLabel(hold: TLegalHold, candidate: TCandidate): string {
  if (hold.applicationId === null) return 'Whole record';
  const application = candidate.applications.find((a) => a.id === hold.applicationId);
  return application ? `Application: ${application.jobTitle}` : 'One application';
}

function placedLabel(hold: TLegalHold): string {
  return `${hold.placedBy ?? 'A former user'}, ${dateTimeLabel(hold.placedAt)}`;
}

/** Why a hold no longer applies: released by someone, or past its end date. */
function endedLabel(hold: TLegalHold): string {
  if (hold.releasedAt) return `Released ${dateTimeLabel(hold.releasedAt)}`;
  return hold.endsOn ? `Ended after ${dayLabel(hold.endsOn)}` : 'Not in force';
}

function HoldsTable({
  holds,
  candidate,
  label,
  onRelease,
}: {
  holds: TLegalHold[];
  candidate: TCandidate;
  label: string;
  /** Absent for past holds, which cannot be released again. */
  onRelease?: (hold: TLegalHold) => void;
}) {
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={label}>
        <TableHead>
          <TableRow>
            <TableCell>Reason</TableCell>
            <TableCell>Scope</TableCell>
            <TableCell>Placed</TableCell>
            <TableCell>{onRelease ? 'Ends on' : 'Ended'}</TableCell>
            {onRelease && (
              <TableCell>
                <Box component="span" sx={visuallyHidden}>
                  Actions
                </Box>
              </TableCell>
            )}
          </TableRow>
        </TableHead>
        <TableBody>
          {holds.map((hold) => (
            <TableRow key={hold.id}>
              <TableCell sx={{ overflowWrap: 'anywhere', minWidth: 200 }}>{hold.reason}</TableCell>
              <TableCell>{scopeLabel(hold, candidate)}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{placedLabel(hold)}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {onRelease ? (hold.endsOn ? dayLabel(hold.endsOn) : 'Until released') : endedLabel(hold)}
              </TableCell>
              {onRelease && (
                <TableCell align="right">
                  <Button
                    size="small"
                    variant="outlined"
                    onClick={() => onRelease(hold)}
                    aria-label={`Release the hold: ${hold.reason}`}
                  >
                    Release
                  </Button>
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

/**
 * Legal holds on the candidate: data under an active hold is neither erased
 * on request nor by retention. Shown only to those who may manage holds.
 */
export function LegalHolds({ candidate }: { candidate: TCandidate }) {
  const dataProvider = useCandorDataProvider();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [placing, setPlacing] = useState(false);
  const [releasing, setReleasing] = useState<TLegalHold | null>(null);
  const queryKey = ['candidates', candidate.id, 'legalHolds'];
  const {
    data: holds,
    isPending,
    error,
  } = useQuery({
    queryKey,
    queryFn: () => dataProvider.legalHolds(candidate.id),
  });
  const changed = (message: string) => {
    notify(message, { type: 'success' });
    return queryClient.invalidateQueries({ queryKey });
  };

  if (isPending) return <LoadingBlock label="Loading the legal holds" height={60} />;
  if (error)
    return <Alert severity="error">Could not load the legal holds: {toHttpError(error).message}</Alert>;

  const active = holds.filter((hold) => hold.active);
  const past = holds.filter((hold) => !hold.active);
  const scopeChoices = [
    { id: WHOLE_RECORD, name: 'The whole record' },
    ...candidate.applications.map((application) => ({
      id: application.id,
      name: `Only the application for ${application.jobTitle}`,
    })),
  ];

  return (
    <Stack spacing={2}>
      {active.length === 0 ? (
        <Typography color="text.secondary">
          No legal hold. Place one when this candidate’s data is needed for a legal claim: it is then neither
          erased on request nor by retention.
        </Typography>
      ) : (
        <>
          <Alert severity="warning" variant="outlined" icon={<GavelOutlinedIcon />}>
            {active.length === 1 ? 'A legal hold is' : `${active.length} legal holds are`} in force: erasure
            requests for this candidate cannot be carried out until released.
          </Alert>
          <HoldsTable
            holds={active}
            candidate={candidate}
            label={`Active legal holds on ${candidate.name}`}
            onRelease={setReleasing}
          />
        </>
      )}
      <Box>
        <Button variant="outlined" startIcon={<GavelOutlinedIcon />} onClick={() => setPlacing(true)}>
          Place a hold
        </Button>
      </Box>
      {past.length > 0 && (
        <Accordion disableGutters variant="outlined">
          <AccordionSummary expandIcon={<ExpandMoreIcon />}>
            <Typography variant="body2">Past holds ({past.length})</Typography>
          </AccordionSummary>
          <AccordionDetails>
            <HoldsTable holds={past} candidate={candidate} label={`Past legal holds on ${candidate.name}`} />
          </AccordionDetails>
        </Accordion>
      )}
      <RequestDialog
        open={placing}
        title="Place a legal hold"
        description="While the hold is in force, the data it covers is kept: erasure requests are refused and retention does not delete it. Everyone who manages holds sees the reason."
        fields={[
          {
            name: 'applicationId',
            label: 'Scope',
            required: true,
            choices: scopeChoices,
            initial: WHOLE_RECORD,
            helperText: 'One application keeps only that; the rest of the record may still be erased.',
          },
          {
            name: 'reason',
            label: 'Reason',
            required: true,
            multiline: true,
            helperText:
              'The legal reason, without personal data, e.g. “Claim before the labour court, file 4 Ca 123/26”.',
          },
          {
            name: 'endsOn',
            label: 'Ends on (optional)',
            type: 'date',
            min: dayOf(),
            helperText: 'Leave empty to keep it until released.',
          },
        ]}
        submitLabel="Place hold"
        onClose={() => setPlacing(false)}
        onSubmit={(values: DialogValues) =>
          dataProvider
            .placeLegalHold({
              candidateId: candidate.id,
              applicationId:
                !values.applicationId || values.applicationId === WHOLE_RECORD ? null : values.applicationId,
              reason: values.reason ?? '',
              endsOn: values.endsOn || null,
            })
            .then(() => changed('Legal hold placed'))
        }
      />
      <RequestDialog
        open={releasing !== null}
        title="Release the legal hold"
        description={
          <>
            <Typography component="span" sx={{ display: 'block', mb: 1, overflowWrap: 'anywhere' }}>
              “{releasing?.reason}”
            </Typography>
            Once released, the data it covered may be erased on request or by retention. The hold stays on
            record as released.
          </>
        }
        submitLabel="Release"
        color="warning"
        onClose={() => setReleasing(null)}
        onSubmit={() =>
          releasing
            ? dataProvider.releaseLegalHold(releasing.id).then(() => changed('Legal hold released'))
            : Promise.resolve()
        }
      />
    </Stack>
  );
}
