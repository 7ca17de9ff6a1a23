import { describe, expect, it } from 'vitest';
import { AuditEvent, Tenant, User } from './entities/index.js';
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
