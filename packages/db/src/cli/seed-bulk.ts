/**
 * Fills a tenant with bulk data for performance work, e.g.
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/candor_bench \
 *     pnpm db:seed:bulk --candidates 100000 --applications 300000 --jobs 40 --tenant bench
 * Migrates first. Each run adds the given numbers to the tenant.
 */
import { parseArgs } from 'node:util';
import {
  Application,
  ApplicationTag,
  Candidate,
  Job,
  StageChange,
  TENANT_FILTER,
} from '../entities/index.js';
import { createOrm, dialectOf, migrate } from '../orm.js';
import { BENCH_PASSWORD, seedBulk } from '../seed/bulk.js';
import { databaseUrl, isProduction } from './env.js';

if (isProduction) {
  console.error('db:seed:bulk refuses to run with NODE_ENV=production');
  process.exit(1);
}

const { values } = parseArgs({
  options: {
    candidates: { type: 'string', default: '100000' },
    applications: { type: 'string', default: '300000' },
    jobs: { type: 'string', default: '40' },
    tenant: { type: 'string', default: 'bench' },
  },
});

function count(name: string, text: string): number {
  const value = Number(text.replace(/_/g, ''));
  if (!Number.isInteger(value) || value < 0) {
    console.error(`--${name} must be a whole number, not "${text}"`);
    process.exit(1);
  }
  return value;
}

const options = {
  tenantSlug: values.tenant,
  candidates: count('candidates', values.candidates),
  applications: count('applications', values.applications),
  jobs: count('jobs', values.jobs),
};

const orm = await createOrm(databaseUrl);
try {
  await migrate(orm);
  const target =
    dialectOf(databaseUrl) === 'sqlite'
      ? databaseUrl
      : `${new URL(databaseUrl).host}${new URL(databaseUrl).pathname}`;
  console.log(
    `Seeding tenant "${options.tenantSlug}" in ${target}: ${options.candidates} candidates, ` +
      `${options.applications} applications, ${options.jobs} jobs`,
  );
  const result = await seedBulk(orm, { ...options, log: (line) => console.log(`  ${line}`) });
  console.log(`Done in ${(result.elapsedMs / 1000).toFixed(1)} s`);

  // Sanity check, through the ORM: what the tenant now holds in total.
  const em = orm.em.fork();
  em.setFilterParams(TENANT_FILTER, { tenantId: result.tenantId });
  const tenant = result.tenantId;
  const totals = {
    jobs: await em.count(Job, { tenant }),
    candidates: await em.count(Candidate, { tenant }),
    applications: await em.count(Application, { tenant }),
    stageChanges: await em.count(StageChange, { tenant }),
    tags: await em.count(ApplicationTag, { tenant }),
  };
  console.log(
    'Tenant totals:',
    Object.entries(totals)
      .map(([k, v]) => `${k} ${v}`)
      .join(', '),
  );
  console.log(
    `Sign in as recruiter@${options.tenantSlug}.example (or owner@, manager@) with ${BENCH_PASSWORD}`,
  );
} finally {
  await orm.close();
}
