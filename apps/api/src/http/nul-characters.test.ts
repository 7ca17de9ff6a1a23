import { describe, expect, it } from 'vitest';
import { NUL_MESSAGE, nulFieldErrors } from './nul-characters.js';

describe('nulFieldErrors', () => {
  it('finds NUL in nested strings, keys and file names, by path', () => {
    const input = {
      name: 'Ada\u0000',
      answers: [{ text: 'ok' }, { text: 'a\u0000b' }],
      extra: { 'k\u0000': 'v' },
      resume: new File(['x'], 'cv\u0000.pdf'),
    };
    expect(nulFieldErrors(input)).toEqual({
      name: [NUL_MESSAGE],
      'answers.1.text': [NUL_MESSAGE],
      'extra.k\u0000': [NUL_MESSAGE],
      resume: [NUL_MESSAGE],
    });
  });

  it('reports a bare string under _form and passes clean input', () => {
    expect(nulFieldErrors('\u0000')).toEqual({ _form: [NUL_MESSAGE] });
    expect(nulFieldErrors({ name: 'Ada', n: 1, tags: ['a'], none: null })).toBeNull();
  });

  it('walks input nested far deeper than a recursive walk could', () => {
    const deep = JSON.parse(`${'['.repeat(20_000)}"\\u0000"${']'.repeat(20_000)}`) as unknown;
    expect(Object.values(nulFieldErrors(deep) ?? {})).toEqual([[NUL_MESSAGE]]);
  });
});
