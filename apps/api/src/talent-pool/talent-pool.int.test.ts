import { Application, Candidate, ConsentEvent, OutboxEmail, Tenant } from '@candor/db';
import { forEachDatabase, seedPublishedNotice, seedTenant, seedUser } from '@candor/db/testing';
import { MARKETING_PURPOSE, TALENT_POOL_PURPOSE } from '@candor/schemas';
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { recordConsents } from '../consent/consent.service.js';
import { withdrawConsent } from '../portal/portal.service.js';
import { actorOf, seedJobWithApplicant, tenantEm } from '../testing/hiring-fixtures.js';
import { callerFor, sessionFor, testDeps } from '../testing/test-app.js';

const MONTH_MS = 30 * 86_400_000;

forEachDatabase('talent pool', (db) => {
  const setup = async () => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em, { name: 'Acme Robotics' });
    await seedPublishedNotice(em, tenant);
    const recruiter = await seedUser(em, tenant, 'recruiter');
    const manager = await seedUser(em, tenant, 'hiring_manager');
    const admin = await seedUser(em, tenant, 'admin');
    const deps = testDeps(db.orm());
    const caller = await callerFor(deps, await sessionFor(deps, recruiter.id, tenant.id));
    const managerCaller = await callerFor(deps, await sessionFor(deps, manager.id, tenant.id));
    const adminCaller = await callerFor(deps, await sessionFor(deps, admin.id, tenant.id));
    const actor = actorOf(recruiter.id, tenant.id, 'recruiter');
    const tem = tenantEm(db.orm(), tenant.id);

    /** A candidate who applied to a job of their own, with these consents given `monthsAgo`. */
    const applicant = async (name: string, purposes: string[], monthsAgo = 0) => {
      const made = await seedJobWithApplicant(
        db.orm(),
        actor,
        {},
        { name, email: `${name.split(' ')[0]!.toLowerCase()}-${tenant.id}@example.test` },
      );
      if (purposes.length) await consent(made.candidate.id, purposes);
      if (monthsAgo) {
        await tem.nativeUpdate(
          ConsentEvent,
          { candidate: made.candidate.id },
          { occurredAt: new Date(Date.now() - monthsAgo * MONTH_MS) },
        );
      }
      return made.candidate.id;
    };
    const consent = async (candidateId: string, purposes: string[]) => {
      const [candidate, row] = await Promise.all([
        tem.findOneOrFail(Candidate, candidateId),
        tem.findOneOrFail(Tenant, tenant.id),
      ]);
      await tem.transactional((tx) =>
        recordConsents(tx, {
          tenant: row,
          contactEmail: '',
          siteUrl: 'https://example.test/',
          candidate,
          application: null,
          noticeVersion: 1,
          decisions: purposes.map((purpose) => ({ purpose, label: purpose, given: true })),
          channel: 'careers_apply',
          gpc: false,
          masterKey: deps.masterKey,
        }),
      );
    };
    const openJob = async (title: string) => {
      const made = await seedJobWithApplicant(db.orm(), actor, { title }, { name: `Someone Else ${title}` });
      await caller.jobs.setStatus({ id: made.job.id, status: 'open' });
      return made.job.id;
    };
    return { tenant, deps, caller, managerCaller, adminCaller, actor, tem, applicant, consent, openJob };
  };

  const codeOf = async (promise: Promise<unknown>) => {
    try {
      await promise;
      return 'OK';
    } catch (error) {
      return error instanceof TRPCError ? error.code : 'ERROR';
    }
  };

  describe('members', () => {
    it('are candidates with live talent-pool consent, not withdrawn, not past its term, not restricted', async () => {
      const s = await setup();
      const ada = await s.applicant('Ada Pool', [TALENT_POOL_PURPOSE]);
      const grace = await s.applicant('Grace Alerts', [TALENT_POOL_PURPOSE, MARKETING_PURPOSE], 3);
      await s.applicant('Olga Lapsed', [TALENT_POOL_PURPOSE], 25); // the default term is 24 months
      await s.applicant('Nina Never', []);
      const wanda = await s.applicant('Wanda Withdrawn', [TALENT_POOL_PURPOSE]);
      const tenantRow = await s.tem.findOneOrFail(Tenant, s.tenant.id);
      const wandaEmail = (await s.tem.findOneOrFail(Candidate, wanda)).email;
      await withdrawConsent(
        s.tem,
        s.deps,
        { tenant: tenantRow, email: wandaEmail, requestId: 'test' },
        TALENT_POOL_PURPOSE,
      );
      const rita = await s.applicant('Rita Restricted', [TALENT_POOL_PURPOSE]);
      await s.adminCaller.candidates.restrict({ id: rita });
      // Another tenant's member is never listed.
      const other = await setup();
      await other.applicant('Ada Elsewhere', [TALENT_POOL_PURPOSE]);

      const pool = await s.caller.talentPool.list({ sort: { field: 'name', order: 'ASC' } });
      expect(pool.data.map((m) => m.name)).toEqual(['Ada Pool', 'Grace Alerts']);
      expect(pool.total).toBe(2);
      const [adaRow, graceRow] = pool.data;
      expect(adaRow).toMatchObject({ id: ada, jobAlerts: false, country: 'DE' });
      expect(graceRow).toMatchObject({ id: grace, jobAlerts: true });
      expect(adaRow!.latestJobTitle).toMatch(/^Robot Whisperer/);
      // Ends 24 months after joining (the default policy's talent-pool rule).
      const joined = new Date(adaRow!.joinedAt);
      expect(adaRow!.endsOn).toBe(
        new Date(Date.UTC(joined.getUTCFullYear() + 2, joined.getUTCMonth(), joined.getUTCDate()))
          .toISOString()
          .slice(0, 10),
      );

      expect((await s.caller.talentPool.list({ filter: { jobAlerts: true } })).data.map((m) => m.id)).toEqual(
        [grace],
      );
      expect((await s.caller.talentPool.list({ filter: { q: 'grace' } })).data.map((m) => m.id)).toEqual([
        grace,
      ]);
      const paged = await s.caller.talentPool.list({
        pagination: { page: 2, perPage: 1 },
        sort: { field: 'name', order: 'ASC' },
      });
      expect(paged).toMatchObject({ total: 2, data: [{ id: grace }] });
    });

    it('follow the country override of the talent-pool term', async () => {
      const s = await setup();
      const ada = await s.applicant('Ada Pool', [TALENT_POOL_PURPOSE], 8);
      expect((await s.caller.talentPool.list({})).data.map((m) => m.id)).toEqual([ada]);
      const { current } = await s.adminCaller.retention.policy();
      await s.adminCaller.retention.savePolicy({
        ...current.policy,
        overrides: [{ ruleId: 'talent_pool', country: 'DE', period: { amount: 6, unit: 'months' } }],
      });
      expect((await s.caller.talentPool.list({})).total).toBe(0);
    });

    it('are the recruiters’ only: a hiring manager may not list or use the pool', async () => {
      const s = await setup();
      expect(await codeOf(s.managerCaller.talentPool.list({}))).toBe('FORBIDDEN');
    });
  });

  describe('adding to a job', () => {
    it('adds members to the first stage as from the talent pool, once, and never someone who left it', async () => {
      const s = await setup();
      const ada = await s.applicant('Ada Pool', [TALENT_POOL_PURPOSE]);
      const nina = await s.applicant('Nina Never', []);
      const jobId = await s.openJob('Welder');

      expect(await s.caller.talentPool.addToJob({ jobId, candidateIds: [ada, nina] })).toEqual({
        added: 1,
        alreadyApplied: 0,
        notInPool: 1,
      });
      const added = await s.tem.findOneOrFail(
        Application,
        { job: jobId, candidate: ada },
        { populate: ['stage'] },
      );
      expect(added.source).toBe('talent_pool');
      expect(added.stage.kind).toBe('applied');
      expect(await s.caller.talentPool.addToJob({ jobId, candidateIds: [ada] })).toEqual({
        added: 0,
        alreadyApplied: 1,
        notInPool: 0,
      });
      // The list can leave out who is already on the job.
      expect((await s.caller.talentPool.list({ filter: { notAppliedTo: jobId } })).total).toBe(0);
      expect(await codeOf(s.caller.talentPool.addToJob({ jobId, candidateIds: [] }))).toBe('BAD_REQUEST');
    });
  });

  describe('job alerts', () => {
    it('email an open job to members who also consented to news, as marketing, once per member', async () => {
      const s = await setup();
      const grace = await s.applicant('Grace Alerts', [TALENT_POOL_PURPOSE, MARKETING_PURPOSE]);
      await s.applicant('Ada Pool', [TALENT_POOL_PURPOSE]);
      const applied = await s.applicant('Alan Applied', [TALENT_POOL_PURPOSE, MARKETING_PURPOSE]);
      const jobId = await s.openJob('Welder');
      await s.caller.talentPool.addToJob({ jobId, candidateIds: [applied] });

      const preview = await s.caller.talentPool.previewJobAlert({ jobId });
      expect(preview).toMatchObject({
        jobTitle: 'Welder',
        recipients: 1,
        lastSentAt: null,
        subject: 'New role at Acme Robotics: Welder',
      });
      expect(preview.text).toContain(`/careers/${s.tenant.slug}/jobs/${jobId}/`);
      expect(preview.text).toContain('(their own one-click unsubscribe link)');

      expect(await s.caller.talentPool.sendJobAlert({ jobId })).toEqual({ queued: 1 });
      const sent = await s.tem.find(OutboxEmail, { candidate: { $in: [grace, applied] } });
      const alert = sent.find((m) => m.subject.startsWith('New role'));
      expect(alert).toMatchObject({ template: 'message.marketing', to: `grace-${s.tenant.id}@example.test` });
      expect(alert!.unsubscribeUrl).toMatch(/\/careers\/.+\/privacy\/unsubscribe\/\?t=/);
      expect(alert!.text).toContain('Hello Grace,');
      expect(sent.filter((m) => m.candidate?.id === applied && m.subject.startsWith('New role'))).toEqual([]);

      // Sent again: nobody new joined, nobody hears twice.
      expect(await s.caller.talentPool.sendJobAlert({ jobId })).toEqual({ queued: 0 });
      expect((await s.caller.talentPool.previewJobAlert({ jobId })).lastSentAt).not.toBeNull();
      // Someone who joins later gets the next one.
      const late = await s.applicant('Lena Later', [TALENT_POOL_PURPOSE, MARKETING_PURPOSE]);
      expect(await s.caller.talentPool.sendJobAlert({ jobId })).toEqual({ queued: 1 });
      expect(await s.tem.count(OutboxEmail, { candidate: late, subject: { $like: 'New role%' } })).toBe(1);
      expect(await s.tem.count(OutboxEmail, { candidate: grace, subject: { $like: 'New role%' } })).toBe(1);
    });

    it('are refused for a job that is not open', async () => {
      const s = await setup();
      const draft = await seedJobWithApplicant(db.orm(), s.actor, { title: 'Draft' });
      expect(await codeOf(s.caller.talentPool.previewJobAlert({ jobId: draft.job.id }))).toBe(
        'PRECONDITION_FAILED',
      );
      expect(await codeOf(s.caller.talentPool.sendJobAlert({ jobId: draft.job.id }))).toBe(
        'PRECONDITION_FAILED',
      );
    });
  });
});
