import { DEFAULT_OFFER_TERMS, renderOfferTerms, type TRecommendation } from '@candor/schemas';
import type { InferEntity } from '@mikro-orm/core';
import {
  HiringTeamMember,
  Interview,
  InterviewParticipant,
  Offer,
  Scorecard,
  TENANT_FILTER,
  Tenant,
  User,
} from '../entities/index.js';
import type { Em } from '../orm.js';
import type { DemoStory } from './demo-hiring.js';
import { SeededRandom } from './random.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** As the reports count it: a scorecard within two days of the interview's end is on time. */
const FEEDBACK_DUE = 48 * HOUR;
const NOTES = [
  'Clear thinker; walked through trade-offs without prompting.',
  'Strong fundamentals, a little quiet when the problem got vague.',
  'Great questions about the team. Would like a deeper systems round.',
  'Solid, practical answers; some gaps on testing.',
  'Excellent collaboration in the pairing exercise.',
];

type UserRow = InferEntity<typeof User>;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Interviews, scorecards and offers for the demo tenant, from each
 * application's stage history (demo-hiring.ts): an interview in every
 * interview stage it passed through, held while it was there and scheduled
 * before; scorecards after it ends (some late, as real ones are) and before
 * the application moved on; an offer drafted after the final feedback,
 * approved, and sent when the application moved to the offer stage, then
 * accepted (the move to hired), declined or withdrawn. In the
 * live pipeline: one interview still to come, one scorecard the manager
 * still owes, an offer waiting for approval and two waiting for an answer.
 */
export async function seedDemoFeedback(em: Em, tenantId: string, stories: DemoStory[]): Promise<void> {
  em.setFilterParams(TENANT_FILTER, { tenantId });
  const random = new SeededRandom(7);
  const now = Date.now();
  const user = (email: string) => em.findOneOrFail(User, { email });
  const [recruiter, manager, admin, owner] = await Promise.all([
    user('recruiter@acme.example'),
    user('manager@acme.example'),
    user('admin@acme.example'),
    user('owner@acme.example'),
  ]);
  const tenant = await em.findOneOrFail(Tenant, tenantId);
  /** How likely each interviewer is to send their scorecard after the two days (the reports show who). */
  const lateness = new Map<UserRow, number>([
    [recruiter, 0.05],
    [manager, 0.25],
    [admin, 0.4],
    [owner, 0.3],
  ]);
  const seated = new Set<string>();
  const seat = (user: UserRow, story: DemoStory) => {
    // Interviewers join the hiring team (once per job), as scheduling does in the app.
    const job = story.application.job;
    if (user === recruiter || user === manager || seated.has(`${job.id} ${user.id}`)) return;
    seated.add(`${job.id} ${user.id}`);
    em.create(HiringTeamMember, { tenant: tenantId, job, user, role: 'interviewer' });
  };

  // The live pipeline's special cases, oldest application first.
  const live = stories
    .filter((s) => s.outcome.status === 'active' && s.path.at(-1)!.stage.kind === 'interview')
    .sort((x, y) => x.application.appliedAt.getTime() - y.application.appliedAt.getTime());
  const upcoming = live[0];
  // The manager's owed scorecard is for an interview that ended more than two days ago.
  const owed = live.find((s) => s !== upcoming && s.withManager && s.path.at(-1)!.at < now - 4 * DAY);

  let count = 0;
  for (const story of stories) {
    const { application, path } = story;
    let lastFeedback = 0;
    path.forEach(({ stage, at: enteredAt }, i) => {
      if (stage.kind !== 'interview') return;
      const final = stage.name === 'Final interview';
      const interviewers = story.withManager
        ? final
          ? [manager, owner]
          : [manager, recruiter]
        : final
          ? [admin, owner]
          : [recruiter, admin];
      const leftAt = path[i + 1]?.at ?? now;
      const isUpcoming = story === upcoming && i === path.length - 1;
      const startsAt = isUpcoming
        ? businessHour(now + 2 * DAY, random)
        : interviewTime(random, enteredAt, leftAt, now);
      if (startsAt === null) return;
      const endsAt = startsAt + HOUR;
      count += 1;
      const interview = em.create(Interview, {
        tenant: tenantId,
        application,
        title: final ? 'Final interview' : 'Technical interview',
        startsAt: new Date(startsAt),
        endsAt: new Date(endsAt),
        location: null,
        videoUrl: `https://meet.example.com/acme-${count}`,
        status: 'scheduled',
        createdBy: recruiter,
        // Scheduled soon after the application reached the stage, before it was held.
        createdAt: new Date(Math.min(enteredAt + (startsAt - enteredAt) * 0.2, now)),
      });
      for (const user of interviewers) {
        em.create(InterviewParticipant, { tenant: tenantId, interview, user });
        seat(user, story);
      }
      if (isUpcoming) return;
      // Feedback comes in before the application moves on (and before now).
      const deadline = Math.min(leftAt, now) - 10 * 60_000;
      interviewers.forEach((author, a) => {
        if (story === owed && i === path.length - 1 && author === manager) return;
        const late = random.chance(lateness.get(author) ?? 0) && endsAt + FEEDBACK_DUE + 6 * HOUR < deadline;
        const submittedAt = late
          ? random.int(endsAt + FEEDBACK_DUE + HOUR, Math.min(deadline, endsAt + 5 * DAY))
          : Math.min(deadline, endsAt + random.int(1, 26) * HOUR);
        lastFeedback = Math.max(lastFeedback, submittedAt);
        const score = random.int(2, 4);
        const recommendation: TRecommendation =
          score >= 4 ? 'strong_yes' : score === 3 ? 'yes' : random.pick(['no', 'yes'] as const);
        em.create(Scorecard, {
          tenant: tenantId,
          application,
          interview,
          author,
          ratings: application.job.criteria.map((c) => ({
            criterionId: c.id,
            rating: Math.max(1, Math.min(4, score + random.int(-1, 1))),
          })),
          recommendation,
          notes: NOTES[(count + a) % NOTES.length]!,
          submittedAt: new Date(submittedAt),
        });
      });
    });
    if (story.outcome.offer) createOffer(em, story, lastFeedback, { tenant, recruiter, admin, now });
  }
  await em.flush();
}

