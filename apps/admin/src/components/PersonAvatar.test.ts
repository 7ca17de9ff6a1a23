import { describe, expect, it } from 'vitest';
import { initialsOf } from './PersonAvatar';

describe('initialsOf', () => {
  it('takes the first and the last word’s first letters, upper-cased', () => {
    expect(initialsOf('Ada Lovelace')).toBe('AL');
    expect(initialsOf('  maria  da  silva ')).toBe('MS');
    expect(initialsOf('Zoë')).toBe('Z');
    expect(initialsOf('')).toBe('?');
  });
});
