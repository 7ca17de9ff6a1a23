import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Orm } from '@candor/db';
import { forEachDatabase, seedTenant, seedUser } from '@candor/db/testing';
import type { TBackgroundJob, TBackgroundJobList } from '@candor/schemas';
import { TRPCError } from '@trpc/server';
import { afterEach, describe, expect, it } from 'vitest';
import { readEnv } from '../env.js';
import { createLogger } from '../logging/logger.js';
import { fileTransport } from '../mail/transport.js';
import { callerFor, sessionFor, testDeps } from '../testing/test-app.js';
import { inProcessRunner } from './in-process-runner.js';
import { type JobDefinition, JobFailure, type JobQueue } from './job-definition.js';
import { PG_BOSS_SCHEMA, pgBossRunner } from './pg-boss-runner.js';
import { JOB_NAMES, jobRegistry } from './registry.js';

const quiet = createLogger('silent');

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  ms = 15_000,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A job that fails its first `failures` attempts, remembering when each attempt started. */
function flakyJob(name: string, perTenant: boolean, failures: number) {
  const attempts: number[] = [];
  const definition: JobDefinition = {
    name,
    label: `Flaky ${name}`,
    perTenant,
    retry: { limit: 1, delaySeconds: 1, backoff: true },
    expireInSeconds: 30,
    async run() {
      attempts.push(Date.now());
      if (attempts.length <= failures) throw new JobFailure(`attempt ${attempts.length} failed on purpose`);
    },
  };
  return { definition, attempts };
}