/** The offer of a story that got one, dated between the last feedback and its answer (see seedDemoFeedback). */
function createOffer(
  em: Em,
  story: DemoStory,
  lastFeedback: number,
  {
    tenant,
    recruiter,
    admin,
    now,
  }: { tenant: InferEntity<typeof Tenant>; recruiter: UserRow; admin: UserRow; now: number },
): void {
  const { application, path, outcome } = story;
  const offerMove = path.find((p) => p.stage.kind === 'offer')!.at;
  const pending = outcome.offer === 'pending';
  // Drafted and approved after the final feedback; sending it moved the application to the offer stage.
  const before = Math.max(lastFeedback, path[path.findIndex((p) => p.stage.kind === 'offer') - 1]!.at);
  const createdAt = pending
    ? Math.min(now - HOUR, offerMove + 3 * HOUR)
    : before + (offerMove - before) * 0.3;
  const approvedAt = pending ? null : before + (offerMove - before) * 0.7;
  const sentAt = pending ? null : offerMove;
  const decidedAt = application.decidedAt?.getTime() ?? null;
  const respondedAt =
    outcome.offer === 'accepted'
      ? decidedAt
      : outcome.offer === 'declined' && decidedAt !== null
        ? Math.max(offerMove + HOUR, decidedAt - 3 * HOUR)
        : null;
  const { salaryMin, salaryMax, salaryCurrency } = application.job;
  // The middle of the advertised range, rounded to a thousand.
  const salary = Math.round(((salaryMin ?? 60_000) + (salaryMax ?? 80_000)) / 2000) * 1000;
  const values = {
    salary,
    currency: salaryCurrency ?? 'EUR',
    period: 'year',
    startDate: day((sentAt ?? now) + 45 * DAY),
    expiresOn: day((sentAt ?? now) + 14 * DAY),
  };
  em.create(Offer, {
    tenant: application.tenant,
    application,
    ...values,
    // A sent offer holds its terms as the candidate was sent them (see sendOffer).
    terms: sentAt
      ? renderOfferTerms(DEFAULT_OFFER_TERMS, {
          ...values,
          candidateName: application.candidate.name,
          jobTitle: application.job.title,
          companyName: tenant.name,
        })
      : DEFAULT_OFFER_TERMS,
    status: outcome.offer === 'pending' ? 'pending_approval' : outcome.offer!,
    createdBy: recruiter,
    approvedBy: approvedAt ? admin : null,
    approvedAt: approvedAt ? new Date(approvedAt) : null,
    sentAt: sentAt ? new Date(sentAt) : null,
    respondedAt: respondedAt ? new Date(respondedAt) : null,
    createdAt: new Date(createdAt),
  });
  if (createdAt > application.lastActivityAt.getTime()) application.lastActivityAt = new Date(createdAt);
}

/** An instant on the day of `at`, or the next one, at a full hour between 9:00 and 15:00 UTC. */
function businessHour(at: number, random: SeededRandom): number {
  const date = new Date(at);
  date.setUTCHours(9 + random.int(0, 6), 0, 0, 0);
  return date.getTime() < at ? date.getTime() + DAY : date.getTime();
}

/**
 * When an interview in a stage entered at `from` and left at `to` (or still
 * there) was held: in the first half of the stay, at business hours when the
 * stay allows time for feedback after it, else simply early in it; null when
 * the application only just got there (not scheduled yet).
 */
function interviewTime(random: SeededRandom, from: number, to: number, now: number): number | null {
  const until = Math.min(to, now);
  if (until - from < 4 * HOUR) return null;
  const at = businessHour(from + (until - from) * (0.1 + random.next() * 0.35), random);
  if (at + 3 * HOUR < until) return at;
  return from + (until - from) * 0.2;
}
