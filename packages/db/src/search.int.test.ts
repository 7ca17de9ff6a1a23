import { expect, it } from 'vitest';
import { Candidate, TENANT_FILTER, Tenant } from './entities/index.js';
import { candidatesMatching } from './search.js';
import { DEMO_TENANT, seedDemo } from './seed/demo.js';
import { forEachDatabase } from './testing/index.js';

forEachDatabase('candidate search', (db) => {
  async function demo() {
    const em = db.orm().em.fork();
    if (!(await em.findOne(Tenant, { slug: DEMO_TENANT.slug }))) await seedDemo(db.orm().em.fork());
    const tenant = await em.findOneOrFail(Tenant, { slug: DEMO_TENANT.slug });
    em.setFilterParams(TENANT_FILTER, { tenantId: tenant.id });
    return { em, tenantId: tenant.id };
  }

  it('finds the same candidates whether it hands over their ids or a sub-query', async () => {
    const { em, tenantId } = await demo();
    const everyone = await em.find(Candidate, {});
    const text = 'example';
    const expected = everyone.filter((c) => c.name.includes(text) || c.email.includes(text)).map((c) => c.id).sort();
    expect(expected.length).toBeGreaterThan(1);

    const { $in: ids } = await candidatesMatching(em, tenantId, text);
    expect(Array.isArray(ids) && [...ids].sort()).toEqual(expected);

    // Past the limit (here 1) the lists get the sub-query; the rows it selects are the same.
    const broad = await candidatesMatching(em, tenantId, text, 1);
    expect(Array.isArray(broad.$in)).toBe(false);
    expect((await em.find(Candidate, { id: broad })).map((c) => c.id).sort()).toEqual(expected);
  });
});
