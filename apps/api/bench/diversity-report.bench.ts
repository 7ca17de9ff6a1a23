/**
 * Times one diversity report (diversityReport: every answer opened with its
 * candidate's data key, then suppression) on a fresh SQLite file and a fresh
 * PostgreSQL database (both dropped afterwards, the key store too):
 *
 *   pnpm bench:diversity [--count 10000] [--dialect both|sqlite|postgresql]
 *                        [--repeat 5]
 *
 * Seeds one tenant with the survey on (uk_eu, k 10), five jobs with the
 * default pipeline, --count candidates with one application each spread over
 * the last 12 months, their stage changes (some reach interview, offer,
 * hire) and, for about 75% of them, a survey response sealed under the
 * candidate's own data key, made with the real key functions (candidateKey
 * after ensureTenantDataKey), so the report pays the real decryption cost.
 * Rows go in with multi-row INSERTs; key creation is timed on its own.
 *
 * Then the real report for gender over the last 13 whole months runs once
 * cold and --repeat times warm (a fresh EntityManager each time), once more
 * scoped to one job. The run fails unless the report counted the
 * respondents. Process RSS is sampled every 100 ms during the reports.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  Application,
  Candidate,
  createOrm,
  type Dialect,
  DiversityResponse,
  type Em,
  Job,
  JobStage,
  Membership,
  type Orm,
  ormDialectOfEm,
  StageChange,
  TENANT_FILTER,
  Tenant,
  User,
} from '@candor/db';
import { createTestDatabase } from '@candor/db/testing/databases';
import {
  DEFAULT_HIRING_SETTINGS,
  SURVEY_TEMPLATES,
  type TDiversityReport,
  type TDiversityReportInput,
} from '@candor/schemas';
import { diversityReport } from '../src/diversity/report.service.js';
import { candidateKey, type DataKeys, ensureTenantDataKey, sealFor } from '../src/keys/data-keys.js';
import { createKeyStore } from '../src/keys/key-store.js';
import type { Actor } from '../src/trpc/init.js';
import { insertRows, type RawRunner } from './seed-rows.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    dialect: { type: 'string', default: 'both' },
    repeat: { type: 'string', default: '5' },
  },
});
const COUNT = Number(values.count);
const REPEAT = Math.max(1, Number(values.repeat));
const dialects: Dialect[] =
  values.dialect === 'both' ? ['sqlite', 'postgresql'] : [values.dialect as Dialect];
const DAY = 86_400_000;
const CHUNK = 1000;
/** Key files made at once while seeding. */
const KEY_CONCURRENCY = 16;
const K = 10;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor((list.length - 1) / 2)] ?? 0;

/** A small seeded PRNG (mulberry32), so every run seeds the same shape of data. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Picks from [value, weight] pairs. */
function pick<T>(next: () => number, weighted: Array<[T, number]>): T {
  let r = next() * weighted.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, weight] of weighted) {
    r -= weight;
    if (r < 0) return value;
  }
  return weighted.at(-1)![0];
}

function tenantEm(orm: Orm, tenantId: string): Em {
  const em = orm.em.fork();
  em.setFilterParams(TENANT_FILTER, { tenantId });
  return em;
}

interface Seeded {
  actor: Actor;
  jobId: string;
  respondents: number;
  respondentsOfJob: number;
  rowSeconds: number;
  keySeconds: number;
}

/** How far an application got: the kinds of stage it moved through, in order (1: applied only ... 4: hired). */
const PATHS: Record<1 | 2 | 3 | 4, string[]> = {
  1: ['Applied'],
  2: ['Applied', 'Phone screen', 'Interview'],
  3: ['Applied', 'Phone screen', 'Interview', 'Final interview', 'Offer'],
  4: ['Applied', 'Phone screen', 'Interview', 'Final interview', 'Offer', 'Hired'],
};

