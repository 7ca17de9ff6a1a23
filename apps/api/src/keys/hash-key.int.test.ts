import { randomBytes } from 'node:crypto';
import { AuditEvent, SystemSecret, Tenant } from '@candor/db';
import { forEachDatabase, seedTenant } from '@candor/db/testing';
import { expect, it } from 'vitest';
import { auditSubjectRef } from '../audit/audit-subject.js';
import { loadHashKey } from './hash-key.js';
import { rotateMasterKey } from './rotation.js';

forEachDatabase('the keyed-hash root', (db) => {
  const reset = async () => {
    const em = db.orm().em.fork();
    await em.nativeDelete(SystemSecret, {});
    await em.getConnection().execute('delete from audit_event where subject_ref is not null');
  };

  it('is made once, the same for every instance starting at once, and survives a master-key rotation', async () => {
    await reset();
    const master = randomBytes(32);
    const [a, b] = await Promise.all([loadHashKey(db.orm(), master), loadHashKey(db.orm(), master)]);
    expect(a.equals(b!)).toBe(true);
    // A fresh database gets a random root, not the master key.
    expect(a.equals(master)).toBe(false);
    expect((await loadHashKey(db.orm(), master)).equals(a)).toBe(true);

    const next = randomBytes(32);
    const rotation = await rotateMasterKey(db.orm().em.fork(), master, next);
    expect(rotation.systemSecrets).toBe(1);
    expect((await loadHashKey(db.orm(), next)).equals(a)).toBe(true);
  });

  it('takes the master key’s value where audit pseudonyms were keyed with it, so they keep matching', async () => {
    await reset();
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    em.create(AuditEvent, {
      tenant: em.getReference(Tenant, tenant.id),
      action: 'test.subject',
      targetType: 'Candidate',
      subjectRef: auditSubjectRef(tenant.id),
    });
    await em.flush();
    const master = randomBytes(32);
    expect((await loadHashKey(db.orm(), master)).equals(master)).toBe(true);
  });
});
