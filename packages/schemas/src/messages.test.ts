import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import './messages.js';

const messageOf = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues[0]?.message;

describe('the messages people read', () => {
  it('says what to do instead of what Zod expected', () => {
    expect(messageOf(z.string(), null)).toBe('Required');
    expect(messageOf(z.object({ name: z.string() }), {})).toBe('Required');
    expect(messageOf(z.string().min(1), '')).toBe('Required');
    expect(messageOf(z.string().min(8), 'abc')).toBe('Use at least 8 characters');
    expect(messageOf(z.string().max(3), 'abcd')).toBe('Use at most 3 characters');
    expect(messageOf(z.number(), 'x')).toBe('Enter a number');
    expect(messageOf(z.number().int().min(1), 0)).toBe('Must be at least 1');
    expect(messageOf(z.array(z.string()).min(1), [])).toBe('Choose at least one');
    expect(messageOf(z.enum(['a', 'b']), 'c')).toBe('Choose one of the options');
    expect(messageOf(z.email(), 'nope')).toBe('Enter a valid email address');
    expect(messageOf(z.strictObject({}), { extra: 1 })).toBe('Unknown field: extra');
  });

  it('leaves a schema’s own message as it is', () => {
    expect(messageOf(z.string().min(1, 'Enter your name'), '')).toBe('Enter your name');
  });

  it('is what the shared schemas answer with', async () => {
    const { ZCandidateCreateInput } = await import('./index.js');
    const issues =
      ZCandidateCreateInput.safeParse({ name: null, email: 'x@example.test' }).error?.issues ?? [];
    expect(issues.map((issue) => issue.message)).not.toContainEqual(expect.stringMatching(/Invalid input/));
  });
});
