import { describe, expect, it } from 'vitest';
import { Membership, TENANT_FILTER, Tenant, User } from './entities/index.js';
import { dialectOf, sqlitePath } from './orm.js';
import { DEMO_SECOND_TENANT, DEMO_TENANT, DEMO_USERS, seedDemo } from './seed/demo.js';
import { forEachDatabase } from './testing/index.js';

forEachDatabase('migrations', (db) => {
  it('leave nothing for the schema generator to change', async () => {
    const diff = await db.orm().schema.getUpdateSchemaSQL({ wrap: false, safe: false, dropTables: true });
    expect(diff.trim()).toBe('');
  });

  it('are all applied and none pending', async () => {
    expect(await db.orm().getMigrator().getPendingMigrations()).toEqual([]);
  });
});

forEachDatabase('demo seed', (db) => {
  it('creates the demo tenant with one user per role, once', async () => {
    expect(await seedDemo(db.orm().em.fork())).toEqual({ created: true });
    expect(await seedDemo(db.orm().em.fork())).toEqual({ created: false });
    const em = db.orm().em.fork();
    const tenant = await em.findOneOrFail(Tenant, { slug: DEMO_TENANT.slug });
    em.setFilterParams(TENANT_FILTER, { tenantId: tenant.id });
    const memberships = await em.find(Membership, { tenant }, { populate: ['user'] });
    expect(memberships.map((m) => [m.user.email, m.role]).sort()).toEqual(
      DEMO_USERS.map((u) => [u.email, u.role]).sort(),
    );
    const user = await em.findOneOrFail(User, { email: DEMO_USERS[0]!.email });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('gives the demo owner a second tenant to switch to', async () => {
    await seedDemo(db.orm().em.fork());
    const em = db.orm().em.fork();
    const second = await em.findOneOrFail(Tenant, { slug: DEMO_SECOND_TENANT.slug });
    em.setFilterParams(TENANT_FILTER, { tenantId: second.id });
    const memberships = await em.find(Membership, { tenant: second }, { populate: ['user'] });
    expect(memberships.map((m) => [m.user.email, m.role]).sort()).toEqual([
      ['owner@acme.example', 'admin'],
      ['recruiter@globex.example', 'recruiter'],
    ]);
  });
});

describe('database urls', () => {
  it('picks the dialect from the url', () => {
    expect(dialectOf('postgres://u@h/db')).toBe('postgresql');
    expect(dialectOf('postgresql://u@h/db')).toBe('postgresql');
    expect(dialectOf('sqlite:./data/candor.db')).toBe('sqlite');
    expect(dialectOf('file:/tmp/x.db')).toBe('sqlite');
    expect(() => dialectOf('mysql://h/db')).toThrow(/DATABASE_URL/);
  });

  it('resolves sqlite paths', () => {
    expect(sqlitePath('sqlite::memory:')).toBe(':memory:');
    expect(sqlitePath('file:/tmp/x.db')).toBe('/tmp/x.db');
  });
});
