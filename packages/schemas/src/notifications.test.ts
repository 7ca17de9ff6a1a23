import { describe, expect, it } from 'vitest';
import { mentionedNames } from './notifications.js';

describe('mentionedNames', () => {
  const team = ['Ada Lovelace', 'Ada', 'Grace Hopper', 'Zoë Ünal'];

  it('finds "@" and a whole name, in any case, longest first', () => {
    expect(mentionedNames('@Ada Lovelace, have a look', team)).toEqual(['Ada Lovelace']);
    expect(mentionedNames('cc @ada and @GRACE HOPPER.', team)).toEqual(['Grace Hopper', 'Ada']);
    expect(mentionedNames('@Zoë Ünal!', team)).toEqual(['Zoë Ünal']);
  });

  it('needs the mention to start and end a word', () => {
    expect(mentionedNames('mail ada@Ada Lovelace', team)).toEqual([]);
    expect(mentionedNames('@Adam was here', team)).toEqual([]);
    expect(mentionedNames('no mention of Ada Lovelace', team)).toEqual([]);
  });
});
