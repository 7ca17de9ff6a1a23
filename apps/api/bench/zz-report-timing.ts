import { createOrm, Membership, TENANT_FILTER, Tenant } from '@candor/db';
import { hiringReports } from '../src/reports/reports.service.js';
const orm = await createOrm(process.argv[2]!);
const em = orm.em.fork();
const tenant = await em.findOneOrFail(Tenant, { slug: 'bench' });
em.setFilterParams(TENANT_FILTER, { tenantId: tenant.id });
const owner = await em.findOneOrFail(Membership, { tenant, role: 'owner' });
const actor = { userId: owner.user.id, tenantId: tenant.id, role: 'owner' as const, requestId: 'x' };
const knex = em.getKnex();
const started = new Map<string, number>();
knex.on('query', (q: { __knexQueryUid: string }) => started.set(q.__knexQueryUid, performance.now()));
knex.on('query-response', (_r: unknown, q: { __knexQueryUid: string; sql: string }) =>
  console.log('Q', (performance.now() - (started.get(q.__knexQueryUid) ?? 0)).toFixed(0), 'ms', q.sql.replace(/\s+/g, ' ').slice(0, 120)),
);
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  await hiringReports(em.fork(), actor, { fresh: true });
  console.log('TOTAL', (performance.now() - t).toFixed(0), 'ms');
}
await orm.close();
