import { expect, it } from 'vitest';
import { Application, Candidate, TENANT_FILTER, Tenant } from './entities/index.js';
import { findPage } from './paging.js';
import { DEMO_TENANT, seedDemo } from './seed/demo.js';
import { forEachDatabase } from './testing/index.js';

forEachDatabase('list pages', (db) => {
  async function demo() {
    const em = db.orm().em.fork();
    if (!(await em.findOne(Tenant, { slug: DEMO_TENANT.slug }))) await seedDemo(db.orm().em.fork());
    const tenant = await em.findOneOrFail(Tenant, { slug: DEMO_TENANT.slug });
    em.setFilterParams(TENANT_FILTER, { tenantId: tenant.id });
    return em;
  }

  it('continue from where the previous page ended, ties on the sort field included, as the offset would', async () => {
    const em = await demo();
    // Ties: several applications share one applied-at time, so only the id orders them.
    const tied = await em.find(Application, {}, { limit: 5, orderBy: { id: 'asc' } });
    for (const app of tied) app.appliedAt = new Date('2026-03-01T09:30:00.123Z');
    await em.flush();
    em.clear();

    for (const order of ['desc', 'asc'] as const) {
      const orderBy = [{ appliedAt: order }, { id: order }];
      const all = (await em.find(Application, {}, { orderBy })).map((a) => a.id);
      expect(all.length).toBeGreaterThan(9);
      const walked: string[] = [];
      let after: { value: string; id: string } | undefined;
      for (let page = 1; walked.length < all.length; page++) {
        // The page number is deliberately wrong: with `after` the page starts from the row, not the offset.
        const { rows } = await findPage(
          em,
          Application,
          {},
          { orderBy, page: after ? 1000 : 1, perPage: 4, after },
        );
        const byOffset = await findPage(em, Application, {}, { orderBy, page, perPage: 4 });
        expect(rows.map((r) => r.id)).toEqual(byOffset.rows.map((r) => r.id));
        const last = rows.at(-1);
        if (!last) break;
        walked.push(...rows.map((r) => r.id));
        after = { value: last.appliedAt.toISOString(), id: last.id };
      }
      expect(walked).toEqual(all);
    }
  });

  it('find the page by its offset when the sort field cannot be continued (nullable)', async () => {
    const em = await demo();
    const orderBy = [{ phone: 'asc' as const }, { id: 'asc' as const }];
    const byOffset = await findPage(em, Candidate, {}, { orderBy, page: 2, perPage: 2 });
    const [first] = (await findPage(em, Candidate, {}, { orderBy, page: 1, perPage: 2 })).rows;
    const after = { value: 'anything', id: first!.id };
    const withAfter = await findPage(em, Candidate, {}, { orderBy, page: 2, perPage: 2, after });
    expect(withAfter.rows.map((r) => r.id)).toEqual(byOffset.rows.map((r) => r.id));
  });
});
