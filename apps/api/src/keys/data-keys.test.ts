import { randomBytes } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isSealedFile,
  isSealedText,
  openAnswers,
  openDeep,
  openText,
  openWith,
  sealAnswers,
  sealFor,
  UNREADABLE,
} from './data-keys.js';
import { createKeyStore } from './key-store.js';

describe('sealing under a candidate key', () => {
  const key = randomBytes(32);

  it('round-trips text and files, and each sealing differs', () => {
    const sealed = sealFor(key, 'Strong portfolio ✓');
    expect(isSealedText(sealed)).toBe(true);
    expect(sealed).not.toContain('portfolio');
    expect(openWith(key, sealed)).toBe('Strong portfolio ✓');
    expect(sealFor(key, 'Strong portfolio ✓')).not.toBe(sealed);

    const bytes = Buffer.from('%PDF-1.4 resume');
    const file = sealFor(key, bytes);
    expect(isSealedFile(file)).toBe(true);
    expect(file.includes(Buffer.from('resume'))).toBe(false);
    expect(openWith(key, file).equals(bytes)).toBe(true);
  });

  it('refuses another key and tampered ciphertext', () => {
    const sealed = sealFor(key, 'note');
    expect(() => openWith(randomBytes(32), sealed)).toThrow();
    const file = sealFor(key, Buffer.from('file'));
    file[file.length - 1] = (file[file.length - 1] ?? 0) ^ 1;
    expect(() => openWith(key, file)).toThrow();
  });

  it('passes plain values stored before encryption through, and marks sealed ones whose key is gone', () => {
    expect(openText(key, 'written in 2025')).toBe('written in 2025');
    expect(openText(key, null)).toBeNull();
    expect(openText(null, sealFor(key, 'gone'))).toBe(UNREADABLE);
    const answers = sealAnswers(key, [{ questionId: 'q', label: 'Why?', answer: 'Because' }]);
    expect(answers[0]?.label).toBe('Why?');
    expect(openAnswers(key, answers)).toEqual([{ questionId: 'q', label: 'Why?', answer: 'Because' }]);
    expect(openDeep(key, { a: [sealFor(key, 'x')], n: 1 })).toEqual({ a: ['x'], n: 1 });
  });
});

describe('the key store', () => {
  it('keeps one private file per candidate, refuses a second, and forgets it on removal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'candor-keys-'));
    const store = createKeyStore(dir);
    const tenantId = '0b8f5a3e-1111-4222-8333-444455556666';
    const candidateId = 'a1b2c3d4-1111-4222-8333-444455556666';
    expect(await store.read(tenantId, candidateId)).toBeNull();
    expect(await store.create(tenantId, candidateId, { tenantKeyId: 'k1', wrapped: 'v1.a.b.c' })).toBe(true);
    expect(await store.create(tenantId, candidateId, { tenantKeyId: 'k2', wrapped: 'v1.d.e.f' })).toBe(false);
    expect(await store.read(tenantId, candidateId)).toEqual({ tenantKeyId: 'k1', wrapped: 'v1.a.b.c' });
    expect(statSync(join(dir, tenantId, 'a1', `${candidateId}.key`)).mode & 0o777).toBe(0o600);
    await store.replace(tenantId, candidateId, { tenantKeyId: 'k2', wrapped: 'v1.d.e.f' });
    expect(await store.candidatesOf(tenantId)).toEqual([candidateId]);
    expect((await store.read(tenantId, candidateId))?.tenantKeyId).toBe('k2');
    await store.remove(tenantId, candidateId);
    expect(await store.read(tenantId, candidateId)).toBeNull();
    await expect(store.read('../etc', candidateId)).rejects.toThrow(/invalid id/);
  });
});
