import { AuditEvent, OutboxEmail, StageChange, Tenant } from '@candor/db';
import { forEachDatabase, seedTenant, seedUser } from '@candor/db/testing';
import { DEFAULT_HIRING_SETTINGS } from '@candor/schemas';
import type { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { deliverDueEmails } from '../mail/dispatcher.js';
import { seedJobWithApplicant, tenantEm } from '../testing/hiring-fixtures.js';
import { callerFor, httpClient, sessionFor, testDeps } from '../testing/test-app.js';
import { AppError } from '../trpc/app-error.js';
import { fieldErrorsOf as fieldErrorsFromIssues } from '../trpc/init.js';

/** The field errors a BAD_REQUEST carries to the client (from zod or from a service). */
async function fieldErrorsOf(call: Promise<unknown>): Promise<Record<string, string[]> | undefined> {
  try {
    await call;
  } catch (error) {
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
    const cause = (error as TRPCError).cause;
    if (cause instanceof AppError) return cause.fieldErrors;
    return fieldErrorsFromIssues(
      (cause as unknown as { issues: Parameters<typeof fieldErrorsFromIssues>[0] }).issues,
    );
  }
  throw new Error('expected the call to fail');
}

forEachDatabase('hiring', (db) => {
  const setup = async () => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const recruiter = await seedUser(em, tenant, 'recruiter', { name: 'Rae Recruiter' });
    const manager = await seedUser(em, tenant, 'hiring_manager');
    const deps = testDeps(db.orm());
    const as = async (user: { id: string }) => callerFor(deps, await sessionFor(deps, user.id, tenant.id));
    const caller = await as(recruiter);
    const actor = { userId: recruiter.id, tenantId: tenant.id, role: 'recruiter' as const, requestId: 't' };
    return { tenant, recruiter, manager, deps, caller, as, actor };
  };

  describe('jobs', () => {
    it('copies the tenant pipeline, opens with who/when, and refuses transitions that skip a step', async () => {
      const { caller, recruiter, tenant } = await setup();
      const job = await caller.jobs.create({
        title: 'Field Robotics Engineer',
        department: 'Engineering',
        city: 'Lisbon',
        country: 'pt',
        workplace: 'onsite',
        employmentType: 'full_time',
        salary: { min: 50_000, max: 70_000, currency: 'eur', period: 'year' },
        questions: [{ label: 'Do you have a work permit?', kind: 'yes_no', knockoutAnswer: 'no' }],
        criteria: [{ name: 'Robotics' }],
      });
      expect(job.status).toBe('draft');
      const created = await tenantEm(db.orm(), tenant.id).find(AuditEvent, { action: 'job.create' });
      expect(created.map((e) => e.targetId)).toEqual([job.id]);
      expect(job.country).toBe('PT');
      expect(job.salary).toEqual({ min: 50_000, max: 70_000, currency: 'EUR', period: 'year' });
      expect(job.stages.map((s) => s.name)).toEqual(
        DEFAULT_HIRING_SETTINGS.pipelineTemplate.map((s) => s.name),
      );
      expect(job.questions[0]).toMatchObject({ kind: 'yes_no', knockoutAnswer: 'no', required: false });
      expect(job.questions[0]!.id).toBeTruthy();

      await expect(caller.jobs.setStatus({ id: job.id, status: 'closed' })).rejects.toMatchObject({
        code: 'PRECONDITION_FAILED',
      });
      const open = await caller.jobs.setStatus({ id: job.id, status: 'open' });
      expect(open).toMatchObject({
        status: 'open',
        statusChangedBy: { id: recruiter.id, name: 'Rae Recruiter' },
      });
      expect(open.openedAt).not.toBeNull();
      const renamed = await caller.jobs.update({ id: job.id, title: 'Field Robotics Lead' });
      expect(renamed).toMatchObject({
        title: 'Field Robotics Lead',
        city: 'Lisbon',
        salary: job.salary,
        questions: job.questions,
      });
      expect((await caller.jobs.setStatus({ id: job.id, status: 'closed' })).status).toBe('closed');
      expect((await caller.jobs.list({ filter: { status: 'closed' } })).data.map((j) => j.id)).toContain(
        job.id,
      );
    });

    it('requires a salary range to open a job when the tenant promises pay transparency', async () => {
      const { tenant, caller } = await setup();
      const em = db.orm().em.fork();
      const t = await em.findOneOrFail(Tenant, tenant.id);
      t.hiringSettings = { ...DEFAULT_HIRING_SETTINGS, payTransparency: true };
      await em.flush();
      const job = await caller.jobs.create({
        title: 'Ops Lead',
        department: 'Operations',
        workplace: 'remote',
        country: 'DE',
        employmentType: 'full_time',
      });
      expect(await fieldErrorsOf(caller.jobs.setStatus({ id: job.id, status: 'open' }))).toEqual({
        salary: ['Required with pay transparency'],
      });
      expect((await caller.jobs.get({ id: job.id })).status).toBe('draft');
    });

    it('rejects a department the tenant does not have and an onsite job without a country', async () => {
      const { caller } = await setup();
      expect(
        await fieldErrorsOf(
          caller.jobs.create({
            title: 'X',
            department: 'Nowhere',
            workplace: 'remote',
            employmentType: 'full_time',
          }),
        ),
      ).toEqual({ department: ['Unknown department'] });
      expect(
        await fieldErrorsOf(
          caller.jobs.create({
            title: 'X',
            department: 'Sales',
            workplace: 'onsite',
            employmentType: 'full_time',
          }),
        ),
      ).toEqual({ country: ['Onsite and hybrid jobs need a country'] });
      expect((await caller.jobs.list({})).total).toBe(0);
    });

    it('opens a remote job only once it says where applicants may live (search engines need it)', async () => {
      const { caller } = await setup();
      const job = await caller.jobs.create({
        title: 'Remote Ops',
        department: 'Operations',
        workplace: 'remote',
        employmentType: 'full_time',
      });
      expect(await fieldErrorsOf(caller.jobs.setStatus({ id: job.id, status: 'open' }))).toEqual({
        country: ['Required for an open remote job'],
      });
      await caller.jobs.update({ id: job.id, country: 'PT' });
      expect((await caller.jobs.setStatus({ id: job.id, status: 'open' })).status).toBe('open');
      expect(await fieldErrorsOf(caller.jobs.update({ id: job.id, country: null }))).toEqual({
        country: ['Required for an open remote job'],
      });
    });

    it('edits the pipeline but keeps stages that still hold applications', async () => {
      const { actor, caller } = await setup();
      const { job } = await seedJobWithApplicant(db.orm(), actor);
      const applied = job.stages.find((s) => s.kind === 'applied')!;
      const keep = job.stages.filter((s) => ['applied', 'hired', 'rejected'].includes(s.kind));
      const renamed = await caller.jobs.setStages({
        id: job.id,
        stages: [
          { id: applied.id, name: 'New', kind: 'applied' },
          { name: 'Take-home task', kind: 'interview' },
          ...keep.filter((s) => s.kind !== 'applied').map((s) => ({ id: s.id, name: s.name, kind: s.kind })),
        ],
      });
      expect(renamed.stages.map((s) => s.name)).toEqual(['New', 'Take-home task', 'Hired', 'Rejected']);
      await expect(
        caller.jobs.setStages({
          id: job.id,
          stages: keep
            .filter((s) => s.kind !== 'applied')
            .map((s) => ({ id: s.id, name: s.name, kind: s.kind })),
        }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      await expect(
        caller.jobs.setStages({
          id: job.id,
          stages: [{ name: 'Fresh', kind: 'applied' }, ...keep.filter((s) => s.kind !== 'applied')],
        }),
      ).rejects.toMatchObject({ code: 'CONFLICT' });
      expect((await caller.jobs.get({ id: job.id })).stages.map((s) => s.name)).toEqual([
        'New',
        'Take-home task',
        'Hired',
        'Rejected',
      ]);
    });
  });

  describe('candidates', () => {
    it('keeps one candidate per email, flags likely duplicates, and merges them with an audit trail', async () => {
      const { actor, caller, tenant } = await setup();
      const first = await seedJobWithApplicant(
        db.orm(),
        actor,
        {},
        { name: 'Ana Müller', email: 'ana@example.test', phone: '+49 30 1234567' },
      );
      await expect(
        caller.candidates.create({ name: 'Ana M', email: 'ANA@example.test' }),
      ).rejects.toMatchObject({
        code: 'CONFLICT',
      });
      const twin = await caller.candidates.create({
        name: 'müller ana',
        email: 'ana.work@example.test',
        phone: '030 1234567',
      });
      expect(twin.possibleDuplicates).toEqual([
        {
          id: first.candidate.id,
          name: 'Ana Müller',
          email: 'ana@example.test',
          reasons: ['same_phone', 'similar_name'],
        },
      ]);
      expect((await caller.candidates.list({ filter: { possibleDuplicates: true } })).total).toBe(2);

      const merged = await caller.candidates.merge({ keepId: first.candidate.id, mergeId: twin.id });
      expect(merged.possibleDuplicates).toEqual([]);
      await expect(caller.candidates.get({ id: twin.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      const em = tenantEm(db.orm(), tenant.id);
      const audit = await em.find(AuditEvent, {
        action: { $in: ['candidate.merge', 'candidate.merged_away'] },
      });
      expect(audit.map((e) => e.targetId).sort()).toEqual([first.candidate.id, twin.id].sort());
    });

    it('tells the form which field conflicts, over HTTP', async () => {
      const { deps, recruiter } = await setup();
      const client = httpClient(deps);
      expect((await client.signIn(recruiter.email)).status).toBe(200);
      const input = { name: 'Dup Licate', email: `dup-${Date.now()}@example.test` };
      expect((await client.mutate('candidates.create', input)).status).toBe(200);
      const res = await client.mutate('candidates.create', input);
      expect(res.status).toBe(409);
      const body = (await res.json()) as { error: { data: { fieldErrors: unknown } } };
      expect(body.error.data.fieldErrors).toEqual({ email: ['Already a candidate'] });
    });

    it('searches by name or email, case-insensitively, and filters by source', async () => {
      const { caller } = await setup();
      await caller.candidates.create({
        name: 'Zoë Quartermaine',
        email: 'zq@example.test',
        source: 'referral',
      });
      await caller.candidates.create({ name: 'Bob Builder', email: 'bob.quarter@example.test' });
      expect((await caller.candidates.list({ filter: { q: 'QUARTER' } })).total).toBe(2);
      expect(
        (await caller.candidates.list({ filter: { q: 'quarter', source: 'referral' } })).data.map(
          (c) => c.email,
        ),
      ).toEqual(['zq@example.test']);
      // Short text, accents and quotes, renamed and merged-away candidates.
      expect((await caller.candidates.list({ filter: { q: 'zo' } })).total).toBe(1);
      expect((await caller.candidates.list({ filter: { q: 'Zoë' } })).total).toBe(1);
      expect((await caller.candidates.list({ filter: { q: '"quarter' } })).total).toBe(0);
      const bob = (await caller.candidates.list({ filter: { q: 'bob.quarter' } })).data[0]!;
      await caller.candidates.update({ id: bob.id, name: 'Robert Baumeister' });
      expect((await caller.candidates.list({ filter: { q: 'baumeister' } })).data.map((c) => c.id)).toEqual([
        bob.id,
      ]);
      expect((await caller.candidates.list({ filter: { q: 'builder' } })).total).toBe(0);
    });
  });

  describe('applications', () => {
    it('moves through the pipeline with full history, and the board counts follow', async () => {
      const { actor, caller, recruiter } = await setup();
      const { job, applicationId } = await seedJobWithApplicant(db.orm(), actor);
      const [applied, screen, interview] = job.stages;
      expect((await caller.applications.move({ ids: [applicationId], stageId: screen!.id })).updated).toBe(1);
      await caller.applications.move({ ids: [applicationId], stageId: interview!.id });
      const app = await caller.applications.get({ id: applicationId });
      expect(app.stage.id).toBe(interview!.id);
      expect(app.stageHistory.map((h) => [h.from?.id ?? null, h.to.id, h.by?.id ?? null])).toEqual([
        [null, applied!.id, recruiter.id],
        [applied!.id, screen!.id, recruiter.id],
        [screen!.id, interview!.id, recruiter.id],
      ]);
      expect(app.stageEnteredAt).toBe(app.stageHistory.at(-1)!.at);
      // The board reads tags and the latest move in its own statement: they must match the list's.
      await caller.applications.setTags({ id: applicationId, tags: ['ros2', 'german-speaker', 'python'] });
      const [listed] = (await caller.applications.list({ filter: { jobId: job.id } })).data;
      expect(listed!.tags).toEqual(['german-speaker', 'python', 'ros2']);
      expect(listed!.stageEnteredAt).toBe(app.stageHistory.at(-1)!.at);
      expect(listed!.stageEnteredAt > listed!.appliedAt).toBe(true);
      const board = await caller.applications.board({ jobId: job.id });
      expect(board.columns.map((c) => c.count)).toEqual(
        job.stages.map((s) => (s.id === interview!.id ? 1 : 0)),
      );
      const [card] = board.columns.find((c) => c.stage.id === interview!.id)!.cards;
      expect(card).toEqual({
        ...listed,
        stage: { id: interview!.id, name: interview!.name, kind: interview!.kind, blindReview: false },
      });
    });

    it('rejects with a reason and holds the rejection email until the chosen delay', async () => {
      const { actor, caller, tenant, deps } = await setup();
      const { job, applicationId, candidate } = await seedJobWithApplicant(db.orm(), actor);
      await expect(
        caller.applications.reject({ ids: [applicationId], reasonId: 'made-up' }),
      ).rejects.toMatchObject({
        code: 'BAD_REQUEST',
      });
      const result = await caller.applications.reject({
        ids: [applicationId],
        reasonId: 'skills',
        note: 'Needs more ROS experience',
        emailDelayHours: 24,
      });
      expect(result).toEqual({ updated: 1, skipped: 0 });
      const app = await caller.applications.get({ id: applicationId });
      expect(app).toMatchObject({
        status: 'rejected',
        stage: { kind: 'rejected' },
        rejection: {
          reasonId: 'skills',
          reasonLabel: 'Skills do not match the role',
          note: 'Needs more ROS experience',
        },
      });
      const em = tenantEm(db.orm(), tenant.id);
      const [mail] = await em.find(OutboxEmail, { template: 'rejection' });
      expect(mail).toMatchObject({ to: candidate.email, status: 'pending' });
      expect(mail!.subject).toContain(job.title);
      expect(mail!.text).toContain(`/careers/${(await em.findOneOrFail(Tenant, tenant.id)).slug}/privacy/`);
      expect(mail!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
      // Not due yet: the dispatcher leaves it alone.
      const sent: string[] = [];
      await deliverDueEmails(
        db.orm().em.fork(),
        { kind: 'file', send: async (m) => void sent.push(m.to) },
        'hr@example.test',
        deps.logger,
      );
      expect(sent).not.toContain(candidate.email);
      // Rejecting again changes nothing and sends nothing more.
      expect(
        await caller.applications.reject({ ids: [applicationId], reasonId: 'skills', emailDelayHours: 0 }),
      ).toEqual({
        updated: 0,
        skipped: 1,
      });
      expect(await em.count(OutboxEmail, { template: 'rejection' })).toBe(1);
      // Moving it back to an active stage reopens it.
      await caller.applications.move({ ids: [applicationId], stageId: job.stages[1]!.id });
      expect((await caller.applications.get({ id: applicationId })).rejection).toBeNull();
    });

    it('takes back a rejection email still pending when the rejection is undone, and only that one', async () => {
      const { actor, caller, tenant, deps } = await setup();
      const first = await seedJobWithApplicant(db.orm(), actor);
      const second = await seedJobWithApplicant(db.orm(), actor);
      const sentAlready = await seedJobWithApplicant(db.orm(), actor);
      await caller.applications.reject({
        ids: [first.applicationId, second.applicationId],
        reasonId: 'skills',
        emailDelayHours: 24,
      });
      await caller.applications.reject({
        ids: [sentAlready.applicationId],
        reasonId: 'skills',
        emailDelayHours: 0,
      });
      const delivered: string[] = [];
      await deliverDueEmails(
        db.orm().em.fork(),
        { kind: 'file', send: async (m) => void delivered.push(m.to) },
        'hr@example.test',
        deps.logger,
      );
      expect(delivered).toEqual([sentAlready.candidate.email]);

      expect(
        await caller.applications.move({ ids: [first.applicationId], stageId: first.job.stages[1]!.id }),
      ).toEqual({ updated: 1, skipped: 0, rejectionEmailsWithdrawn: 1 });
      expect(
        await caller.applications.move({
          ids: [sentAlready.applicationId],
          stageId: sentAlready.job.stages[1]!.id,
        }),
      ).toEqual({ updated: 1, skipped: 0, rejectionEmailsWithdrawn: 0 });
      const em = tenantEm(db.orm(), tenant.id);
      const rejections = await em.find(OutboxEmail, { template: 'rejection' }, { orderBy: { to: 'asc' } });
      // The first candidate is never told; the second still will be; what was sent stays on record.
      expect(rejections.map((m) => [m.to, m.status]).sort()).toEqual(
        [
          [second.candidate.email, 'pending'],
          [sentAlready.candidate.email, 'sent'],
        ].sort(),
      );
    });

    it("sends the rejection in the tenant's own wording, always with the privacy footer", async () => {
      const { actor, tenant, as } = await setup();
      const em = db.orm().em.fork();
      const admin = await seedUser(em, tenant, 'admin');
      const adminCaller = await as(admin);
      expect(
        await fieldErrorsOf(
          adminCaller.settings.updateEmailTemplate({
            key: 'rejection',
            text: { subject: 'Hi {{candidat_name}}', body: 'x' },
          }),
        ),
      ).toEqual({ 'text.subject': [expect.stringContaining('Unknown variable {{candidat_name}}')] });
      const templates = await adminCaller.settings.updateEmailTemplate({
        key: 'rejection',
        text: {
          subject: 'About {{job_title}}',
          body: 'Hi {{candidate_name}}, not this time. {{company_name}}',
        },
      });
      expect(templates.find((t) => t.key === 'rejection')).toMatchObject({ customized: true });
      const { applicationId, job, candidate } = await seedJobWithApplicant(db.orm(), actor);
      await adminCaller.applications.reject({ ids: [applicationId], reasonId: 'other', emailDelayHours: 0 });
      const [mail] = await tenantEm(db.orm(), tenant.id).find(OutboxEmail, { template: 'rejection' });
      const t = await em.findOneOrFail(Tenant, tenant.id);
      expect(mail!.subject).toBe(`About ${job.title}`);
      expect(mail!.text).toContain(`Hi ${candidate.name}, not this time. ${t.name}`);
      expect(mail!.text).toContain(`/careers/${t.slug}/privacy/`);
      // Back to the default wording.
      const reset = await adminCaller.settings.updateEmailTemplate({ key: 'rejection', text: null });
      expect(reset.find((x) => x.key === 'rejection')).toMatchObject({ customized: false });
    });

    it('a bulk action on a missing application changes nothing', async () => {
      const { actor, caller, tenant } = await setup();
      const { job, applicationId } = await seedJobWithApplicant(db.orm(), actor);
      await expect(
        caller.applications.move({
          ids: [applicationId, '00000000-0000-4000-8000-000000000000'],
          stageId: job.stages[1]!.id,
        }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect((await caller.applications.get({ id: applicationId })).stage.id).toBe(job.stages[0]!.id);
      expect(await tenantEm(db.orm(), tenant.id).count(StageChange, { application: applicationId })).toBe(1);
    });

    it('filters lists by job, stage, status, tag, source and date, and searches candidates', async () => {
      const { actor, caller } = await setup();
      const a = await seedJobWithApplicant(db.orm(), actor, {}, { name: 'Filter Findme' });
      const b = await seedJobWithApplicant(db.orm(), actor);
      await caller.applications.setTags({ id: a.applicationId, tags: ['Python', 'relocation'] });
      await caller.applications.move({ ids: [b.applicationId], stageId: b.job.stages[1]!.id });
      const ids = async (filter: object) =>
        (await caller.applications.list({ filter })).data.map((x) => x.id);
      expect(await ids({ jobId: a.job.id })).toEqual([a.applicationId]);
      expect(await ids({ stageId: b.job.stages[1]!.id })).toEqual([b.applicationId]);
      expect(await ids({ tag: 'python' })).toEqual([a.applicationId]);
      expect(await ids({ q: 'findme' })).toEqual([a.applicationId]);
      expect((await ids({ status: 'active', source: 'careers_site' })).sort()).toEqual(
        [a.applicationId, b.applicationId].sort(),
      );
      const today = new Date().toISOString().slice(0, 10);
      expect((await ids({ appliedFrom: today, appliedTo: today })).length).toBe(2);
      expect(await ids({ appliedTo: '2000-01-01' })).toEqual([]);
      expect((await caller.applications.get({ id: a.applicationId })).tags).toEqual(['python', 'relocation']);
    });

    it('withdraws and keeps notes with their author', async () => {
      const { actor, caller, recruiter } = await setup();
      const { applicationId } = await seedJobWithApplicant(db.orm(), actor);
      const note = await caller.applications.addNote({ applicationId, body: 'Great call today' });
      expect(note.author).toEqual({ id: recruiter.id, name: 'Rae Recruiter' });
      const withdrawn = await caller.applications.withdraw({ id: applicationId, note: 'Took another offer' });
      expect(withdrawn.status).toBe('withdrawn');
      expect(withdrawn.notes.map((n) => n.body)).toEqual([
        'Withdrawn: Took another offer',
        'Great call today',
      ]);
      await expect(caller.applications.withdraw({ id: applicationId })).rejects.toMatchObject({
        code: 'PRECONDITION_FAILED',
      });
    });

    it('shows a hiring manager only the jobs whose team they are on', async () => {
      const { actor, caller, manager, as } = await setup();
      const mine = await seedJobWithApplicant(db.orm(), actor, {
        hiringTeam: [{ userId: manager.id, role: 'hiring_manager' }],
      });
      const other = await seedJobWithApplicant(db.orm(), actor);
      const hm = await as(manager);
      expect((await hm.jobs.list({})).data.map((j) => j.id)).toEqual([mine.job.id]);
      expect((await hm.applications.list({})).data.map((a) => a.id)).toEqual([mine.applicationId]);
      expect((await hm.candidates.list({})).data.map((c) => c.id)).toEqual([mine.candidate.id]);
      // A search narrows what they see; it never reaches other jobs' candidates.
      expect((await hm.candidates.list({ filter: { q: other.candidate.name } })).total).toBe(0);
      expect((await hm.applications.list({ filter: { q: other.candidate.name } })).total).toBe(0);
      await expect(hm.applications.get({ id: other.applicationId })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(
        hm.applications.addNote({ applicationId: other.applicationId, body: 'x' }),
      ).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      expect(
        (await hm.applications.addNote({ applicationId: mine.applicationId, body: 'Strong portfolio' })).body,
      ).toBe('Strong portfolio');
      expect((await caller.jobs.get({ id: mine.job.id })).hiringTeam.map((m) => m.userId)).toEqual([
        manager.id,
      ]);
    });
  });
});
