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
    const expected = everyone
      .filter((c) => c.name.includes(text) || c.email.includes(text))
      .map((c) => c.id)
      .sort();
    expect(expected.length).toBeGreaterThan(1);

    const { $in: ids } = await candidatesMatching(em, tenantId, text);
    expect(Array.isArray(ids) && [...ids].sort()).toEqual(expected);

    // Past the limit (here 1) the lists get the sub-query; the rows it selects are the same.
    const broad = await candidatesMatching(em, tenantId, text, 1);
    expect(Array.isArray(broad.$in)).toBe(false);
    expect((await em.find(Candidate, { id: broad })).map((c) => c.id).sort()).toEqual(expected);
  });

  it('matches names and emails in any case, with or without accents, by any part', async () => {
    const { em, tenantId } = await demo();
    const people = [
      ['Zoë Müller-Łukasik', 'zoe.muller@example.org'],
      ['Zoe Plain', 'plain@example.org'],
      ['José Núñez', 'JNUNEZ@Example.org'],
    ] as const;
    const byName = new Map<string, string>();
    for (const [name, email] of people) {
      const candidate = em.create(Candidate, {
        tenant: tenantId,
        name,
        nameKey: name.toLowerCase(),
        email,
        links: [],
        source: 'sourced',
      });
      byName.set(name, candidate.id);
    }
    await em.flush();
    const found = async (text: string) => {
      const { $in: ids } = await candidatesMatching(em, tenantId, text);
      const names = [...byName].filter(([, id]) => (ids as string[]).includes(id)).map(([name]) => name);
      return names.sort();
    };
    expect(await found('zoe')).toEqual(['Zoe Plain', 'Zoë Müller-Łukasik']);
    expect(await found('ZOË')).toEqual(['Zoe Plain', 'Zoë Müller-Łukasik']);
    expect(await found('muller')).toEqual(['Zoë Müller-Łukasik']);
    expect(await found('nunez')).toEqual(['José Núñez']);
    expect(await found('Núñ')).toEqual(['José Núñez']);
    expect(await found('jnunez@exa')).toEqual(['José Núñez']);
    expect(await found('ukasik')).toEqual(['Zoë Müller-Łukasik']);
  });
});
