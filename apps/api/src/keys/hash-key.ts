import { randomBytes } from 'node:crypto';
import { AuditEvent, type Orm, SystemSecret, UniqueConstraintViolationException } from '@candor/db';
import { unwrapSecret, wrapSecret } from './master-key.js';

const HASH_KEY_ID = 'keyed-hashes';

/**
 * The root of Candor's keyed hashes: audit pseudonyms, the privacy portal's
 * email and code hashes, signed consent-renewal links. Stored wrapped under
 * the master key (SystemSecret), so a master-key rotation re-wraps it and
 * nothing keyed with it changes. Made on first start: random, except on a
 * database whose audit log already holds pseudonyms, where it takes the
 * master key's value, which keyed those hashes before this key existed, so
 * they keep matching. Several instances starting at once agree on one.
 */
export async function loadHashKey(orm: Orm, masterKey: Buffer): Promise<Buffer> {
  const em = orm.em.fork();
  const existing = await em.findOne(SystemSecret, HASH_KEY_ID);
  if (existing) return unwrapSecret(masterKey, existing.wrapped);
  const upgrading = (await em.count(AuditEvent, { subjectRef: { $ne: null } }, { filters: false })) > 0;
  const key = upgrading ? Buffer.from(masterKey) : randomBytes(32);
  try {
    await em.insert(SystemSecret, {
      id: HASH_KEY_ID,
      wrapped: wrapSecret(masterKey, key),
      createdAt: new Date(),
    });
    return key;
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    // Another instance made it a moment ago: use theirs.
    const row = await orm.em.fork().findOneOrFail(SystemSecret, HASH_KEY_ID);
    return unwrapSecret(masterKey, row.wrapped);
  }
}
