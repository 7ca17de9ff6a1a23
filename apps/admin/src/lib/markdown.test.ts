import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from './markdown';

describe('parseMarkdown', () => {
  it('reads headings, paragraphs and lists', () => {
    const blocks = parseMarkdown(
      '## About the role\nYou build robots\nthat help.\n\n- Ship code\n- Review code\n\n1. Apply\n2. Talk to us',
    );
    expect(blocks).toEqual([
      { type: 'heading', level: 3, children: [{ type: 'text', text: 'About the role' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'You build robots that help.' }] },
      {
        type: 'list',
        ordered: false,
        items: [[{ type: 'text', text: 'Ship code' }], [{ type: 'text', text: 'Review code' }]],
      },
      {
        type: 'list',
        ordered: true,
        items: [[{ type: 'text', text: 'Apply' }], [{ type: 'text', text: 'Talk to us' }]],
      },
    ]);
  });

  it('keeps headings below the page title', () => {
    expect(parseMarkdown('# Big')[0]).toMatchObject({ type: 'heading', level: 2 });
    expect(parseMarkdown('###### Tiny')[0]).toMatchObject({ type: 'heading', level: 4 });
  });

  it('reads emphasis, code and links', () => {
    expect(parseInline('**Bold** and *soft* with `code` and [us](https://acme.example)')).toEqual([
      { type: 'strong', children: [{ type: 'text', text: 'Bold' }] },
      { type: 'text', text: ' and ' },
      { type: 'em', children: [{ type: 'text', text: 'soft' }] },
      { type: 'text', text: ' with ' },
      { type: 'code', text: 'code' },
      { type: 'text', text: ' and ' },
      { type: 'link', href: 'https://acme.example', children: [{ type: 'text', text: 'us' }] },
    ]);
  });

  it('never turns a script link into a link', () => {
    const nodes = parseInline('[click](javascript:alert(1))');
    expect(nodes.every((node) => node.type === 'text')).toBe(true);
    expect(nodes.map((node) => (node.type === 'text' ? node.text : '')).join('')).toBe(
      '[click](javascript:alert(1))',
    );
    expect(parseInline('<script>alert(1)</script>')).toEqual([
      { type: 'text', text: '<script>alert(1)</script>' },
    ]);
  });
});
