import { createOrm, Membership, TENANT_FILTER, Tenant } from '@candor/db';
import { myDashboard } from '../src/dashboard/dashboard.service.js';
const orm = await createOrm(process.argv[2]!, { debug: process.argv[3] === 'debug' });
const em = orm.em.fork();
const tenant = await em.findOneOrFail(Tenant, { slug: 'bench' });
const role = (process.argv[4] ?? 'recruiter') as 'recruiter';
const m = await em.findOneOrFail(Membership, { tenant, role }, { filters: false });
const actor = { userId: m.user.id, tenantId: tenant.id, role, requestId: 'x' };
for (let i = 0; i < 12; i++) {
  const f = orm.em.fork();
  f.setFilterParams(TENANT_FILTER, { tenantId: tenant.id });
  const t = performance.now();
  await myDashboard(f, actor, 'Europe/Zurich');
  console.log('TOTAL', (performance.now() - t).toFixed(0), 'ms');
}
await orm.close();
