import { ReferenceKind } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent, entities, Tenant, User } from './entities/index.js';
import { createOrm, type Orm } from './orm.js';
import { annotationOf, isMarkedNotPersonal, personalFields } from './privacy.js';

describe('personal data annotations', () => {
  it('reads the declared categories back from where the entity was defined', () => {
    expect(personalFields(User)).toEqual([
      { property: 'email', category: 'user.contact.email' },
      { property: 'name', category: 'user.name' },
      { property: 'passwordHash', category: 'user.authorization.credentials' },
    ]);
    expect(personalFields(AuditEvent)).toEqual([{ property: 'actorId', category: 'user.behavior.activity' }]);
  });

  it('knows what was marked as not personal', () => {
    expect(personalFields(Tenant)).toEqual([]);
    expect(isMarkedNotPersonal(Tenant, 'name')).toBe(true);
    expect(isMarkedNotPersonal(User, 'name')).toBe(false);
  });

  it('are not kept in the ORM, whose private options an upgrade may change', () => {
    const discovered = User.meta.properties as unknown as Record<string, Record<string, unknown>>;
    expect(JSON.stringify(discovered.email)).not.toContain('user.contact.email');
  });
});

describe('the catalogue covers every entity', () => {
  let orm: Orm;
  beforeAll(async () => {
    orm = await createOrm('sqlite::memory:');
  });
  afterAll(() => orm?.close());

  // Relations are left out: what they point at is the target entity's, and its own annotations and privacy policy say what it holds.
  it.each(entities.map((e) => [e.meta.className] as const))(
    '%s: every value property, keys included, is declared personal or not',
    (className) => {
      const discovered = orm.getMetadata().get(className);
      const values = discovered.props.filter(
        (p) => p.kind === ReferenceKind.SCALAR || p.kind === ReferenceKind.EMBEDDED,
      );
      expect(values.map((p) => p.name)).toEqual(expect.arrayContaining(discovered.primaryKeys));
      expect(
        values.map((p) => p.name).filter((property) => annotationOf(className, property) === undefined),
      ).toEqual([]);
    },
  );
});
