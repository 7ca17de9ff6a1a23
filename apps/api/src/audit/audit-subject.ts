import { createHmac, hkdfSync, randomBytes } from 'node:crypto';

const KEY_INFO = 'candor/audit-subject/v1';

/**
 * The key of audit pseudonyms. Derived from the hash key (keys/hash-key.ts) when the server
 * builds its deps (`setAuditSubjectKey`), so pseudonyms stay the same across
 * restarts and instances of one deployment. Until then (tests, scripts that
 * never build deps) it is random: pseudonyms are stable within the process
 * only, and still never reveal the candidate id.
 */
let subjectKey: Buffer = randomBytes(32);

export function setAuditSubjectKey(hashKey: Buffer): void {
  subjectKey = Buffer.from(hkdfSync('sha256', hashKey, Buffer.alloc(0), KEY_INFO, 32));
}

/**
 * The pseudonym under which the audit log names a candidate: HMAC-SHA256 of
 * the candidate id (hex). The same person always gets the same pseudonym, so
 * the log still says "these events concern one person" after that person is
 * erased, but without the key nobody can tell who it is.
 */
export function auditSubjectRef(candidateId: string): string {
  return createHmac('sha256', subjectKey).update(candidateId, 'utf8').digest('hex');
}

/**
 * An email address as a keyed hash, for the messages kept as proof after an
 * erasure (its answer, its Art. 19 notices): "did you confirm the erasure
 * to this address?" can be answered by hashing the address again, and the
 * stored proof names nobody. Lower-cased: addresses compare so.
 */
export function proofAddressRef(address: string): string {
  return `hmac:${createHmac('sha256', subjectKey).update(`address:${address.trim().toLowerCase()}`, 'utf8').digest('hex')}`;
}
