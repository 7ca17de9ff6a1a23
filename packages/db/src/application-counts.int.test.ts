import { expect, it } from 'vitest';
import { applicationCountsByJob, applicationCountsByStage, countApplications } from './application-counts.js';
import { Application, Candidate, JobStage, TENANT_FILTER, Tenant } from './entities/index.js';
import type { Em } from './orm.js';
import { DEMO_TENANT, seedDemo } from './seed/demo.js';
import { type DatabaseUnderTest, forEachDatabase } from './testing/index.js';

/**
 * The trigger-kept counts must equal a real count after every kind of change,
 * whichever way it is made: the ORM, raw SQL, a restriction on the candidate,
 * moving applications to another candidate (a merge), deleting, rolling back.
 */
forEachDatabase('application counts', (db: DatabaseUnderTest) => {
  async function tenantEm(): Promise<{ em: Em; tenantId: string }> {
    const em = db.orm().em.fork();
    if (!(await em.findOne(Tenant, { slug: DEMO_TENANT.slug }))) await seedDemo(db.orm().em.fork());
    const tenant = await em.findOneOrFail(Tenant, { slug: DEMO_TENANT.slug });
    em.setFilterParams(TENANT_FILTER, { tenantId: tenant.id });
    return { em, tenantId: tenant.id };
  }

  /** Every non-zero counter, and the same figures counted from the rows (with the candidate's own restriction). */
  async function kept(em: Em): Promise<{ counters: string[]; counted: string[] }> {
    const knex = em.getKnex();
    const counters = (await knex('application_count')
      .select('job_id', 'stage_id', 'status', 'candidate_restricted', 'n')
      .where('n', '<>', 0)) as Array<Record<string, unknown>>;
    const counted = (await knex('application as a')
      .join('candidate as c', 'c.id', 'a.candidate_id')
      .select(
        'a.job_id',
        'a.stage_id',
        'a.status',
        knex.raw('case when c.restricted_at is null then 0 else 1 end as r'),
      )
      .count({ n: '*' })
      .groupBy('a.job_id', 'a.stage_id', 'a.status', 'r')) as Array<Record<string, unknown>>;
    const line = (job: unknown, stage: unknown, status: unknown, restricted: unknown, n: unknown) =>
      `${job} ${stage} ${status} ${Number(restricted) ? 'restricted' : 'open'} ${Number(n)}`;
    return {
      counters: counters.map((r) => line(r.job_id, r.stage_id, r.status, r.candidate_restricted, r.n)).sort(),
      counted: counted.map((r) => line(r.job_id, r.stage_id, r.status, r.r, r.n)).sort(),
    };
  }

  async function expectExact(em: Em): Promise<void> {
    const { counters, counted } = await kept(em);
    expect(counted.length).toBeGreaterThan(0);
    expect(counters).toEqual(counted);
  }

  it('start exact after seeding', async () => {
    const { em } = await tenantEm();
    await expectExact(em);
  });

  it('follow stage moves and status changes made through the ORM and in raw SQL', async () => {
    const { em } = await tenantEm();
    const [app] = await em.find(Application, { status: 'active' }, { populate: ['stage'], limit: 1 });
    if (!app) throw new Error('the demo tenant has no active application');
    const other = await em.findOneOrFail(JobStage, {
      job: app.job,
      id: { $ne: app.stage.id },
      kind: { $ne: 'applied' },
    });
    app.stage = other;
    app.status = 'hired';
    await em.flush();
    await expectExact(em);
    await em.getKnex()('application').where('id', app.id).update({ status: 'withdrawn' });
    await expectExact(em);
  });

  it('follow a restriction of processing and its lifting, and a merge onto a restricted candidate', async () => {
    const { em } = await tenantEm();
    const [app] = await em.find(Application, { status: 'active' }, { populate: ['candidate'], limit: 1 });
    if (!app) throw new Error('no application');
    app.candidate.restrictedAt = new Date();
    await em.flush();
    await expectExact(em);
    expect(await em.getKnex()('application').where('id', app.id).first('candidate_restricted')).toMatchObject(
      {
        candidate_restricted: db.dialect === 'postgresql' ? true : 1,
      },
    );

    // Another candidate's application moves onto the restricted one (as a merge does), to a job they have not applied to.
    const theirJobs = (await em.find(Application, { candidate: app.candidate.id }, { fields: ['job'] })).map(
      (a) => a.job.id,
    );
    const [moved] = await em.find(
      Application,
      { candidate: { $ne: app.candidate.id }, job: { $nin: theirJobs } },
      { limit: 1 },
    );
    if (!moved) throw new Error('no second application');
    await em.getKnex()('application').where('id', moved.id).update({ candidate_id: app.candidate.id });
    await expectExact(em);

    app.candidate.restrictedAt = null;
    await em.flush();
    await expectExact(em);
  });

  it('count a restricted candidate’s new application as restricted', async () => {
    const { em, tenantId } = await tenantEm();
    const [app] = await em.find(Application, {}, { populate: ['candidate', 'job', 'stage'], limit: 1 });
    if (!app) throw new Error('no application');
    const candidate = em.create(Candidate, {
      tenant: tenantId,
      name: 'Held Applicant',
      nameKey: 'held applicant',
      email: 'held@example.com',
      links: [],
      source: 'careers_site',
      restrictedAt: new Date(),
    });
    em.create(Application, {
      tenant: tenantId,
      candidate,
      job: app.job,
      stage: app.stage,
      status: 'active',
      source: 'careers_site',
      answers: [],
    });
    await em.flush();
    await expectExact(em);
    const before = await countApplications(em, { tenantId, withRestricted: false, jobIds: [app.job.id] });
    const all = await countApplications(em, { tenantId, withRestricted: true, jobIds: [app.job.id] });
    expect(all - before).toBeGreaterThanOrEqual(1);
  });

  it('follow deletions, and undo with a rolled-back transaction', async () => {
    const { em, tenantId } = await tenantEm();
    const [app] = await em.find(Application, {}, { populate: ['candidate'], limit: 1 });
    if (!app) throw new Error('no application');
    const stage = await em.findOneOrFail(JobStage, { job: app.job, kind: 'applied' });
    const candidate = em.create(Candidate, {
      tenant: tenantId,
      name: 'Short Stay',
      nameKey: 'short stay',
      email: 'short@example.com',
      links: [],
      source: 'sourced',
    });
    const added = em.create(Application, {
      tenant: tenantId,
      candidate,
      job: app.job,
      stage,
      status: 'active',
      source: 'sourced',
      answers: [],
    });
    await em.flush();
    await expect(
      em.transactional(async (tx) => {
        tx.remove(tx.getReference(Application, added.id));
        await tx.flush();
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await expectExact(em);
    await em.getKnex()('application').where('id', added.id).delete();
    await expectExact(em);
  });

  it('answer per job, per stage and for a filter, hiding restricted candidates unless asked', async () => {
    const { em, tenantId } = await tenantEm();
    const apps = await em.find(Application, {}, { populate: ['candidate'] });
    const visible = apps.filter((a) => !a.candidate.restrictedAt);
    const jobId = apps[0]?.job.id ?? '';
    const byJob = await applicationCountsByJob(em, { tenantId, withRestricted: false, jobIds: [jobId] });
    const ofJob = visible.filter((a) => a.job.id === jobId);
    expect(byJob.get(jobId)).toEqual({
      active: ofJob.filter((a) => a.status === 'active').length,
      total: ofJob.length,
    });
    const byStage = await applicationCountsByStage(em, { tenantId, withRestricted: true, jobIds: [jobId] });
    const stageId = apps.find((a) => a.job.id === jobId)?.stage.id ?? '';
    expect(byStage.get(stageId)).toBe(apps.filter((a) => a.stage.id === stageId).length);
    expect(await countApplications(em, { tenantId, withRestricted: false, status: 'active' })).toBe(
      visible.filter((a) => a.status === 'active').length,
    );
    expect(await countApplications(em, { tenantId, withRestricted: true, jobIds: [] })).toBe(0);
  });
});
