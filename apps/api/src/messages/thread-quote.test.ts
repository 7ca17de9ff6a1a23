import { describe, expect, it } from 'vitest';
import { withoutQuotedReply } from './thread-quote.js';

describe('withoutQuotedReply', () => {
  it('cuts at the attribution line of the quoted message', () => {
    const text =
      'Thanks, Tuesday works.\n\nAnn\n\nOn Mon, 7 Dec 2026 at 10:00, Acme <reply@x> wrote:\n> Can you come in?\n> Best';
    expect(withoutQuotedReply(text)).toBe('Thanks, Tuesday works.\n\nAnn');
  });

  it('cuts a trailing block of quoted lines without an attribution', () => {
    expect(withoutQuotedReply('Yes.\n\n> Are you free?\n>\n> Acme\n')).toBe('Yes.');
  });

  it('keeps quotes answered inline, and a message that is only a quote', () => {
    const inline = '> Are you free on Tuesday?\nYes.\n> And Wednesday?\nNo.';
    expect(withoutQuotedReply(inline)).toBe(inline);
    expect(withoutQuotedReply('> only a quote')).toBe('> only a quote');
  });

  it('knows German and Outlook separators', () => {
    expect(withoutQuotedReply('Gern.\nAm 7. Dez. 2026 um 10:00 schrieb Acme <r@x>:\n> Hallo')).toBe('Gern.');
    expect(withoutQuotedReply('Fine.\n-----Original Message-----\nFrom: Acme')).toBe('Fine.');
  });
});
