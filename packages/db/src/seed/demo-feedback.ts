import { DEFAULT_OFFER_TERMS, renderOfferTerms, type TRecommendation } from '@candor/schemas';
import {
  Application,
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
import { SeededRandom } from './random.js';

const DAY = 86_400_000;
const NOTES = [
  'Clear thinker; walked through trade-offs without prompting.',
  'Strong fundamentals, a little quiet when the problem got vague.',
  'Great questions about the team. Would like a deeper systems round.',
  'Solid, practical answers; some gaps on testing.',
  'Excellent collaboration in the pairing exercise.',
];

/**
 * Interviews, scorecards and offers for the demo tenant, on top of the
 * hiring data: past interviews with submitted (and one missing) scorecards,
 * an upcoming interview, an offer waiting for approval and one sent.
 */
export async function seedDemoFeedback(em: Em, tenantId: string): Promise<void> {
  em.setFilterParams(TENANT_FILTER, { tenantId });
  const random = new SeededRandom(7);
  const now = Date.now();
  const [recruiter, manager, admin] = await Promise.all(
    ['recruiter@acme.example', 'manager@acme.example', 'admin@acme.example'].map((email) =>
      em.findOneOrFail(User, { email }),
    ),
  );
  const managerJobs = new Set(
    (await em.find(HiringTeamMember, { user: manager!, tenant: tenantId })).map((seat) => seat.job.id),
  );
  const seated = new Set<string>();
  const active = await em.find(
    Application,
    { tenant: tenantId, status: 'active', stage: { kind: { $in: ['interview', 'offer'] } } },
    { populate: ['stage', 'job', 'candidate'], orderBy: { appliedAt: 'asc' } },
  );

  active.forEach((application, index) => {
    const job = application.job;
    const interviewers = managerJobs.has(job.id) ? [manager!, recruiter!] : [recruiter!, admin!];
    const upcoming = index === 0;
    const startsAt = new Date(upcoming ? now + 2 * DAY : now - random.int(2, 9) * DAY);
    startsAt.setUTCHours(9 + random.int(0, 6), 0, 0, 0);
    const interview = em.create(Interview, {
      tenant: tenantId,
      application,
      title: application.stage.name === 'Final interview' ? 'Final interview' : 'Technical interview',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 60 * 60_000),
      location: null,
      videoUrl: `https://meet.example.com/acme-${index + 1}`,
      status: 'scheduled',
      createdBy: recruiter,
    });
    for (const user of interviewers) {
      em.create(InterviewParticipant, { tenant: tenantId, interview, user });
      // Interviewers join the hiring team (once per job), as scheduling does in the app.
      if (user === admin && !seated.has(job.id)) {
        seated.add(job.id);
        em.create(HiringTeamMember, { tenant: tenantId, job, user, role: 'interviewer' });
      }
    }
    if (upcoming) return;
    interviewers.forEach((author, i) => {
      // The manager still owes one scorecard, so "submit yours first" can be seen.
      if (index === 1 && author === manager) return;
      const score = random.int(2, 4);
      const recommendation: TRecommendation =
        score >= 4 ? 'strong_yes' : score === 3 ? 'yes' : random.pick(['no', 'yes'] as const);
      em.create(Scorecard, {
        tenant: tenantId,
        application,
        interview,
        author,
        ratings: job.criteria.map((c) => ({
          criterionId: c.id,
          rating: Math.max(1, Math.min(4, score + random.int(-1, 1))),
        })),
        recommendation,
        notes: NOTES[(index + i) % NOTES.length]!,
        submittedAt: new Date(startsAt.getTime() + (3 + i) * 60 * 60_000),
      });
    });
  });

  const offers = active.filter((a) => a.stage.kind === 'offer');
  const tenant = await em.findOneOrFail(Tenant, tenantId);
  offers.forEach((application, index) => {
    const sent = index === 0;
    const { salaryMin, salaryMax, salaryCurrency } = application.job;
    // The middle of the advertised range, rounded to a thousand.
    const salary = Math.round(((salaryMin ?? 60_000) + (salaryMax ?? 80_000)) / 2000) * 1000;
    const values = {
      salary,
      currency: salaryCurrency ?? 'EUR',
      period: 'year',
      startDate: new Date(now + 45 * DAY).toISOString().slice(0, 10),
      expiresOn: new Date(now + 10 * DAY).toISOString().slice(0, 10),
    };
    em.create(Offer, {
      tenant: tenantId,
      application,
      ...values,
      // A sent offer holds its terms as the candidate was sent them (see sendOffer).
      terms: sent
        ? renderOfferTerms(DEFAULT_OFFER_TERMS, {
            ...values,
            candidateName: application.candidate.name,
            jobTitle: application.job.title,
            companyName: tenant.name,
          })
        : DEFAULT_OFFER_TERMS,
      status: sent ? 'sent' : 'pending_approval',
      createdBy: recruiter,
      approvedBy: sent ? admin : null,
      approvedAt: sent ? new Date(now - 2 * DAY) : null,
      sentAt: sent ? new Date(now - 2 * DAY) : null,
    });
  });
  await em.flush();
}