async function seed(orm: Orm, keys: DataKeys, count: number): Promise<Seeded> {
  const em = orm.em.fork();
  const tenant = em.create(Tenant, {
    slug: 'diversity-bench',
    name: 'Diversity Bench',
    diversitySettings: {
      enabled: true,
      template: 'uk_eu',
      questions: ['gender', 'ethnicity', 'age_band', 'disability'],
      k: K,
    },
  });
  // A real admin: the report's audit event names them.
  const user = em.create(User, {
    email: 'bench.admin@example.test',
    name: 'Bench Admin',
    passwordHash: null,
  });
  em.create(Membership, { tenant, user, role: 'admin', status: 'active' });
  const departments = ['Engineering', 'Engineering', 'Operations', 'Sales', 'People'];
  const jobs = departments.map((department, j) => {
    const job = em.create(Job, {
      tenant,
      title: `Bench Job ${j + 1}`,
      department,
      country: 'DE',
      workplace: 'hybrid',
      employmentType: 'full_time',
      questions: [],
      criteria: [],
      status: 'open',
    });
    const stages = new Map(
      DEFAULT_HIRING_SETTINGS.pipelineTemplate.map((stage, position) => [
        stage.name,
        em.create(JobStage, { tenant, job, name: stage.name, kind: stage.kind, position }),
      ]),
    );
    return { job, stages };
  });
  await em.flush();
  const tenantId = tenant.id;
  const keyEm = tenantEm(orm, tenantId);
  await ensureTenantDataKey(keyEm, keys, tenantId);

  const next = random(20_260_601);
  const platform = orm.em.getPlatform();
  const date = (ms: number) => platform.processDateProperty(new Date(ms));
  const now = Date.now();
  const knex = orm.em.getKnex();
  const uk = SURVEY_TEMPLATES.uk_eu.questions;
  const optionsOf = (id: string) => uk.find((q) => q.id === id)!.options.map((o) => o.id);
  const answer = (id: string, weights: number[]): string | null => {
    if (next() < 0.04) return null; // left unanswered
    const options = optionsOf(id);
    return pick(
      next,
      options.map((o, i) => [o, weights[i] ?? 1]),
    );
  };
  let respondents = 0;
  let respondentsOfJob = 0;
  let keyMs = 0;
  const started = performance.now();
  for (let from = 0; from < count; from += CHUNK) {
    const candidates: Array<Record<string, unknown>> = [];
    const applications: Array<Record<string, unknown>> = [];
    const changes: Array<Record<string, unknown>> = [];
    const answering: Array<{ candidateId: string; applicationId: string; appliedAt: number }> = [];
    for (let i = from; i < Math.min(count, from + CHUNK); i++) {
      const id = randomUUID();
      const applicationId = randomUUID();
      // Spread over the last 12 months, an hour short of now.
      const appliedAt = now - 3_600_000 - Math.floor(next() * 364 * DAY);
      const name = `Bench Person ${i}`;
      candidates.push({
        id,
        tenant: tenantId,
        name,
        email: `bench.person.${i}@example.test`,
        nameKey: name.toLowerCase(),
        links: JSON.stringify([]),
        source: 'careers_site',
        possibleDuplicate: false,
        createdAt: date(appliedAt),
        lastActivityAt: date(appliedAt),
      });
      const { job, stages } = jobs[i % jobs.length]!;
      const reached = pick<1 | 2 | 3 | 4>(next, [
        [1, 55],
        [2, 27],
        [3, 11],
        [4, 7],
      ]);
      const path = PATHS[reached].map((name) => stages.get(name)!);
      // Half of those who did not get an offer were rejected at the stage they reached.
      const rejected = reached <= 2 && next() < 0.5;
      if (rejected) path.push(stages.get('Rejected')!);
      const at = (step: number) => appliedAt + step * 3 * DAY;
      for (const [step, stage] of path.entries()) {
        changes.push({
          id: randomUUID(),
          tenant: tenantId,
          application: applicationId,
          fromStage: path[step - 1]?.id ?? null,
          toStage: stage.id,
          at: date(at(step)),
        });
      }
      applications.push({
        id: applicationId,
        tenant: tenantId,
        candidate: id,
        job: job.id,
        stage: path.at(-1)!.id,
        status: reached === 4 ? 'hired' : rejected ? 'rejected' : 'active',
        source: 'careers_site',
        answers: JSON.stringify([]),
        appliedAt: date(appliedAt),
        lastActivityAt: date(at(path.length - 1)),
        decidedAt: reached === 4 || rejected ? date(at(path.length - 1)) : null,
      });
      if (next() < 0.75) {
        answering.push({ candidateId: id, applicationId, appliedAt });
        if (i % jobs.length === 0) respondentsOfJob += 1;
      }
    }

    // The keys, through the real functions: a key file per respondent, wrapped under the tenant key.
    const keyStarted = performance.now();
    const keyOf = new Map<string, Buffer>();
    for (let i = 0; i < answering.length; i += KEY_CONCURRENCY) {
      await Promise.all(
        answering.slice(i, i + KEY_CONCURRENCY).map(async ({ candidateId }) => {
          keyOf.set(
            candidateId,
            await candidateKey(keyEm, keys, { tenantId, candidateId }, { create: true }),
          );
        }),
      );
    }
    keyMs += performance.now() - keyStarted;
    const responses = answering.map(({ candidateId, applicationId, appliedAt }) => {
      const key = keyOf.get(candidateId)!;
      const seal = (value: string | null) => (value === null ? null : sealFor(key, value));
      return {
        id: randomUUID(),
        tenant: tenantId,
        candidate: candidateId,
        application: applicationId,
        template: 'uk_eu',
        // woman, man, non-binary, another, prefer not to say
        gender: seal(answer('gender', [44, 46, 3, 1, 6])),
        ethnicity: seal(answer('ethnicity', [10, 6, 4, 72, 3, 5])),
        ageBand: seal(answer('age_band', [14, 38, 26, 14, 6, 1, 1])),
        disability: seal(answer('disability', [9, 85, 6])),
        answeredAt: date(appliedAt + 600_000),
      };
    });
    respondents += responses.length;

    await knex.transaction(async (trx) => {
      const runner = trx as unknown as RawRunner;
      await insertRows(runner, orm, Candidate, candidates);
      await insertRows(runner, orm, Application, applications);
      await insertRows(runner, orm, StageChange, changes);
      await insertRows(runner, orm, DiversityResponse, responses);
    });
    if ((from / CHUNK) % 5 === 4)
      process.stderr.write(
        `  seeded ${from + CHUNK} (${((performance.now() - started) / 1000).toFixed(0)} s)\n`,
      );
  }
  if (ormDialectOfEm(orm.em) === 'postgresql') await knex.raw('analyze');
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(
    `  seeded ${count} candidates, ${respondents} respondents in ${seconds.toFixed(1)} s (keys ${(keyMs / 1000).toFixed(1)} s)\n`,
  );
  return {
    actor: { userId: user.id, tenantId, role: 'admin', requestId: 'diversity-bench' },
    jobId: jobs[0]!.job.id,
    respondents,
    respondentsOfJob,
    rowSeconds: seconds - keyMs / 1000,
    keySeconds: keyMs / 1000,
  };
}