forEachDatabase('background jobs', (db) => {
  const runners: JobQueue[] = [];
  afterEach(async () => {
    for (const runner of runners.splice(0)) await runner.stop(2000);
  });

  /** The runner this database gets in production, over the given definitions. */
  async function runnerFor(definitions: JobDefinition[]): Promise<JobQueue> {
    if (db.dialect === 'postgresql') {
      const runner = pgBossRunner({
        connectionString: db.url(),
        definitions,
        logger: quiet,
        work: true,
        pollingIntervalSeconds: 0.5,
        maintenanceIntervalSeconds: 1,
      });
      runners.push(runner);
      await runner.start();
      return runner;
    }
    const runner = inProcessRunner({ definitions, logger: quiet, schedules: true });
    runners.push(runner);
    runner.start();
    return runner;
  }

  async function adminsOfTwoTenants(orm: Orm) {
    const em = orm.em.fork();
    const [a, b] = [await seedTenant(em), await seedTenant(em)];
    const [adminA, adminB] = [await seedUser(em, a, 'admin'), await seedUser(em, b, 'admin')];
    return { a, b, adminA, adminB };
  }

  const jobIn = (list: TBackgroundJobList, id: string): TBackgroundJob | undefined =>
    list.jobs.find((j) => j.id === id);

  it('a failing job is retried with back-off, shows as failed, and runs again when retried from the backoffice', async () => {
    const orm = db.orm();
    const { a, b, adminA, adminB } = await adminsOfTwoTenants(orm);
    const flaky = flakyJob('test.flaky-tenant', true, 2);
    const queue = await runnerFor([flaky.definition]);
    const deps = testDeps(orm, { jobs: queue });
    const callerA = await callerFor(deps, await sessionFor(deps, adminA.id, a.id));
    const callerB = await callerFor(deps, await sessionFor(deps, adminB.id, b.id));

    const id = await queue.send(flaky.definition.name, { tenantId: a.id });
    expect(id).toBeTruthy();
    const failed = await waitFor('the job to fail', async () => {
      const job = jobIn(await callerA.backgroundJobs.list(), id!);
      return job?.state === 'failed' && job;
    });
    // First attempt and one retry after about a second.
    expect(flaky.attempts).toHaveLength(2);
    expect(flaky.attempts[1]! - flaky.attempts[0]!).toBeGreaterThanOrEqual(900);
    expect(failed).toMatchObject({ ownTenant: true, retryCount: 1, retryLimit: 1 });
    expect(failed.error).toBe('attempt 2 failed on purpose');
    const listA = await callerA.backgroundJobs.list();
    expect(listA.runner).toBe(db.dialect === 'postgresql' ? 'pg-boss' : 'in-process');
    expect(listA.queues.find((q) => q.name === flaky.definition.name)).toMatchObject({
      failed: 1,
      perTenant: true,
    });

    // Another tenant's admin sees neither the job nor its error, and cannot retry it.
    const listB = await callerB.backgroundJobs.list();
    expect(JSON.stringify(listB)).not.toContain(id!);
    expect(JSON.stringify(listB)).not.toContain(a.id);
    expect(JSON.stringify(listB)).not.toContain('on purpose');
    expect(listB.queues.find((q) => q.name === flaky.definition.name)).toMatchObject({ failed: 0 });
    await expect(callerB.backgroundJobs.retry({ id: id! })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    await callerA.backgroundJobs.retry({ id: id! });
    await waitFor('the retried job to complete', async () => {
      return jobIn(await callerA.backgroundJobs.list(), id!)?.state === 'completed';
    });
    expect(flaky.attempts).toHaveLength(3);
    // Counted alike by both runners: the third attempt is the second retry, of a limit raised by one.
    expect(jobIn(await callerA.backgroundJobs.list(), id!)).toMatchObject({ retryCount: 2, retryLimit: 2 });
    // A job that is not failed is not retried.
    await expect(callerA.backgroundJobs.retry({ id: id! })).rejects.toBeInstanceOf(TRPCError);
  });

  it("a global job's state shows to every tenant, its message to none", async () => {
    const orm = db.orm();
    const { a, adminA } = await adminsOfTwoTenants(orm);
    const flaky = flakyJob('test.flaky-global', false, 5);
    const queue = await runnerFor([flaky.definition]);
    const deps = testDeps(orm, { jobs: queue });
    const caller = await callerFor(deps, await sessionFor(deps, adminA.id, a.id));
    const id = await queue.send(flaky.definition.name, {});
    const failed = await waitFor('the global job to fail', async () => {
      const job = jobIn(await caller.backgroundJobs.list(), id!);
      return job?.state === 'failed' && job;
    });
    expect(failed.ownTenant).toBe(false);
    expect(failed.error).not.toContain('on purpose');
  });

  it("runs the registry's own definitions: the careers republish fans out one job per tenant", async () => {
    const orm = db.orm();
    const { a, b } = await adminsOfTwoTenants(orm);
    const published: string[] = [];
    // Tenant a's publish is held running while the test looks: finished jobs are pruned to the last few per
    // name, and other tests' tenants in this database publish too.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const deps = testDeps(orm, {
      publishCareers: async (tenantId) => {
        published.push(tenantId);
        if (tenantId === a.id) await held;
      },
    });
    const env = readEnv({ DATABASE_URL: db.url(), NODE_ENV: 'test' });
    const definitions = jobRegistry({
      orm,
      deps,
      logger: quiet,
      mail: { transport: fileTransport(mkdtempSync(join(tmpdir(), 'candor-mail-'))), from: env.MAIL_FROM },
      retentionIntervalMinutes: 0,
      notificationCheckSeconds: 0,
    }).map((d) => ({ ...d, everySeconds: undefined }));
    const queue = await runnerFor(definitions);
    await queue.send(JOB_NAMES.careersRepublish, {});
    await waitFor("tenant a's site publishing", async () => published.includes(a.id));
    // Each tenant's publish is its own job, shown to that tenant only.
    const perTenant = (await queue.list(a.id)).jobs.filter((j) => j.name === JOB_NAMES.careersPublishTenant);
    expect(perTenant.length).toBeGreaterThanOrEqual(1);
    expect(perTenant.every((j) => j.ownTenant)).toBe(true);
    release();
    await waitFor('both tenants published', async () => published.includes(b.id));
  });

  it('stopping waits for a running job to finish (graceful shutdown)', async () => {
    let started = false;
    let finished = false;
    const slow: JobDefinition = {
      name: 'test.slow',
      label: 'Slow',
      perTenant: false,
      retry: { limit: 0, delaySeconds: 1, backoff: false },
      expireInSeconds: 30,
      async run() {
        started = true;
        await new Promise((resolve) => setTimeout(resolve, 700));
        finished = true;
      },
    };
    const queue = await runnerFor([slow]);
    await queue.send(slow.name, {});
    await waitFor('the job to start', async () => started);
    await queue.stop(5_000);
    expect(finished).toBe(true);
  });

  it('sends nothing beside an unfinished job of the same name when asked to, and sends again once it is done', async () => {
    let runs = 0;
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const untilDone: JobDefinition = {
      name: 'test.until-done',
      label: 'Works until nothing is left',
      perTenant: false,
      retry: { limit: 0, delaySeconds: 1, backoff: false },
      expireInSeconds: 30,
      async run() {
        runs += 1;
        if (runs === 1) await gate;
      },
    };
    const queue = await runnerFor([untilDone]);
    const ask = () => queue.send(untilDone.name, {}, { unlessUnfinished: true });
    expect(await ask()).toEqual(expect.any(String));
    await waitFor('the first run to start', async () => runs === 1);
    // The running one takes up what a second would be for.
    expect(await ask()).toBeNull();
    expect(await ask()).toBeNull();
    release();
    await waitFor('a send once the first run is done', ask);
    await waitFor('the second run', async () => runs === 2);
    expect(runs).toBe(2);
  });

  it('a per-tenant job cannot be sent without its tenant', async () => {
    const queue = await runnerFor([flakyJob('test.needs-tenant', true, 0).definition]);
    await expect(queue.send('test.needs-tenant', {})).rejects.toThrow(/tenantId/);
    await expect(queue.send('test.unknown', {})).rejects.toThrow(/no background job/);
  });

  if (db.dialect === 'postgresql') {
    describe('on PostgreSQL, several instances', () => {
      it('run a scheduled job once per interval, not once per instance', async () => {
        const runs: string[] = [];
        const definition: JobDefinition = {
          name: 'test.every-two-seconds',
          label: 'Tick',
          everySeconds: 2,
          perTenant: false,
          retry: { limit: 0, delaySeconds: 1, backoff: false },
          expireInSeconds: 30,
          async run() {
            runs.push(new Date().toISOString());
          },
        };
        const began = Date.now();
        // Two instances with their own pg-boss on the same database, as two workers would be.
        await runnerFor([definition]);
        await runnerFor([definition]);
        await new Promise((resolve) => setTimeout(resolve, 5_000));
        const slots = Math.ceil((Date.now() - began) / 2000) + 1;
        expect(runs.length).toBeGreaterThanOrEqual(2);
        expect(runs.length).toBeLessThanOrEqual(slots);
        const rows: Array<{ n: number }> = await db
          .orm()
          .em.getConnection()
          .execute(`SELECT count(*)::int AS n FROM ${PG_BOSS_SCHEMA}.job WHERE name = ?`, [definition.name]);
        // One job per slot in the database, whichever instance made it (the last may not have run yet).
        expect(rows[0]!.n - runs.length).toBeGreaterThanOrEqual(0);
        expect(rows[0]!.n - runs.length).toBeLessThanOrEqual(1);
      });

      it('pick up a job whose instance died while running it (expiration)', async () => {
        const runs: string[] = [];
        const definition: JobDefinition = {
          name: 'test.orphaned',
          label: 'Orphaned',
          perTenant: false,
          retry: { limit: 2, delaySeconds: 1, backoff: false },
          expireInSeconds: 1,
          async run() {
            runs.push('ran');
          },
        };
        // A sender only (like a web instance), then the state a killed worker leaves: active, started long ago.
        const sender = pgBossRunner({
          connectionString: db.url(),
          definitions: [definition],
          logger: quiet,
          work: false,
        });
        runners.push(sender);
        await sender.start();
        const id = await sender.send(definition.name, {});
        await db
          .orm()
          .em.getConnection()
          .execute(
            `UPDATE ${PG_BOSS_SCHEMA}.job SET state = 'active', started_on = now() - interval '1 hour' WHERE id = ?`,
            [id],
          );
        await runnerFor([definition]);
        await waitFor('the orphaned job to run elsewhere', async () => runs.length === 1, 20_000);
        const job = (await sender.list('none')).jobs.find((j) => j.id === id);
        expect(job?.retryCount).toBeGreaterThanOrEqual(1);
      });
    });
  }
});
