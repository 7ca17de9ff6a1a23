import { p } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineEntity } from './entities/define-entity.js';
import { entities } from './entities/index.js';
import { createOrm, type Orm } from './orm.js';
import { privacyPolicyOf } from './privacy-policy.js';
import { subjectGraph } from './subject-graph.js';

describe('privacy policies', () => {
  let orm: Orm;
  beforeAll(async () => {
    orm = await createOrm('sqlite::memory:');
  });
  afterAll(() => orm?.close());

  it('cannot be left out of an entity definition', () => {
    // Never called: the check is the typecheck, which fails if the policy becomes optional.
    const withoutPolicy = () =>
      // @ts-expect-error the privacy policy is required
      defineEntity({ name: 'Unannotated', properties: { id: p.uuid().primary() } });
    expect(withoutPolicy).toBeTypeOf('function');
  });

  it('exists for every entity the ORM discovered, including any defined without the wrapper', () => {
    const discovered = Object.values(orm.getMetadata().getAll()).filter((m) => !m.embeddable && !m.virtual);
    expect(discovered.length).toBe(entities.length);
    const missing = discovered
      .map((m) => m.className)
      .filter((name) => {
        try {
          privacyPolicyOf(name);
          return false;
        } catch {
          return true;
        }
      });
    expect(missing).toEqual([]);
  });

  it('says candidate data exactly for the entities the subject graph reaches', () => {
    const graph = subjectGraph(orm.em.fork()).map((n) => n.entity);
    const declared = entities
      .map((e) => e.meta.className)
      .filter((name) => privacyPolicyOf(name).holds === 'candidate');
    expect(graph.sort()).toEqual(declared.sort());
    expect(graph).toContain('Candidate');
  });

  it('names staff data in one place: staff accounts are never reached through an email address', () => {
    const staff = entities
      .map((e) => e.meta.className)
      .filter((name) => privacyPolicyOf(name).holds === 'staff');
    expect(staff).toEqual(expect.arrayContaining(['User', 'Membership', 'Session', 'AuditEvent']));
    const graph = new Set(subjectGraph(orm.em.fork()).map((n) => n.entity));
    expect(staff.filter((name) => graph.has(name))).toEqual([]);
  });
});
