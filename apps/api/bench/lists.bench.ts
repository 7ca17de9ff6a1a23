/**
 * Measures the server-side lists a recruiter uses all day, through the real
 * tRPC caller (session, tenant scoping, validation, audit write), against a
 * database filled by `pnpm --filter @candor/db db:seed:bulk`.
 *
 *   DATABASE_URL=... pnpm --filter @candor/api bench:lists [--tenant bench] [--runs 40]
 *
 * Prints p50/p95/max per scenario for a page of 25 and fails (exit 1) when a
 * p95 is above the 50 ms budget.
 */
import { parseArgs } from 'node:util';
import { Application, Candidate, createOrm, Job, Membership, TENANT_FILTER, Tenant } from '@candor/db';
import { callerFor, sessionFor, testDeps } from '../src/testing/test-app.js';

const BUDGET_P95_MS = 50;
const { values } = parseArgs({
  options: { tenant: { type: 'string', default: 'bench' }, runs: { type: 'string', default: '40' } },
});
const runs = Number(values.runs);
const url = process.env.DATABASE_URL ?? 'sqlite:./data/candor.db';

const orm = await createOrm(url);
const em = orm.em.fork();
const tenant = await em.findOne(Tenant, { slug: values.tenant });
if (!tenant) throw new Error(`no tenant "${values.tenant}": run pnpm --filter @candor/db db:seed:bulk first`);
em.setFilterParams(TENANT_FILTER, { tenantId: tenant.id });
const admin = await em.findOneOrFail(Membership, { tenant, role: { $in: ['admin', 'owner'] }, status: 'active' });
const [candidateCount, applicationCount] = await Promise.all([em.count(Candidate, {}), em.count(Application, {})]);
const jobs = await em.find(Job, {}, { populate: ['tenant'], limit: 5, orderBy: { createdAt: 'asc' } });
const job = jobs[0]!;
const someStage = (await em.findOneOrFail(Application, { job }, { populate: ['stage'] })).stage;
const sample = await em.find(Candidate, {}, { limit: 1, offset: Math.floor(candidateCount / 2) });
const emailFragment = sample[0]!.email.split('@')[0]!.slice(0, 8);
const nameFragment = sample[0]!.name.split(' ').at(-1)!.slice(0, 5);

const deps = testDeps(orm);
const caller = await callerFor(deps, await sessionFor(deps, admin.user.id, tenant.id));
const page = (n = 1) => ({ page: n, perPage: 25 });

const scenarios: Array<[string, () => Promise<unknown>]> = [
  ['candidates: newest first', () => caller.candidates.list({ pagination: page(), sort: { field: 'createdAt', order: 'DESC' } })],
  ['candidates: page 200 by name', () => caller.candidates.list({ pagination: page(200), sort: { field: 'name', order: 'ASC' } })],
  ['candidates: search email', () => caller.candidates.list({ pagination: page(), filter: { q: emailFragment } })],
  ['candidates: search name', () => caller.candidates.list({ pagination: page(), filter: { q: nameFragment } })],
  ['candidates: source referral', () => caller.candidates.list({ pagination: page(), filter: { source: 'referral' } })],
  ['applications: newest first', () => caller.applications.list({ pagination: page(), sort: { field: 'appliedAt', order: 'DESC' } })],
  ['applications: by job', () => caller.applications.list({ pagination: page(), filter: { jobId: job.id } })],
  ['applications: by job + stage', () => caller.applications.list({ pagination: page(), filter: { jobId: job.id, stageId: someStage.id } })],
  ['applications: rejected', () => caller.applications.list({ pagination: page(), filter: { status: 'rejected' } })],
  ['applications: source referral', () => caller.applications.list({ pagination: page(), filter: { source: 'referral' } })],
  ['applications: tag', () => caller.applications.list({ pagination: page(), filter: { tag: 'python' } })],
  ['applications: last 30 days', () =>
    caller.applications.list({ pagination: page(), filter: { appliedFrom: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10) } })],
  ['applications: search candidate', () => caller.applications.list({ pagination: page(), filter: { q: nameFragment } })],
  ['board of one job', () => caller.applications.board({ jobId: job.id, perColumn: 25 })],
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

console.log(`${url.startsWith('postgres') ? 'PostgreSQL' : 'SQLite'}: ${candidateCount} candidates, ${applicationCount} applications; ${runs} runs each\n`);
console.log('scenario'.padEnd(34), 'p50 ms'.padStart(8), 'p95 ms'.padStart(8), 'max ms'.padStart(8));
let over = 0;
for (const [name, run] of scenarios) {
  for (let i = 0; i < 3; i++) await run(); // warm caches and the statement cache
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const p95 = percentile(times, 95);
  if (p95 > BUDGET_P95_MS) over++;
  console.log(
    name.padEnd(34),
    percentile(times, 50).toFixed(1).padStart(8),
    p95.toFixed(1).padStart(8),
    times.at(-1)!.toFixed(1).padStart(8),
    p95 > BUDGET_P95_MS ? '  over budget' : '',
  );
}
await orm.close();
process.exit(over ? 1 : 0);
