/**
 * Times the retention sweep over many due candidates, on a fresh SQLite file
 * and a fresh PostgreSQL database (both dropped afterwards):
 *
 *   pnpm bench:retention [--count 100000] [--dialect both|sqlite|postgresql]
 *                        [--concurrency 4] [--budget-seconds 300]
 *
 * Each candidate is due under the default "inactive for 12 months, no
 * talent-pool consent" rule and has an application (already anonymized by
 * an earlier sweep), its stage change and a refused talent-pool consent, so
 * the erasure walks real rows. Seeding uses multi-row INSERTs; the sweep is
 * the real one (runRetention, a transaction per candidate). Process RSS is
 * sampled every 250 ms. A sweep still running after the budget is stopped
 * and its rate extrapolated, so the figure is honest either way.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  Application,
  Candidate,
  ConsentEvent,
  createOrm,
  type Dialect,
  Job,
  JobStage,
  type Orm,
  ormDialectOfEm,
  StageChange,
  Tenant,
} from '@candor/db';
import { createTestDatabase } from '@candor/db/testing/databases';
import { diskFileStore } from '../src/files/file-store.js';
import { createKeyStore } from '../src/keys/key-store.js';
import type { Logger } from '../src/logging/logger.js';
import { runRetention } from '../src/retention/sweep.js';
import { insertRows, type RawRunner } from './seed-rows.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    dialect: { type: 'string', default: 'both' },
    concurrency: { type: 'string', default: '4' },
    'per-transaction': { type: 'string' },
    'budget-seconds': { type: 'string', default: '300' },
  },
});
const COUNT = Number(values.count);
const CONCURRENCY = Number(values.concurrency);
const PER_TRANSACTION = values['per-transaction'] ? Number(values['per-transaction']) : undefined;
const BUDGET_MS = Number(values['budget-seconds']) * 1000;
const dialects: Dialect[] =
  values.dialect === 'both' ? ['sqlite', 'postgresql'] : [values.dialect as Dialect];
const DAY = 86_400_000;
const CHUNK = 1000;

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

async function seed(orm: Orm, count: number): Promise<string> {
  const em = orm.em.fork();
  const tenant = em.create(Tenant, { slug: 'retention-bench', name: 'Retention Bench' });
  const job = em.create(Job, {
    tenant,
    title: 'Warehouse Robot Technician',
    department: 'Operations',
    country: 'DE',
    workplace: 'onsite',
    employmentType: 'full_time',
    questions: [],
    criteria: [],
    status: 'closed',
  });
  const applied = em.create(JobStage, { tenant, job, name: 'Applied', kind: 'applied', position: 0 });
  const rejected = em.create(JobStage, { tenant, job, name: 'Rejected', kind: 'rejected', position: 1 });
  await em.flush();

  const platform = orm.em.getPlatform();
  const date = (ms: number) => platform.processDateProperty(new Date(ms));
  const now = Date.now();
  const knex = orm.em.getKnex();
  const started = performance.now();
  for (let from = 0; from < count; from += CHUNK) {
    const candidates: Array<Record<string, unknown>> = [];
    const applications: Array<Record<string, unknown>> = [];
    const changes: Array<Record<string, unknown>> = [];
    const consents: Array<Record<string, unknown>> = [];
    for (let i = from; i < Math.min(count, from + CHUNK); i++) {
      const id = randomUUID();
      const lastActivity = now - (400 + (i % 300)) * DAY;
      const name = `Bench Person ${i}`;
      candidates.push({
        id,
        tenant: tenant.id,
        name,
        email: `bench.person.${i}@example.test`,
        nameKey: name.toLowerCase(),
        links: JSON.stringify([`https://example.test/p/${i}`]),
        source: 'careers_site',
        possibleDuplicate: false,
        createdAt: date(lastActivity - 30 * DAY),
        lastActivityAt: date(lastActivity),
      });
      const applicationId = randomUUID();
      applications.push({
        id: applicationId,
        tenant: tenant.id,
        candidate: id,
        job: job.id,
        stage: rejected.id,
        status: 'rejected',
        source: 'careers_site',
        answers: JSON.stringify([]),
        appliedAt: date(lastActivity - 30 * DAY),
        lastActivityAt: date(lastActivity),
        decidedAt: date(lastActivity),
        anonymizedAt: date(lastActivity + 190 * DAY),
      });
      changes.push({
        id: randomUUID(),
        tenant: tenant.id,
        application: applicationId,
        toStage: applied.id,
        at: date(lastActivity - 30 * DAY),
      });
      consents.push({
        id: randomUUID(),
        tenant: tenant.id,
        candidate: id,
        application: applicationId,
        purpose: 'talent_pool',
        purposeLabel: 'Talent pool',
        decision: 'refused',
        channel: 'careers_apply',
        gpc: false,
        occurredAt: date(lastActivity - 30 * DAY),
      });
    }
    await knex.transaction(async (trx) => {
      const runner = trx as unknown as RawRunner;
      await insertRows(runner, orm, Candidate, candidates);
      await insertRows(runner, orm, Application, applications);
      await insertRows(runner, orm, StageChange, changes);
      await insertRows(runner, orm, ConsentEvent, consents);
    });
    if ((from / CHUNK) % 20 === 19)
      process.stderr.write(
        `  seeded ${from + CHUNK} (${((performance.now() - started) / 1000).toFixed(0)} s)\n`,
      );
  }
  if (ormDialectOfEm(orm.em) === 'postgresql') await knex.raw('analyze');
  process.stderr.write(
    `  seeded ${count} due candidates in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return tenant.id;
}

/** Progress every 20 batches on stderr; nothing personal is ever in these fields. */
function progressLogger(started: number): Logger {
  let batches = 0;
  const line = (message: string, fields: Record<string, unknown> = {}) => {
    if (message === 'retention: batch' && ++batches % 20 !== 0) return;
    const rss = mb(process.memoryUsage().rss);
    process.stderr.write(
      `  ${((performance.now() - started) / 1000).toFixed(0)} s  ${message} done=${fields.done ?? ''} failed=${fields.failed ?? ''} rss=${rss}\n`,
    );
  };
  return { debug: () => undefined, info: line, warn: line, error: line };
}

