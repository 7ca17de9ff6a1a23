import { type Em, InterviewParticipant, Membership, StaffCalendar, TENANT_FILTER } from '@candor/db';
import { hashToken } from '../auth/token-hash.js';
import { textFilterFor } from '../hiring/blind-review.js';
import { icsCalendar } from '../interviews/ics.js';
import { candidateKey, type DataKeys, openText } from '../keys/data-keys.js';

const ANY_TENANT = { filters: { [TENANT_FILTER]: false } } as const;
/** Interviews that ended this long ago still show, so today's are not gone the moment they end. */
const KEEP_PAST_MS = 7 * 86_400_000;

/**
 * The private ICS feed behind a staff member's feed link: their scheduled
 * interviews (from a week ago on) in every organisation where they are an
 * active member. Calendar apps fetch it without a session; the token in the
 * link is the key, so a revoked or renewed link finds nothing (null). Events
 * name the job and the organisation, not the candidate: the feed is copied
 * into calendar services outside Candor; the link to the application is there.
 */
export async function interviewFeed(
  em: Em,
  deps: DataKeys & { publicUrl: string },
  token: string,
  now = new Date(),
): Promise<string | null> {
  const calendar = await em.findOne(StaffCalendar, { feedTokenHash: hashToken(token) });
  if (!calendar) return null;
  const memberships = await em.find(
    Membership,
    { user: calendar.user, status: 'active' },
    { ...ANY_TENANT, populate: ['tenant'] },
  );
  const roles = new Map(memberships.map((m) => [m.tenant.id, m.role]));
  const participations = await em.find(
    InterviewParticipant,
    {
      user: calendar.user,
      tenant: { $in: [...roles.keys()] },
      interview: { status: 'scheduled', endsAt: { $gte: new Date(now.getTime() - KEEP_PAST_MS) } },
    },
    {
      ...ANY_TENANT,
      populate: [
        'interview.application.job',
        'interview.application.stage',
        'interview.application.candidate',
        'interview.tenant',
      ],
      orderBy: { interview: { startsAt: 'asc' } },
    },
  );
  const events = [];
  for (const { interview } of participations) {
    const app = interview.application;
    const role = roles.get(interview.tenant.id)!;
    const key = interview.location
      ? await candidateKey(em, deps, { tenantId: interview.tenant.id, candidateId: app.candidate.id })
      : null;
    events.push({
      uid: `${interview.id}@candor`,
      start: interview.startsAt,
      end: interview.endsAt,
      summary: `Interview: ${app.job.title} (${interview.tenant.name})`,
      location: interview.location ? textFilterFor({ role }, app)(openText(key, interview.location)) : null,
      url: interview.videoUrl ?? null,
      description: `In Candor: ${deps.publicUrl}/admin/#/applications/${app.id}/show`,
      organizer: null,
      attendees: [],
      sequence: interview.sequence,
    });
  }
  return icsCalendar(events, 'Candor interviews', now);
}
