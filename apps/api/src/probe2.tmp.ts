import { Application, cappedCount, createOrm, Tenant, TENANT_FILTER } from '@candor/db';
const orm = await createOrm(process.env.DATABASE_URL!);
const em = orm.em.fork();
const tenant = await em.findOneOrFail(Tenant, { slug: 'bench' });
em.setFilterParams(TENANT_FILTER, { tenantId: tenant.id });
for (const [name, where] of [['all', {}], ['rejected', { status: 'rejected' }], ['q', { candidate: { $or: [{ name: { $like: '%smith%' } }, { email: { $like: '%smith%' } }] } }]] as const) {
  const times: number[] = [];
  for (let i = 0; i < 10; i++) { const t = performance.now(); await cappedCount(em, Application, where as never); times.push(performance.now() - t); }
  console.log(name, times.map((x) => x.toFixed(1)).join(' '));
}
await orm.close();
