import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  readReplyToken,
  repliedMessageOf,
  replyAddress,
  replyMailboxOf,
  replyToken,
} from './reply-address.js';

const key = randomBytes(32);
const id = '0193a2b4-5c6d-7e8f-9a0b-1c2d3e4f5a6b';
const mailbox = replyMailboxOf('Reply@Candor.Example.com');

describe('reply address tokens', () => {
  it('name the message and fit an address local part', () => {
    const address = replyAddress(key, mailbox, id);
    expect(address).toMatch(/^reply\+[a-z2-7]{42}@candor\.example\.com$/);
    expect(address.split('@')[0]!.length).toBeLessThanOrEqual(64);
    expect(readReplyToken(key, replyToken(key, id))).toBe(id);
    // Mail systems may change the case of an address.
    expect(repliedMessageOf(key, mailbox, ['x@example.com', address.toUpperCase()])).toBe(id);
  });

  it('refuse a changed token, another key, another mailbox and garbage', () => {
    const token = replyToken(key, id);
    for (const i of [0, 7, 14, 21, 28, 35, 41]) {
      const changed = token.slice(0, i) + (token[i] === 'a' ? 'b' : 'a') + token.slice(i + 1);
      expect(readReplyToken(key, changed)).toBeNull();
    }
    expect(readReplyToken(randomBytes(32), token)).toBeNull();
    expect(repliedMessageOf(key, mailbox, [`other+${token}@candor.example.com`])).toBeNull();
    expect(repliedMessageOf(key, mailbox, [`reply+${token}@evil.example.com`])).toBeNull();
    for (const junk of ['', 'abc', `${token}a`, token.replace(/./, '1')])
      expect(readReplyToken(key, junk)).toBeNull();
  });

  it('takes only a plain address as the reply mailbox', () => {
    expect(() => replyMailboxOf('Candor <reply@example.com>')).toThrow();
  });
});
