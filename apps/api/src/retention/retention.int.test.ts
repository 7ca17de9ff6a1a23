import { randomBytes } from 'node:crypto';
import {
  Application,
  ApplicationNote,
  Attachment,
  AuditEvent,
  Candidate,
  ConsentEvent,
  createOrm,
  InboundEmail,
  type InferEntity,
  Job,
  JobStage,
  LegalHold,
  type Orm,
  OutboxEmail,
  PrivacyRequest,
  RetentionRun,
  TENANT_FILTER,
} from '@candor/db';
import { forEachDatabase, seedTenant, seedUser } from '@candor/db/testing';
import {
  DEFAULT_RETENTION_POLICY,
  type TApplicationStatus,
  type TRetentionPolicy,
  ZRetentionPolicy,
} from '@candor/schemas';
import { describe, expect, it } from 'vitest';
import { auditSubjectRef } from '../audit/audit-subject.js';
import { tenantEm } from '../testing/hiring-fixtures.js';
import { callerFor, sessionFor, testDeps } from '../testing/test-app.js';
import { type DueItem, findDue } from './find-due.js';
import { runRetention } from './sweep.js';
import { SYSTEM_EMAIL_DAYS } from './system-emails.js';

const DAY = 86_400_000;
/** The sweep's "now" in these tests: the end of a day, as a preview of that day uses. */
const NOW = new Date('2027-06-15T23:59:59.999Z');
const TODAY = '2027-06-15';

/** `months` calendar months and `days` days before NOW (negative days: after). */
function ago(months: number, days = 0): Date {
  const date = new Date(NOW.getTime());
  date.setUTCMonth(date.getUTCMonth() - months);
  return new Date(date.getTime() - days * DAY);
}

type CandidateRow = InferEntity<typeof Candidate>;
type Em = ReturnType<typeof tenantEm>;

function makeJob(em: Em, tenantId: string, country: string) {
  const job = em.create(Job, {
    tenant: tenantId,
    title: `Job in ${country}`,
    department: 'Engineering',
    city: null,
    country,
    workplace: 'remote',
    employmentType: 'full_time',
    questions: [],
    criteria: [],
    status: 'open',
  });
  const stages = Object.fromEntries(
    (['applied', 'hired', 'rejected'] as const).map((kind, position) => [
      kind,
      em.create(JobStage, { tenant: tenantId, job, name: kind, kind, position }),
    ]),
  ) as Record<'applied' | 'hired' | 'rejected', InferEntity<typeof JobStage>>;
  return { job, stages };
}

/** A tenant with an admin, a job in Germany and one in France, and a way to add people to it. */
async function world(orm: Orm) {
  const em = orm.em.fork();
  const tenant = await seedTenant(em);
  const admin = await seedUser(em, tenant, 'admin');
  const tem = tenantEm(orm, tenant.id);
  const jobs = { DE: makeJob(tem, tenant.id, 'DE'), FR: makeJob(tem, tenant.id, 'FR') };
  await tem.flush();
  let n = 0;

  /** A candidate last active at `lastActivityAt`, optionally with an application (with a note) decided at `decidedAt`. */
  async function person(options: {
    lastActivityAt?: Date;
    application?: {
      status: TApplicationStatus;
      decidedAt: Date | null;
      country?: 'DE' | 'FR';
      hrExportedAt?: Date;
    };
    talentPool?: Array<{ decision: 'given' | 'withdrawn'; at: Date }>;
  }): Promise<{ candidate: CandidateRow; applicationId: string | null; name: string; email: string }> {
    n += 1;
    const name = `Person ${n} ${randomBytes(2).toString('hex')}`;
    const email = `person${n}-${randomBytes(3).toString('hex')}@example.test`;
    const lastActivityAt = options.lastActivityAt ?? ago(0, 1);
    const candidate = tem.create(Candidate, {
      tenant: tenant.id,
      name,
      email,
      nameKey: name.toLowerCase(),
      links: ['https://example.test/me'],
      source: 'sourced',
      createdAt: lastActivityAt,
      lastActivityAt,
    });
    let applicationId: string | null = null;
    if (options.application) {
      const { job, stages } = jobs[options.application.country ?? 'DE'];
      const status = options.application.status;
      const application = tem.create(Application, {
        tenant: tenant.id,
        candidate,
        job,
        stage: status === 'hired' ? stages.hired : status === 'rejected' ? stages.rejected : stages.applied,
        status,
        source: 'sourced',
        answers: [{ questionId: 'q1', label: 'Notice period', answer: `secret answer of ${name}` }],
        coverLetter: `Cover letter of ${name}`,
        appliedAt: new Date(lastActivityAt.getTime() - 30 * DAY),
        lastActivityAt,
        rejectionNote: status === 'rejected' ? `Why we said no to ${name}` : null,
        decidedAt: options.application.decidedAt,
        hrExportedAt: options.application.hrExportedAt ?? null,
      });
      tem.create(ApplicationNote, {
        tenant: tenant.id,
        application,
        author: null,
        body: `Note about ${name}`,
      });
      applicationId = application.id;
    }
    for (const event of options.talentPool ?? []) {
      tem.create(ConsentEvent, {
        tenant: tenant.id,
        candidate,
        purpose: 'talent_pool',
        purposeLabel: 'Talent pool',
        decision: event.decision,
        channel: 'careers_apply',
        occurredAt: event.at,
      });
    }
    await tem.flush();
    return { candidate, applicationId, name, email };
  }

  const { files, keyStore } = testDeps(orm);
  const run = (extra: Partial<Parameters<typeof runRetention>[1]> = {}, on: Orm = orm) =>
    runRetention(on, {
      tenantId: tenant.id,
      dryRun: false,
      now: NOW,
      workerId: 'test-worker',
      files,
      keyStore,
      ...extra,
    });
  return { tenant, admin, tem, person, run, files };
}

