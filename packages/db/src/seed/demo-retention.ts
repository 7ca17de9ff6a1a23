import { nameKey, TALENT_POOL_PURPOSE } from '@candor/schemas';
import type { InferEntity } from '@mikro-orm/core';
import {
  Application,
  Candidate,
  ConsentEvent,
  Job,
  JobStage,
  LegalHold,
  StageChange,
  User,
} from '../entities/index.js';
import type { Em } from '../orm.js';
import { DEMO_LONG_CLOSED_JOB } from './demo-hiring.js';

const DAY = 24 * 60 * 60 * 1000;

function monthsAgo(now: number, months: number, days = 0): Date {
  const date = new Date(now - days * DAY);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date;
}

/**
 * People the demo tenant should no longer have, so the first retention sweep
 * of `pnpm start` visibly does something (see the backoffice's retention
 * runs and the audit log):
 * - a rejection decided 8 months ago: the application gets anonymized;
 * - a sourced candidate nobody touched for 14 months, no talent-pool consent: erased;
 * - a talent-pool member whose consent (25 months old) was never renewed: erased;
 * - one whose consent runs out in 20 days: asked to renew (a preview shows it);
 * - a candidate inactive for 15 months under a legal hold: skipped and reported.
 * Applications here keep the demo's shape (one rejected application, with
 * its stage history), so the demo's own counts stay as they were.
 */
export async function seedDemoRetention(tx: Em, tenantId: string): Promise<void> {
  const now = Date.now();
  const recruiter = await tx.findOneOrFail(User, { email: 'recruiter@acme.example' });
  const admin = await tx.findOneOrFail(User, { email: 'admin@acme.example' });
  // The job open back then (it closed three months ago).
  const job = await tx.findOneOrFail(Job, { tenant: tenantId, title: DEMO_LONG_CLOSED_JOB });
  const stages = await tx.find(JobStage, { job }, { orderBy: { position: 'asc' } });
  const applied = stages.find((s) => s.kind === 'applied') ?? stages[0];
  const rejected = stages.find((s) => s.kind === 'rejected');
  if (!applied || !rejected) throw new Error(`${DEMO_LONG_CLOSED_JOB} has no applied or rejected stage`);

  const person = (
    name: string,
    email: string,
    source: 'careers_site' | 'sourced',
    lastActivityAt: Date,
  ): InferEntity<typeof Candidate> =>
    tx.create(Candidate, {
      tenant: tenantId,
      name,
      email,
      phone: null,
      phoneDigits: null,
      nameKey: nameKey(name),
      location: null,
      links: [],
      source,
      createdAt: lastActivityAt,
      lastActivityAt,
    });
  const talentPool = (candidate: InferEntity<typeof Candidate>, at: Date) =>
    tx.create(ConsentEvent, {
      tenant: tenantId,
      candidate,
      application: null,
      purpose: TALENT_POOL_PURPOSE,
      purposeLabel: 'Keep my profile in the talent pool and contact me about future roles',
      decision: 'given',
      noticeVersion: 1,
      channel: 'careers_apply',
      gpc: false,
      receipt: null,
      occurredAt: at,
    });

  // Rejected 8 months ago; still a candidate (active within 12 months), so only the application is anonymized.
  const appliedAt = monthsAgo(now, 8, 12);
  const decidedAt = monthsAgo(now, 8);
  const rejectedCandidate = person('Maeve Brennan', 'maeve.brennan@example.org', 'careers_site', decidedAt);
  rejectedCandidate.createdAt = appliedAt;
  const application = tx.create(Application, {
    tenant: tenantId,
    candidate: rejectedCandidate,
    job,
    stage: rejected,
    status: 'rejected',
    source: 'careers_site',
    answers: [{ questionId: 'notice', label: 'What is your notice period?', answer: '3 months' }],
    coverLetter: 'I would love to keep your robots running in Lisbon.',
    noticeVersion: 1,
    appliedAt,
    lastActivityAt: decidedAt,
    rejectionReasonId: 'experience',
    rejectionNote: 'Strong motivation, but no field service experience yet.',
    decidedAt,
    decidedBy: recruiter,
  });
  tx.create(StageChange, {
    tenant: tenantId,
    application,
    fromStage: null,
    toStage: applied,
    by: null,
    at: appliedAt,
  });
  tx.create(StageChange, {
    tenant: tenantId,
    application,
    fromStage: applied,
    toStage: rejected,
    by: recruiter,
    at: decidedAt,
  });

  person('Otto Virtanen', 'otto.virtanen@example.net', 'sourced', monthsAgo(now, 14));

  const expired = person('Lucía Romero', 'lucia.romero@example.com', 'careers_site', monthsAgo(now, 25));
  talentPool(expired, monthsAgo(now, 25));

  const renewing = person(
    'Henrik Sørensen',
    'henrik.sorensen@example.dk',
    'careers_site',
    monthsAgo(now, 24, -20),
  );
  talentPool(renewing, monthsAgo(now, 24, -20));

  const held = person('Zara Quinlan', 'zara.quinlan@example.ie', 'sourced', monthsAgo(now, 15));
  tx.create(LegalHold, {
    tenant: tenantId,
    candidate: held,
    application: null,
    reason: 'Claim before the labour court, file 4 Ca 123/26',
    endsOn: null,
    placedBy: admin,
  });
  await tx.flush();
}