/** Fails the run unless the report counted people: its "applied" total, or (when that is hidden) its shown cells. */
function checkCounted(report: TDiversityReport, expected: number, what: string): void {
  const applied = report.totals[0];
  const shown = report.rows.reduce((sum, row) => sum + (row.counts[0] ?? 0), 0);
  if (applied === null || applied === undefined ? shown <= 0 : applied !== expected) {
    throw new Error(
      `${what}: the report did not count the ${expected} respondents (applied total ${applied}, shown cells ${shown})`,
    );
  }
}

// ---- the run ----

interface Result {
  dialect: Dialect;
  respondents: number;
  seed: string;
  cold: number;
  warm: number;
  max: number;
  job: number;
  rssBefore: number;
  peak: number;
}

const now = new Date();
const monthOf = (d: Date) => d.toISOString().slice(0, 7);
const input: TDiversityReportInput = {
  question: 'gender',
  from: monthOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 12, 1))),
  to: monthOf(now),
};

const results: Result[] = [];
for (const dialect of dialects) {
  process.stderr.write(`${dialect}: creating a fresh database\n`);
  const db = await createTestDatabase(dialect, { migrate: true });
  const orm = await createOrm(db.url);
  const keyDir = mkdtempSync(join(tmpdir(), 'candor-bench-keys-'));
  const keys = { masterKey: randomBytes(32), hashKey: randomBytes(32), keyStore: createKeyStore(keyDir) };
  try {
    const seeded = await seed(orm, keys, COUNT);
    const { actor } = seeded;
    const run = async (report: TDiversityReportInput) => {
      const started = performance.now();
      const out = await diversityReport(tenantEm(orm, actor.tenantId), actor, keys, report);
      return { ms: performance.now() - started, report: out };
    };

    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 100);
    const cold = await run(input);
    checkCounted(cold.report, seeded.respondents, `${dialect} all jobs`);
    const warm: number[] = [];
    for (let i = 0; i < REPEAT; i++) warm.push((await run(input)).ms);
    const job = await run({ ...input, jobId: seeded.jobId });
    checkCounted(job.report, seeded.respondentsOfJob, `${dialect} one job`);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);

    results.push({
      dialect,
      respondents: seeded.respondents,
      seed: `${(seeded.rowSeconds + seeded.keySeconds).toFixed(1)} (rows ${seeded.rowSeconds.toFixed(1)}, keys ${seeded.keySeconds.toFixed(1)})`,
      cold: cold.ms,
      warm: median(warm),
      max: Math.max(...warm),
      job: job.ms,
      rssBefore,
      peak,
    });
    const r = results.at(-1)!;
    process.stderr.write(
      `  ${dialect}: cold ${ms(r.cold)}, warm median ${ms(r.warm)} (max ${ms(r.max)}), one job ${ms(r.job)}, peak RSS ${mb(r.peak)}\n`,
    );
  } finally {
    await orm.close();
    await db.drop();
    rmSync(keyDir, { recursive: true, force: true });
  }
}

function printTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((r) =>
      r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '),
    )
    .join('\n');
}

const summary = printTable([
  [
    'dialect',
    'candidates',
    'respondents',
    'seed s',
    'cold',
    `warm median (${REPEAT})`,
    'warm max',
    'one job',
    'RSS before',
    'peak RSS',
  ],
  ...results.map((r) => [
    r.dialect,
    String(COUNT),
    String(r.respondents),
    r.seed,
    ms(r.cold),
    ms(r.warm),
    ms(r.max),
    ms(r.job),
    mb(r.rssBefore),
    mb(r.peak),
  ]),
]);
const load = loadavg()
  .map((l) => l.toFixed(2))
  .join(' ');
process.stdout.write(
  `\ndiversity report, gender, ${input.from} to ${input.to}, k ${K} (load average ${load})\n\n${summary}\n`,
);
