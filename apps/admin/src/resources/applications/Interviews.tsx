import { candidateLabel, type TApplication, type TInterview } from '@candor/schemas';
import { timeRangeText } from '@candor/schemas/time-zones';
import AddIcon from '@mui/icons-material/Add';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import PlaceOutlinedIcon from '@mui/icons-material/PlaceOutlined';
import RadioButtonUncheckedIcon from '@mui/icons-material/RadioButtonUnchecked';
import VideocamOutlinedIcon from '@mui/icons-material/VideocamOutlined';
import { Alert, Box, Button, Chip, Divider, Link, Skeleton, Stack, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Confirm, useNotify } from 'react-admin';
import { useMyTimeZone } from '../../lib/myCalendar';
import { toHttpError } from '../../providers/errors';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';
import { OfferTimesDialog } from './OfferTimesDialog';
import { useInterviews, useInvalidateApplication } from './queries';
import { RescheduleInterviewDialog } from './RescheduleInterviewDialog';
import { ScheduleInterviewDialog } from './ScheduleInterviewDialog';

/** "Tue 8 Dec 2026, 14:00–15:00 (Europe/Berlin)": in the reader's zone from Your account, named. */
export function interviewTimeLabel(
  interview: Pick<TInterview, 'startsAt' | 'endsAt'>,
  timeZone: string,
): string {
  return timeRangeText(new Date(interview.startsAt), new Date(interview.endsAt), timeZone);
}

function InterviewItem({
  interview,
  timeZone,
  canManage,
  onReschedule,
  onCancel,
}: {
  interview: TInterview;
  timeZone: string;
  canManage: boolean;
  onReschedule: (interview: TInterview) => void;
  onCancel: (interview: TInterview) => void;
}) {
  const cancelled = interview.status === 'cancelled';
  const past = new Date(interview.endsAt) < new Date();
  return (
    // A cancelled interview is told by its chip and struck-through time, not by fading: faded text fails contrast.
    <Box component="li" sx={{ color: cancelled ? 'text.secondary' : undefined }}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          {interview.title}
        </Typography>
        {cancelled && <Chip size="small" label="Cancelled" />}
        {!cancelled && past && <Chip size="small" variant="outlined" label="Done" />}
        <Box sx={{ flex: 1 }} />
        {canManage && !cancelled && !past && (
          <>
            <Button size="small" onClick={() => onReschedule(interview)}>
              Move interview
            </Button>
            <Button size="small" color="error" onClick={() => onCancel(interview)}>
              Cancel interview
            </Button>
          </>
        )}
      </Stack>
      <Typography variant="body2" sx={{ textDecoration: cancelled ? 'line-through' : undefined }}>
        {interviewTimeLabel(interview, timeZone)}
      </Typography>
      <Stack direction="row" spacing={2} useFlexGap sx={{ mt: 0.5, flexWrap: 'wrap' }}>
        {interview.location && (
          <Typography
            variant="body2"
            color="text.secondary"
            sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}
          >
            <PlaceOutlinedIcon fontSize="small" aria-hidden />
            {interview.location}
          </Typography>
        )}
        {interview.videoUrl && (
          <Link
            href={interview.videoUrl}
            target="_blank"
            rel="noopener noreferrer"
            variant="body2"
            sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, overflowWrap: 'anywhere' }}
          >
            <VideocamOutlinedIcon fontSize="small" aria-hidden />
            Video call link
          </Link>
        )}
      </Stack>
      <Stack
        component="ul"
        direction="row"
        spacing={1}
        useFlexGap
        aria-label="Interviewers"
        sx={{ listStyle: 'none', p: 0, m: 0, mt: 1, flexWrap: 'wrap' }}
      >
        {interview.interviewers.map((person) => (
          <Box component="li" key={person.id}>
            <Chip
              size="small"
              variant="outlined"
              color={person.submitted ? 'success' : 'default'}
              icon={
                person.submitted ? <CheckCircleIcon aria-hidden /> : <RadioButtonUncheckedIcon aria-hidden />
              }
              label={`${person.name}${person.submitted ? ' · scorecard submitted' : past && !cancelled ? ' · no scorecard yet' : ''}`}
            />
          </Box>
        ))}
      </Stack>
    </Box>
  );
}

