import { describe, expect, it } from 'vitest';
import { ZEmail, ZPassword } from './auth.js';

describe('auth schemas', () => {
  it('normalizes email to lower case and trims it', () => {
    expect(ZEmail.parse('  Ada@Example.COM ')).toBe('ada@example.com');
  });

  it.each([
    ['short', 'too-short'],
    ['overlong', 'x'.repeat(257)],
  ])('rejects a %s password', (_, password) => {
    expect(ZPassword.safeParse(password).success).toBe(false);
  });

  it('accepts a long passphrase', () => {
    expect(ZPassword.safeParse('correct horse battery staple').success).toBe(true);
  });
});
