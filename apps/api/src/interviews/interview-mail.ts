import type { Application, Em, InferEntity, Tenant } from '@candor/db';
import type { TEmailTemplateKey, TRole } from '@candor/schemas';
import { timeRangeText } from '@candor/schemas/time-zones';
import { blindAlias, isBlindFor, textFilterFor } from '../hiring/blind-review.js';
import { jobTitleIn, timeRangeIn } from '../mail/candidate-language.js';
import { renderEmail } from '../mail/email-templates.service.js';
import { enqueueEmail } from '../mail/outbox.js';
import { type IcsPerson, icsEvent } from './ics.js';

type ApplicationRow = InferEntity<typeof Application>;

/** An interview as its emails describe it; `title` and `location` opened (they are stored sealed). */
export interface InterviewNotice {
  interviewId: string;
  start: Date;
  end: Date;
  title: string;
  location: string | null;
  videoUrl: string | null;
  /** The event's revision (iCalendar SEQUENCE): 0 when first sent, raised by every change. */
  sequence: number;
  /** Who scheduled it: the calendar's ORGANIZER, where replies go. */
  organizer: IcsPerson;
  /** Each with the time zone their emails use (their profile's). */
  interviewers: ReadonlyArray<IcsPerson & { role: TRole; timeZone: string }>;
  /** The zone of the candidate's email: the one they picked when booking, else the job's. */
  candidateTimeZone: string;
  /** With its candidate and job loaded. */
  application: ApplicationRow;
  tenant: InferEntity<typeof Tenant>;
  publicUrl: string;
}

const TEMPLATES = {
  invitation: { interviewer: 'interview_invitation', candidate: 'candidate_interview_invitation' },
  update: { interviewer: 'interview_rescheduled', candidate: 'candidate_interview_rescheduled' },
  cancellation: { interviewer: 'interview_cancelled', candidate: 'candidate_interview_cancelled' },
} as const satisfies Record<string, Record<'interviewer' | 'candidate', TEmailTemplateKey>>;

/** The room and the video link, both when there are both. */
function whereText(location: string | null, videoUrl: string | null): string {
  if (location && videoUrl) return `${location}, or by video: ${videoUrl}`;
  return videoUrl ?? location ?? '';
}

/**
 * Queues an interview's invitation, its update (a new time or place) or its
 * cancellation for each interviewer and for the candidate, each with an .ics
 * for the same event (one UID): METHOD:REQUEST for the first two, METHOD:CANCEL
 * for the last, with the notice's sequence so calendars apply the latest.
 * An interviewer who reviews the application blind gets the candidate's alias. The candidate's
 * copy names the job and the company, not staff's own title for the
 * interview, and a candidate who restricted processing gets no hiring email.
 */
export function queueInterviewMail(
  tx: Em,
  notice: InterviewNotice,
  kind: 'invitation' | 'update' | 'cancellation',
): void {
  const { application: app, tenant } = notice;
  const cancelled = kind === 'cancellation';
  const when = (timeZone: string) => timeRangeText(notice.start, notice.end, timeZone);
  const where = whereText(notice.location, notice.videoUrl);
  const calendar = (summary: string, attendees: readonly IcsPerson[]) => {
    const ics = icsEvent({
      uid: `${notice.interviewId}@candor`,
      start: notice.start,
      end: notice.end,
      summary,
      location: notice.location,
      url: notice.videoUrl,
      organizer: notice.organizer,
      attendees,
      sequence: notice.sequence,
      cancelled,
    });
    return [
      {
        filename: 'interview.ics',
        contentType: `text/calendar; method=${cancelled ? 'CANCEL' : 'REQUEST'}`,
        contentBase64: Buffer.from(ics).toString('base64'),
      },
    ];
  };

  const interviewers = notice.interviewers.map(({ name, email }) => ({ name, email }));
  for (const person of notice.interviewers) {
    const shown = textFilterFor({ role: person.role }, app);
    const candidateName = isBlindFor({ role: person.role }, app) ? blindAlias(app.id) : app.candidate.name;
    const title = shown(notice.title);
    enqueueEmail(tx, {
      tenantId: tenant.id,
      candidateId: app.candidate.id,
      to: person.email,
      ...renderEmail(
        tenant,
        TEMPLATES[kind].interviewer,
        {
          interviewer_name: person.name,
          interview_title: title,
          candidate_name: candidateName,
          job_title: app.job.title,
          when: when(person.timeZone),
          where,
        },
        notice.publicUrl,
      ),
      attachments: calendar(`${title}: ${candidateName} for ${app.job.title}`, interviewers),
    });
  }

  if (app.candidate.restrictedAt) return;
  const candidate = { name: app.candidate.name, email: app.candidate.email };
  enqueueEmail(tx, {
    tenantId: tenant.id,
    candidateId: app.candidate.id,
    applicationId: app.id,
    to: candidate.email,
    ...renderEmail(
      tenant,
      TEMPLATES[kind].candidate,
      {
        candidate_name: candidate.name,
        job_title: jobTitleIn(app.job, app.candidate.locale, tenant),
        when:
          app.candidate.locale === 'en'
            ? when(notice.candidateTimeZone)
            : timeRangeIn(notice.start, notice.end, notice.candidateTimeZone, app.candidate.locale),
        where,
      },
      notice.publicUrl,
      app.candidate.locale,
    ),
    attachments: calendar(`Interview: ${app.job.title} at ${tenant.name}`, [candidate]),
  });
}