async function dueIds(
  orm: Orm,
  tenantId: string,
  policy: TRetentionPolicy,
  ruleId: string,
  now = NOW,
): Promise<string[]> {
  const rule = policy.rules.find((r) => r.id === ruleId)!;
  const items: DueItem[] = [];
  let after: string | null = null;
  do {
    // A tiny page, so paging itself is exercised.
    const page = await findDue(tenantEm(orm, tenantId), tenantId, policy, rule, now, { after, limit: 2 });
    items.push(...page.items);
    after = page.next;
  } while (after);
  return items.map((i) => i.targetId).sort();
}

async function erasureEvents(orm: Orm, tenantId: string, candidateId: string): Promise<number> {
  return tenantEm(orm, tenantId).count(AuditEvent, {
    action: 'retention.erase',
    subjectRef: auditSubjectRef(candidateId),
  });
}

async function isErased(orm: Orm, tenantId: string, candidateId: string): Promise<boolean> {
  const row = await tenantEm(orm, tenantId).findOneOrFail(Candidate, candidateId);
  return row.email.endsWith('@erased.invalid');
}

forEachDatabase('retention', (db) => {
  describe('finding what is due under the default policy', () => {
    it('finds exactly the records past their period, and none just inside it', async () => {
      const w = await world(db.orm());
      const policy = DEFAULT_RETENTION_POLICY;
      const rejectedDue = await w.person({ application: { status: 'rejected', decidedAt: ago(6, 1) } });
      const withdrawnDue = await w.person({ application: { status: 'withdrawn', decidedAt: ago(7) } });
      await w.person({ application: { status: 'rejected', decidedAt: ago(6, -1) } });
      await w.person({ application: { status: 'active', decidedAt: null } });
      const inactiveDue = await w.person({ lastActivityAt: ago(12, 1) });
      await w.person({ lastActivityAt: ago(12, -1) });
      // Consent in force keeps an inactive candidate; a withdrawn one does not (the latest decision counts).
      await w.person({ lastActivityAt: ago(13), talentPool: [{ decision: 'given', at: ago(13) }] });
      const withdrewDue = await w.person({
        lastActivityAt: ago(13),
        talentPool: [
          { decision: 'given', at: ago(14) },
          { decision: 'withdrawn', at: ago(13) },
        ],
      });
      const poolDue = await w.person({
        lastActivityAt: ago(24, 2),
        talentPool: [{ decision: 'given', at: ago(24, 1) }],
      });
      await w.person({ lastActivityAt: ago(23), talentPool: [{ decision: 'given', at: ago(24, -10) }] });
      // Renewed: the newer consent starts the 24 months again.
      await w.person({
        lastActivityAt: ago(2),
        talentPool: [
          { decision: 'given', at: ago(30) },
          { decision: 'given', at: ago(2) },
        ],
      });
      const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);
      const hiredDue = await w.person({
        application: { status: 'hired', decidedAt: daysAgo(100), hrExportedAt: daysAgo(91) },
      });
      await w.person({ application: { status: 'hired', decidedAt: daysAgo(89), hrExportedAt: daysAgo(89) } });
      // HR does not have their record yet: kept, however long ago the hire; exported late: counted from the export.
      await w.person({ application: { status: 'hired', decidedAt: daysAgo(400) } });
      await w.person({
        application: { status: 'hired', decidedAt: daysAgo(400), hrExportedAt: daysAgo(10) },
      });

      expect(await dueIds(db.orm(), w.tenant.id, policy, 'rejected_applications')).toEqual(
        [rejectedDue.applicationId, withdrawnDue.applicationId].sort(),
      );
      expect(await dueIds(db.orm(), w.tenant.id, policy, 'inactive_candidates')).toEqual(
        [inactiveDue.candidate.id, withdrewDue.candidate.id].sort(),
      );
      expect(await dueIds(db.orm(), w.tenant.id, policy, 'talent_pool')).toEqual([poolDue.candidate.id]);
      expect(await dueIds(db.orm(), w.tenant.id, policy, 'hired_candidates')).toEqual([
        hiredDue.candidate.id,
      ]);
    });

    it('applies a country override to the period of a rule, by the job’s country', async () => {
      const w = await world(db.orm());
      const fr = await w.person({ application: { status: 'rejected', decidedAt: ago(4), country: 'FR' } });
      await w.person({ application: { status: 'rejected', decidedAt: ago(4), country: 'DE' } });
      const longer = await w.person({
        application: { status: 'rejected', decidedAt: ago(7), country: 'DE' },
      });
      const policy = ZRetentionPolicy.parse({
        ...DEFAULT_RETENTION_POLICY,
        overrides: [
          { country: 'fr', ruleId: 'rejected_applications', period: { amount: 3, unit: 'months' } },
          { country: 'DE', ruleId: 'rejected_applications', period: { amount: 8, unit: 'months' } },
        ],
      });
      expect(await dueIds(db.orm(), w.tenant.id, policy, 'rejected_applications')).toEqual([
        fr.applicationId,
      ]);
      expect(await dueIds(db.orm(), w.tenant.id, DEFAULT_RETENTION_POLICY, 'rejected_applications')).toEqual([
        longer.applicationId,
      ]);
    });
  });

  describe('the sweep', () => {
    it('anonymizes and erases what is due, audits each once, and a second run finds nothing', async () => {
      const w = await world(db.orm());
      const rejected = await w.person({ application: { status: 'rejected', decidedAt: ago(7) } });
      const inactive = await w.person({
        lastActivityAt: ago(13),
        application: { status: 'rejected', decidedAt: ago(13) },
      });
      const kept = await w.person({ application: { status: 'rejected', decidedAt: ago(1) } });

      const [report] = await w.run();
      expect(report).toMatchObject({ found: 3, done: 3, skippedHold: 0, failed: 0, finished: true });
      expect(report!.rules.rejected_applications).toEqual({ found: 2, done: 2, skippedHold: 0, failed: 0 });
      expect(report!.rules.inactive_candidates).toEqual({ found: 1, done: 1, skippedHold: 0, failed: 0 });

      const em = tenantEm(db.orm(), w.tenant.id);
      const application = await em.findOneOrFail(Application, rejected.applicationId!);
      expect(application).toMatchObject({
        answers: [],
        coverLetter: null,
        rejectionNote: null,
        status: 'rejected',
      });
      expect(application.anonymizedAt).toBeInstanceOf(Date);
      expect(await em.count(ApplicationNote, { application: rejected.applicationId })).toBe(0);
      // Only the application went: the candidate is still there, by name.
      expect((await em.findOneOrFail(Candidate, rejected.candidate.id)).name).toBe(rejected.name);
      expect(await isErased(db.orm(), w.tenant.id, inactive.candidate.id)).toBe(true);
      expect(await erasureEvents(db.orm(), w.tenant.id, inactive.candidate.id)).toBe(1);
      expect(
        await em.count(AuditEvent, {
          action: 'retention.anonymize',
          subjectRef: auditSubjectRef(rejected.candidate.id),
        }),
      ).toBe(1);
      expect((await em.findOneOrFail(Application, kept.applicationId!)).coverLetter).toBe(
        `Cover letter of ${kept.name}`,
      );
      // Nothing personal in the audit log; the run's counters are stored.
      const events = JSON.stringify(await em.find(AuditEvent, { action: { $like: 'retention.%' } }));
      for (const secret of [rejected.name, inactive.name, inactive.email])
        expect(events).not.toContain(secret);
      const run = await em.findOneOrFail(RetentionRun, report!.runId);
      expect(run).toMatchObject({ found: 3, done: 3, dryRun: false, workerId: 'test-worker' });
      expect(run.finishedAt).toBeInstanceOf(Date);

      if (db.dialect === 'sqlite') {
        // The search index was rewritten after the erasures (one segment left, no deleted entries kept in its pages).
        const segments: Array<{ n: number }> = await db
          .orm()
          .em.getConnection()
          .execute('select count(distinct segid) as n from candidate_search_idx');
        expect(Number(segments[0]?.n)).toBe(1);
      }

      const [again] = await w.run();
      expect(again).toMatchObject({ found: 0, done: 0 });
      expect(await erasureEvents(db.orm(), w.tenant.id, inactive.candidate.id)).toBe(1);
    });

    it('skips and counts a candidate under a legal hold, and erases them once it is released', async () => {
      const w = await world(db.orm());
      const held = await w.person({ lastActivityAt: ago(14) });
      const free = await w.person({ lastActivityAt: ago(14) });
      const hold = w.tem.create(LegalHold, {
        tenant: w.tenant.id,
        candidate: held.candidate,
        reason: 'Claim before the labour court',
        placedBy: null,
      });
      await w.tem.flush();

      const [report] = await w.run();
      expect(report).toMatchObject({ found: 2, done: 1, skippedHold: 1, failed: 0 });
      expect(await isErased(db.orm(), w.tenant.id, held.candidate.id)).toBe(false);
      expect(await isErased(db.orm(), w.tenant.id, free.candidate.id)).toBe(true);

      hold.releasedAt = new Date();
      await w.tem.flush();
      expect((await w.run())[0]).toMatchObject({ found: 1, done: 1, skippedHold: 0 });
      expect(await isErased(db.orm(), w.tenant.id, held.candidate.id)).toBe(true);
    });

    it('erases completed privacy requests after three years, and only those', async () => {
      const w = await world(db.orm());
      const request = (completedAt: Date | null, status: 'completed' | 'received') =>
        w.tem.create(PrivacyRequest, {
          tenant: w.tenant.id,
          type: 'access',
          channel: 'email',
          requesterEmail: `r-${randomBytes(3).toString('hex')}@example.test`,
          jurisdiction: 'eea_uk_ch',
          status,
          dueOn: '2024-01-01',
          actions: [],
          completedAt,
        });
      const old = request(ago(37), 'completed');
      const recent = request(ago(35), 'completed');
      const open = request(null, 'received');
      // The proof of each erasure's answer (address hashed, no body) is kept with its request, not by the 30 days of sent emails.
      const proof = (of: { id: string }) =>
        w.tem.create(OutboxEmail, {
          tenant: w.tenant.id,
          to: 'hmac:0123',
          proofAddressHash: 'hmac:0123',
          proofOf: of.id,
          subject: 'Acme: your data has been erased',
          text: '',
          template: 'privacy_request',
          status: 'sent',
          createdAt: ago(2),
          sentAt: ago(2),
        });
      const oldProof = proof(old);
      const recentProof = proof(recent);
      await w.tem.flush();
      const [report] = await w.run();
      expect(report!.rules.privacy_requests).toMatchObject({ found: 1, done: 1 });
      const left = await tenantEm(db.orm(), w.tenant.id).find(PrivacyRequest, {});
      expect(left.map((r) => r.id).sort()).toEqual([recent.id, open.id].sort());
      expect(left.map((r) => r.id)).not.toContain(old.id);
      const proofsLeft = (
        await tenantEm(db.orm(), w.tenant.id).find(OutboxEmail, {
          id: { $in: [oldProof.id, recentProof.id] },
        })
      ).map((e) => e.id);
      expect(proofsLeft).toEqual([recentProof.id]);
    });

    it('deletes sent emails after their period, keeps pending ones and those of a candidate under a hold', async () => {
      const w = await world(db.orm());
      const held = await w.person({});
      const free = await w.person({});
      w.tem.create(LegalHold, {
        tenant: w.tenant.id,
        candidate: held.candidate,
        reason: 'Claim before the labour court',
        placedBy: null,
      });
      const email = (candidate: CandidateRow | null, status: 'pending' | 'sent' | 'failed', at: Date) =>
        w.tem.create(OutboxEmail, {
          tenant: w.tenant.id,
          candidate,
          to: candidate?.email ?? 'team@example.test',
          subject: `About ${candidate?.name ?? 'the team'}`,
          text: 'Hello',
          template: 'test',
          status,
          createdAt: at,
          sentAt: status === 'sent' ? at : null,
        });
      const old = email(free.candidate, 'sent', ago(2));
      const oldFailed = email(null, 'failed', ago(2));
      const recent = email(free.candidate, 'sent', ago(0, 29));
      const pending = email(free.candidate, 'pending', ago(2));
      const keptByHold = email(held.candidate, 'sent', ago(2));
      await w.tem.flush();

      const [report] = await w.run();
      expect(report!.rules.sent_emails).toEqual({ found: 3, done: 2, skippedHold: 1, failed: 0 });
      const left = (await tenantEm(db.orm(), w.tenant.id).find(OutboxEmail, {})).map((e) => e.id).sort();
      expect(left).toEqual([recent.id, pending.id, keptByHold.id].sort());
      expect(left).not.toContain(old.id);
      expect(left).not.toContain(oldFailed.id);
    });

    it('deletes candidates’ replies like the emails they answer, keeping their documents as the candidate’s files', async () => {
      const w = await world(db.orm());
      const { candidate } = await w.person({});
      const reply = (at: Date) =>
        w.tem.create(InboundEmail, {
          tenant: w.tenant.id,
          candidate,
          fromAddress: candidate.email,
          subject: 'Re: Your interview',
          text: 'Tuesday works',
          receivedAt: at,
        });
      const old = reply(ago(2));
      const recent = reply(ago(0, 29));
      const document = w.tem.create(Attachment, {
        tenant: w.tenant.id,
        candidate,
        inboundEmail: old,
        kind: 'other',
        filename: 'portfolio.pdf',
        contentType: 'application/pdf',
        size: 10,
        sha256: 'a'.repeat(64),
        storageKey: randomBytes(24).toString('base64url'),
        encrypted: true,
      });
      await w.tem.flush();

      const [report] = await w.run();
      expect(report!.rules.sent_emails).toEqual({ found: 1, done: 1, skippedHold: 0, failed: 0 });
      const em = tenantEm(db.orm(), w.tenant.id);
      expect((await em.find(InboundEmail, { candidate })).map((r) => r.id)).toEqual([recent.id]);
      expect((await em.findOneOrFail(Attachment, document.id)).inboundEmail).toBeNull();
    });

    it('deletes the portal’s sign-in emails, which belong to no tenant, a week after sending, in a sweep of every tenant', async () => {
      const w = await world(db.orm());
      const em = db.orm().em.fork();
      const code = (to: string, status: 'pending' | 'sent', at: Date) =>
        em.create(OutboxEmail, {
          tenant: null,
          to,
          subject: 'Your code',
          text: 'Code 123456',
          template: 'portal_code',
          status,
          createdAt: at,
          sentAt: status === 'sent' ? at : null,
        });
      const stamp = Date.now();
      const old = code(
        `old-${stamp}@example.test`,
        'sent',
        new Date(NOW.getTime() - (SYSTEM_EMAIL_DAYS + 1) * 86_400_000),
      );
      const recent = code(`recent-${stamp}@example.test`, 'sent', new Date(NOW.getTime() - 86_400_000));
      const unsent = code(
        `unsent-${stamp}@example.test`,
        'pending',
        new Date(NOW.getTime() - 30 * 86_400_000),
      );
      await em.flush();
      const left = async () =>
        (
          await db
            .orm()
            .em.fork()
            .find(
              OutboxEmail,
              { id: { $in: [old.id, recent.id, unsent.id] } },
              { filters: { [TENANT_FILTER]: false } },
            )
        )
          .map((e) => e.id)
          .sort();

      await w.run();
      expect(await left(), 'a sweep of one tenant leaves them').toEqual(
        [old.id, recent.id, unsent.id].sort(),
      );
      await w.run({ tenantId: undefined, dryRun: true });
      expect(await left(), 'a dry run only counts').toEqual([old.id, recent.id, unsent.id].sort());
      await w.run({ tenantId: undefined });
      expect(await left()).toEqual([recent.id, unsent.id].sort());
    });

    it('deletes audit events past six years from the start of the chain, which still verifies, and reports an unrecorded cut', async () => {
      const w = await world(db.orm());
      const deps = testDeps(db.orm());
      const caller = await callerFor(deps, await sessionFor(deps, w.admin.id, w.tenant.id));
      const em = tenantEm(db.orm(), w.tenant.id);
      // The time of an event is part of its hash, so events are written with their times, after the tenant's
      // own first events (written today); the sweep looks from 2040, when those are past six years too.
      const event = (action: string, at: Date) =>
        em.create(AuditEvent, { tenant: w.tenant.id, actorId: w.admin.id, action, targetType: 'Test', at });
      for (let i = 0; i < 5; i++) event('test.old', new Date('2030-01-01T00:00:00Z'));
      for (let i = 0; i < 2; i++) event('test.recent', new Date('2035-01-01T00:00:00Z'));
      await em.flush();
      const before = await em.count(AuditEvent, {});
      const future = new Date('2040-06-15T23:59:59.999Z');

      const preview = await caller.retention.preview({ date: '2040-06-15' });
      const due = preview.rules.find((r) => r.ruleId === 'audit_events')!.count;
      expect(due).toBe(before - 2);
      const [report] = await w.run({ now: future });
      expect(report!.rules.audit_events).toMatchObject({ found: due, done: due, failed: 0 });
      expect(await em.count(AuditEvent, { action: 'test.old' })).toBe(0);
      expect(await em.count(AuditEvent, { action: 'test.recent' })).toBe(2);
      const verified = await caller.audit.verify();
      expect(verified).toMatchObject({ ok: true, prunedThroughSeq: due });
      // A second run has nothing left to cut.
      expect((await w.run({ now: future }))[0]!.rules.audit_events).toMatchObject({ found: 0 });

      // Deleting the record of the cut (to hide a deletion of one's own) is reported.
      await em.execute('delete from audit_event where tenant_id = ? and action = ?', [
        w.tenant.id,
        'audit.pruned',
      ]);
      expect(await caller.audit.verify()).toMatchObject({ ok: false });
    });

    it('waits for the HR export before erasing a hire, and the preview says how many wait', async () => {
      const w = await world(db.orm());
      const deps = testDeps(db.orm());
      const caller = await callerFor(deps, await sessionFor(deps, w.admin.id, w.tenant.id));
      const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);
      const waiting = await w.person({
        lastActivityAt: daysAgo(120),
        application: { status: 'hired', decidedAt: daysAgo(120) },
      });
      const exported = await w.person({
        lastActivityAt: daysAgo(120),
        application: { status: 'hired', decidedAt: daysAgo(120), hrExportedAt: daysAgo(100) },
      });
      const preview = await caller.retention.preview({ date: TODAY });
      expect(preview.awaitingHrExport).toBe(1);
      expect(preview.rules.find((r) => r.ruleId === 'hired_candidates')).toMatchObject({ count: 1 });

      const [report] = await w.run();
      expect(report!.rules.hired_candidates).toMatchObject({ found: 1, done: 1 });
      expect(await isErased(db.orm(), w.tenant.id, exported.candidate.id)).toBe(true);
      expect(await isErased(db.orm(), w.tenant.id, waiting.candidate.id)).toBe(false);
    });

    it('changes nothing in a dry run, and says what it would do', async () => {
      const w = await world(db.orm());
      const due = await w.person({
        lastActivityAt: ago(13),
        application: { status: 'rejected', decidedAt: ago(13) },
      });
      const held = await w.person({ lastActivityAt: ago(13) });
      w.tem.create(LegalHold, {
        tenant: w.tenant.id,
        candidate: held.candidate,
        reason: 'Claim before the labour court',
        placedBy: null,
      });
      await w.tem.flush();
      const snapshot = async () => {
        const em = tenantEm(db.orm(), w.tenant.id);
        return JSON.stringify([
          await em.find(Candidate, {}, { orderBy: { id: 'asc' } }),
          await em.find(Application, {}, { orderBy: { id: 'asc' } }),
          await em.find(ApplicationNote, {}, { orderBy: { id: 'asc' } }),
          await em.count(AuditEvent, {}),
        ]);
      };
      const before = await snapshot();
      const [report] = await w.run({ dryRun: true });
      expect(report).toMatchObject({ dryRun: true, found: 3, done: 2, skippedHold: 1, failed: 0 });
      expect(await snapshot()).toBe(before);
      expect(await isErased(db.orm(), w.tenant.id, due.candidate.id)).toBe(false);
    });

    it('processes each due candidate exactly once with two workers running at once', async () => {
      const w = await world(db.orm());
      const people: Array<Awaited<ReturnType<typeof w.person>>> = [];
      for (let i = 0; i < 30; i++)
        people.push(
          await w.person({
            lastActivityAt: ago(13),
            application: { status: 'rejected', decidedAt: ago(13) },
          }),
        );
      // On PostgreSQL the second worker is another process in effect: its own ORM, its own connections.
      const other = db.dialect === 'postgresql' ? await createOrm(db.url()) : db.orm();
      try {
        const [[a], [b]] = await Promise.all([
          w.run({ workerId: 'worker-a', batchSize: 7 }),
          w.run({ workerId: 'worker-b', batchSize: 7 }, other),
        ]);
        expect(a!.failed + b!.failed).toBe(0);
        expect(a!.rules.inactive_candidates!.done + b!.rules.inactive_candidates!.done).toBe(30);
        expect(a!.rules.rejected_applications!.done + b!.rules.rejected_applications!.done).toBe(30);
      } finally {
        if (other !== db.orm()) await other.close();
      }
      for (const p of people) {
        expect(await erasureEvents(db.orm(), w.tenant.id, p.candidate.id)).toBe(1);
        expect(await isErased(db.orm(), w.tenant.id, p.candidate.id)).toBe(true);
      }
      const anonymized = await tenantEm(db.orm(), w.tenant.id).count(AuditEvent, {
        action: 'retention.anonymize',
      });
      expect(anonymized).toBe(30);
    });

    it('leaves no candidate half-processed when one fails or the run is cut short, and the next run finishes the rest', async () => {
      const w = await world(db.orm());
      const people: Array<Awaited<ReturnType<typeof w.person>>> = [];
      for (let i = 0; i < 10; i++) people.push(await w.person({ lastActivityAt: ago(13) }));
      const state = async (p: (typeof people)[number]) => {
        const erased = await isErased(db.orm(), w.tenant.id, p.candidate.id);
        const events = await erasureEvents(db.orm(), w.tenant.id, p.candidate.id);
        const row = await tenantEm(db.orm(), w.tenant.id).findOneOrFail(Candidate, p.candidate.id);
        if (erased && events === 1 && row.name !== p.name && row.links.length === 0) return 'processed';
        if (!erased && events === 0 && row.name === p.name && row.email === p.email && row.links.length === 1)
          return 'untouched';
        return 'half';
      };

      // One candidate fails every time, after all its changes were written, just before commit: its page
      // (all 10 here) rolls back and is retried one candidate per transaction, so only that one is left.
      const [failing] = await w.run({
        beforeCommit: (item) => {
          if (item.targetId === people[3]!.candidate.id) throw new Error('disk full');
        },
      });
      expect(failing).toMatchObject({ found: 10, done: 9, failed: 1, finished: true });
      const states = await Promise.all(people.map(state));
      expect(states.filter((s) => s === 'untouched')).toHaveLength(1);
      expect(states.filter((s) => s === 'processed')).toHaveLength(9);

      // The next run retries it.
      expect((await w.run())[0]).toMatchObject({ found: 1, done: 1, failed: 0 });
      expect(await Promise.all(people.map(state))).toEqual(people.map(() => 'processed'));
    });

    it('resumes a run that was stopped mid-way', async () => {
      const w = await world(db.orm());
      const people: Array<Awaited<ReturnType<typeof w.person>>> = [];
      for (let i = 0; i < 8; i++) people.push(await w.person({ lastActivityAt: ago(13) }));
      const controller = new AbortController();
      let committed = 0;
      // Pages of 3: the stop comes during the second page, which still commits whole; the third never starts.
      const [stopped] = await w.run({
        batchSize: 3,
        signal: controller.signal,
        beforeCommit: () => {
          committed += 1;
          if (committed === 5) controller.abort();
        },
      });
      expect(stopped).toMatchObject({ done: 6, finished: false });
      const run = await tenantEm(db.orm(), w.tenant.id).findOneOrFail(RetentionRun, stopped!.runId);
      expect(run.finishedAt ?? null).toBeNull();
      expect(run.done).toBe(6);
      const erased = await Promise.all(people.map((p) => isErased(db.orm(), w.tenant.id, p.candidate.id)));
      expect(erased.filter(Boolean)).toHaveLength(6);

      expect((await w.run())[0]).toMatchObject({ found: 2, done: 2, finished: true });
      for (const p of people) expect(await erasureEvents(db.orm(), w.tenant.id, p.candidate.id)).toBe(1);
    });
  });

  describe('the backoffice API', () => {
    it('previews a date for the current or an unsaved policy, saves versions and runs on demand', async () => {
      const w = await world(db.orm());
      const deps = testDeps(db.orm());
      const caller = await callerFor(deps, await sessionFor(deps, w.admin.id, w.tenant.id));
      const rejected = await w.person({ application: { status: 'rejected', decidedAt: ago(7) } });
      const inactive = await w.person({ lastActivityAt: ago(13) });
      const held = await w.person({ lastActivityAt: ago(13) });
      w.tem.create(LegalHold, {
        tenant: w.tenant.id,
        candidate: held.candidate,
        reason: 'Claim before the labour court',
        placedBy: null,
      });
      await w.tem.flush();

      const policy = await caller.retention.policy();
      expect(policy.current).toMatchObject({ version: 0, createdBy: null });
      expect(policy.current.policy).toEqual(DEFAULT_RETENTION_POLICY);

      const preview = await caller.retention.preview({ date: TODAY });
      const count = (ruleId: string) => preview.rules.find((r) => r.ruleId === ruleId);
      expect(count('rejected_applications')).toMatchObject({ count: 1, held: 0 });
      expect(count('inactive_candidates')).toMatchObject({ count: 2, held: 1 });
      expect(count('audit_events')).toMatchObject({ count: 0 });
      expect(preview.awaitingHrExport).toBe(0);
      expect(preview.candidates).toEqual(
        expect.arrayContaining([
          {
            candidateId: rejected.candidate.id,
            name: rejected.name,
            ruleId: 'rejected_applications',
            action: 'anonymize',
            targetId: rejected.applicationId,
          },
          {
            candidateId: inactive.candidate.id,
            name: inactive.name,
            ruleId: 'inactive_candidates',
            action: 'erase',
            targetId: null,
          },
        ]),
      );
      expect(preview.candidates.map((c) => c.candidateId)).not.toContain(held.candidate.id);

      // An unsaved policy that keeps rejected applications for 8 months finds none yet.
      const longer = ZRetentionPolicy.parse({
        ...DEFAULT_RETENTION_POLICY,
        rules: DEFAULT_RETENTION_POLICY.rules.map((r) =>
          r.id === 'rejected_applications' ? { ...r, period: { amount: 8, unit: 'months' } } : r,
        ),
      });
      const tried = await caller.retention.preview({ date: TODAY, policy: longer });
      expect(tried.rules.find((r) => r.ruleId === 'rejected_applications')?.count).toBe(0);

      const saved = await caller.retention.savePolicy(longer);
      expect(saved.current).toMatchObject({ version: 1, createdBy: w.admin.name });
      expect((await caller.retention.savePolicy(DEFAULT_RETENTION_POLICY)).current.version).toBe(2);
      const em = tenantEm(db.orm(), w.tenant.id);
      expect(await em.count(AuditEvent, { action: 'retention.policy_save' })).toBe(2);
      await expect(
        caller.retention.savePolicy({
          ...DEFAULT_RETENTION_POLICY,
          overrides: [{ country: 'DE', ruleId: 'nope', period: { amount: 1, unit: 'days' } }],
        }),
      ).rejects.toThrow();

      const dry = await caller.retention.runNow({ dryRun: true });
      expect(dry).toMatchObject({ dryRun: true, policyVersion: 2 });
      expect(await isErased(db.orm(), w.tenant.id, inactive.candidate.id)).toBe(false);
      const runs = await caller.retention.runs({});
      expect(runs[0]).toMatchObject({ id: dry.id, dryRun: true });
      expect(runs[0]?.finishedAt).not.toBeNull();
    });
  });
});