/** The application's interviews; recruiters schedule and cancel them (interviews.manage). */
export function Interviews({ application, canManage }: { application: TApplication; canManage: boolean }) {
  const dataProvider = useCandorDataProvider();
  const notify = useNotify();
  const invalidate = useInvalidateApplication(application.id);
  const {
    data: interviews,
    isPending: interviewsPending,
    error: interviewsError,
  } = useInterviews(application.id);
  // Times are shown and typed in the zone on Your account, which interview emails to this person use too.
  const { timeZone, error: zoneError } = useMyTimeZone();
  const error = interviewsError ?? zoneError;
  const [scheduling, setScheduling] = useState(false);
  const [offering, setOffering] = useState(false);
  const [cancelling, setCancelling] = useState<TInterview | null>(null);
  const [moving, setMoving] = useState<TInterview | null>(null);
  const cancel = useMutation({
    mutationFn: (interview: TInterview) => dataProvider.cancelInterview(interview.id),
    onSuccess: (interview) => {
      notify(`${interview.title} cancelled; everyone invited was sent a calendar cancellation`, {
        type: 'success',
      });
      setCancelling(null);
      void invalidate();
    },
    onError: (err) =>
      notify(`Could not cancel the interview: ${toHttpError(err).message}`, { type: 'error' }),
  });
  // No new interviews while the candidate restricts processing; cancelling stays possible.
  const canSchedule =
    canManage && application.status === 'active' && application.candidate.restrictedAt === null;

  return (
    <Stack spacing={2}>
      {canSchedule && timeZone && (
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <Button variant="outlined" size="small" startIcon={<AddIcon />} onClick={() => setScheduling(true)}>
            Schedule interview
          </Button>
          <Button
            variant="outlined"
            size="small"
            startIcon={<EventAvailableIcon />}
            onClick={() => setOffering(true)}
          >
            Offer times
          </Button>
        </Stack>
      )}
      {error ? (
        <Alert severity="error">Could not load the interviews: {toHttpError(error).message}</Alert>
      ) : interviewsPending || !interviews || !timeZone ? (
        <Stack spacing={1} aria-busy="true" aria-label="Loading interviews">
          <Skeleton variant="text" width="60%" />
          <Skeleton variant="text" width="40%" />
        </Stack>
      ) : interviews.length === 0 ? (
        <Typography color="text.secondary">No interviews scheduled yet.</Typography>
      ) : (
        <Stack
          component="ol"
          spacing={1.5}
          divider={<Divider component="li" aria-hidden />}
          sx={{ listStyle: 'none', m: 0, p: 0 }}
        >
          {interviews.map((interview) => (
            <InterviewItem
              key={interview.id}
              interview={interview}
              timeZone={timeZone}
              canManage={canManage}
              onReschedule={setMoving}
              onCancel={setCancelling}
            />
          ))}
        </Stack>
      )}
      {timeZone && (
        <OfferTimesDialog
          open={offering}
          application={application}
          timeZone={timeZone}
          onClose={() => setOffering(false)}
          onOffered={(count) =>
            notify(
              `${candidateLabel(application.candidate)} was emailed a link to pick one of ${count === 1 ? 'the time' : `${count} times`}; the interview appears here once they do`,
              { type: 'success' },
            )
          }
        />
      )}
      <ScheduleInterviewDialog
        open={scheduling}
        timeZone={timeZone ?? 'UTC'}
        application={application}
        onClose={() => setScheduling(false)}
        onScheduled={(interview) => {
          notify(
            `${interview.title} scheduled; the interviewers and the candidate were sent a calendar invitation`,
            {
              type: 'success',
            },
          );
          void invalidate();
        }}
      />
      <RescheduleInterviewDialog
        interview={moving}
        timeZone={timeZone ?? 'UTC'}
        onClose={() => setMoving(null)}
        onRescheduled={(interview) => {
          notify(`${interview.title} moved; everyone invited was sent the new time`, { type: 'success' });
          void invalidate();
        }}
      />
      <Confirm
        isOpen={cancelling !== null}
        loading={cancel.isPending}
        title={cancelling ? `Cancel ${cancelling.title}?` : 'Cancel interview?'}
        content={
          cancelling
            ? `${interviewTimeLabel(cancelling, timeZone ?? 'UTC')}. The interviewers and the candidate get a cancellation that removes it from their calendars; the interview stays in the history, marked as cancelled.`
            : ''
        }
        confirm="Cancel interview"
        cancel="Keep it"
        confirmColor="warning"
        onConfirm={() => cancelling && cancel.mutate(cancelling)}
        onClose={() => setCancelling(null)}
      />
    </Stack>
  );
}
