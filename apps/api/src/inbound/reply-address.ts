import { createHmac, timingSafeEqual } from 'node:crypto';
import { decodeBase32IgnorePadding, encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { linkKey } from '../keys/signed-link.js';

/**
 * The reply address of an email to a candidate: `<local>+<token>@<domain>`,
 * where the token is the outbox message's id and an HMAC of it under a key
 * for this purpose alone (derived from the hash key), in lower-case base32 so
 * mail systems that fold the case of addresses keep it intact. Nothing is
 * stored: the token names the message, and only Candor can make one.
 */

const PURPOSE = 'reply-address';
const MAC_BYTES = 10;
const ID_BYTES = 16;
/** 26 bytes in base32. */
const TOKEN = /^[a-z2-7]{42}$/;

export interface ReplyMailbox {
  /** The part before `+`, e.g. `reply`. */
  local: string;
  /** Where replies arrive, e.g. `reply.candor.example.com`. */
  domain: string;
}

/** `reply@candor.example.com` -> its parts; refuses anything that is not a plain address. */
export function replyMailboxOf(address: string): ReplyMailbox {
  const match = /^([a-z0-9._-]+)@([a-z0-9.-]+\.[a-z0-9-]+|[a-z0-9-]+)$/i.exec(address.trim());
  if (!match?.[1] || !match[2])
    throw new Error('MAIL_REPLY_ADDRESS: use a plain address like reply@example.com');
  return { local: match[1].toLowerCase(), domain: match[2].toLowerCase() };
}

function macOf(hashKey: Buffer, id: Buffer): Buffer {
  return createHmac('sha256', linkKey(hashKey, PURPOSE)).update(id).digest().subarray(0, MAC_BYTES);
}

function uuidBytes(id: string): Buffer {
  const hex = id.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error('not a uuid');
  return Buffer.from(hex, 'hex');
}

function uuidOf(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function replyToken(hashKey: Buffer, outboxEmailId: string): string {
  const id = uuidBytes(outboxEmailId);
  return encodeBase32LowerCaseNoPadding(Buffer.concat([id, macOf(hashKey, id)]));
}

/** The outbox message a token names, or null for anything Candor did not make. */
export function readReplyToken(hashKey: Buffer, token: string): string | null {
  const lower = token.toLowerCase();
  if (!TOKEN.test(lower)) return null;
  let bytes: Buffer;
  try {
    bytes = Buffer.from(decodeBase32IgnorePadding(lower.toUpperCase()));
  } catch {
    return null; // the last character's unused bits must be zero
  }
  const id = bytes.subarray(0, ID_BYTES);
  const given = bytes.subarray(ID_BYTES);
  const expected = macOf(hashKey, id);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return uuidOf(id);
}

export function replyAddress(hashKey: Buffer, mailbox: ReplyMailbox, outboxEmailId: string): string {
  return `${mailbox.local}+${replyToken(hashKey, outboxEmailId)}@${mailbox.domain}`;
}

/**
 * The outbox message named by the first of `addresses` that is a valid reply
 * address of this mailbox; null when none is.
 */
export function repliedMessageOf(
  hashKey: Buffer,
  mailbox: ReplyMailbox,
  addresses: readonly string[],
): string | null {
  const prefix = `${mailbox.local}+`;
  const suffix = `@${mailbox.domain}`;
  for (const raw of addresses) {
    const address = raw.trim().toLowerCase();
    if (!address.startsWith(prefix) || !address.endsWith(suffix)) continue;
    const id = readReplyToken(hashKey, address.slice(prefix.length, -suffix.length));
    if (id) return id;
  }
  return null;
}

/** Our messages' Message-ID: the outbox id at the reply domain, so a reply's In-Reply-To names it too. */
export function messageIdOf(mailbox: ReplyMailbox, outboxEmailId: string): string {
  return `<${outboxEmailId}@${mailbox.domain}>`;
}
