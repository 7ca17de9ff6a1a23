import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrm, type Orm } from './orm.js';
import { AuditEvent, entities, Tenant, User } from './entities/index.js';
import { isMarkedNotPersonal, personalFields } from './privacy.js';

describe('personal data annotations', () => {
  it('reads the declared categories back from the entity definition', () => {
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
});

describe('the catalogue covers every entity', () => {
  // Free-form columns could hold anything about a person; ids, numbers,
  // booleans and dates are judged by the columns they sit beside.
  const FREE_FORM = new Set(['string', 'text', 'json']);
  let orm: Orm;
  beforeAll(async () => {
    orm = await createOrm('sqlite::memory:');
  });
  afterAll(() => orm?.close());

  it.each(entities.map((e) => [e.meta.className, e] as const))(
    '%s: every string, text or JSON property is categorized or marked not personal',
    (className, entity) => {
      const discovered = orm.getMetadata().get(className);
      const personal = new Set(personalFields(entity).map((f) => f.property));
      const freeForm = discovered.props.filter(
        (p) => p.kind === 'scalar' && (p.runtimeType === 'string' || FREE_FORM.has(String(p.type).toLowerCase())),
      );
      expect(discovered.props.length).toBeGreaterThan(2);
      const unannotated = freeForm
        .map((p) => p.name)
        .filter((property) => !discovered.primaryKeys.includes(property))
        .filter((property) => !personal.has(property) && !isMarkedNotPersonal(entity, property));
      expect(unannotated).toEqual([]);
    },
  );
});
