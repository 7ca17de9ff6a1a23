import { inject, it } from 'vitest';
import { createOrm, migrate } from './orm.js';
import { createTestDatabase } from './testing/databases.js';

const postgresAdminUrl = inject('postgresAdminUrl');

// Instances of one deployment start together on one PostgreSQL database: exactly one may migrate it.
it.skipIf(postgresAdminUrl === null)(
  'migrates once when several instances start together on PostgreSQL, the others finding nothing to do',
  { timeout: 120_000 },
  async ({ expect }) => {
    const database = await createTestDatabase('postgresql', {
      postgresAdminUrl: postgresAdminUrl ?? undefined,
    });
    const orms = await Promise.all([1, 2, 3].map(() => createOrm(database.url)));
    try {
      const applied = await Promise.all(orms.map((orm) => migrate(orm)));
      const counts = applied.map((names) => names.length).sort((a, b) => a - b);
      expect(counts.slice(0, 2)).toEqual([0, 0]);
      expect(counts[2]).toBeGreaterThan(10);
      const rows: Array<{ name: string }> = await orms[0]!.em
        .getConnection()
        .execute('select name from mikro_orm_migrations');
      expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
      expect(rows.length).toBe(counts[2]);
    } finally {
      await Promise.all(orms.map((orm) => orm.close()));
      await database.drop();
    }
  },
);