const results: string[] = [];
for (const dialect of dialects) {
  process.stderr.write(`${dialect}: creating a fresh database\n`);
  const db = await createTestDatabase(dialect, { migrate: true });
  const orm = await createOrm(db.url, { poolMax: CONCURRENCY + 2 });
  try {
    const tenantId = await seed(orm, COUNT);
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 250);
    const controller = new AbortController();
    const budget = setTimeout(() => controller.abort(), BUDGET_MS);
    const started = performance.now();
    const [report] = await runRetention(orm, {
      tenantId,
      dryRun: false,
      workerId: 'bench',
      files: diskFileStore(mkdtempSync(join(tmpdir(), 'candor-bench-files-'))),
      keyStore: createKeyStore(mkdtempSync(join(tmpdir(), 'candor-bench-keys-'))),
      logger: progressLogger(performance.now()),
      concurrency: CONCURRENCY,
      itemsPerTransaction: PER_TRANSACTION,
      signal: controller.signal,
    });
    const elapsed = (performance.now() - started) / 1000;
    clearInterval(sampler);
    clearTimeout(budget);
    peak = Math.max(peak, process.memoryUsage().rss);
    const done = report?.done ?? 0;
    const rate = done / elapsed;
    const concurrency = dialect === 'postgresql' ? CONCURRENCY : 1;
    const summary = report?.finished
      ? `${dialect}: swept ${done} of ${COUNT} due candidates in ${elapsed.toFixed(1)} s (${rate.toFixed(0)}/s, failed ${report.failed}), concurrency ${concurrency}`
      : `${dialect}: stopped after the ${BUDGET_MS / 1000} s budget: ${done} of ${COUNT} done (${rate.toFixed(0)}/s, failed ${report?.failed ?? 0}), concurrency ${concurrency}; all ${COUNT} would take about ${(COUNT / rate / 60).toFixed(1)} min`;
    results.push(`${summary}; RSS before ${mb(rssBefore)}, peak ${mb(peak)}`);
    process.stderr.write(`${results.at(-1)}\n`);
  } finally {
    await orm.close();
    await db.drop();
  }
}
process.stdout.write(`\n${results.join('\n')}\n`);
