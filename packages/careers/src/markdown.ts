import { escapeHtml, SafeHtml } from './html.js';

/**
 * A deliberately small markdown renderer for job descriptions: headings,
 * paragraphs, bullet and numbered lists, bold, italic, inline code and
 * http(s) links. Every piece of text is escaped and raw HTML is shown as
 * text, never passed through, so a description cannot inject markup.
 * Headings start at h2 because the job title is the page's h1.
 */
export function renderMarkdown(source: string): SafeHtml {
  const out: string[] = [];
  let paragraph: string[] = [];
  const open: { list: { tag: 'ul' | 'ol'; items: string[] } | null } = { list: null };

  const flushParagraph = () => {
    if (paragraph.length > 0) out.push(`<p>${inline(paragraph.join(' '))}</p>`);
    paragraph = [];
  };
  const flushList = () => {
    const list = open.list;
    if (list)
      out.push(`<${list.tag}>${list.items.map((item) => `<li>${inline(item)}</li>`).join('')}</${list.tag}>`);
    open.list = null;
  };

  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    const heading = /^(#{1,6})\s+(.*?)\s*#*$/.exec(line);
    const bullet = /^[-*+]\s+(.*)$/.exec(line);
    const numbered = /^\d{1,9}[.)]\s+(.*)$/.exec(line);
    if (line === '') {
      flushParagraph();
      flushList();
    } else if (heading) {
      flushParagraph();
      flushList();
      const level = Math.min(heading[1]!.length + 1, 4);
      out.push(`<h${level}>${inline(heading[2]!)}</h${level}>`);
    } else if (bullet || numbered) {
      flushParagraph();
      const tag = bullet ? 'ul' : 'ol';
      if (open.list?.tag !== tag) flushList();
      open.list ??= { tag, items: [] };
      open.list.items.push((bullet ?? numbered)![1]!);
    } else if (open.list && /^\s/.test(raw)) {
      // An indented line continues the list item above it.
      open.list.items[open.list.items.length - 1] += ` ${line}`;
    } else {
      flushList();
      paragraph.push(line);
    }
  }
  flushParagraph();
  flushList();
  return new SafeHtml(out.join('\n'));
}

const LINK = /\[([^\]]*)\]\(([^()\s]*)\)/;
const CODE = /`([^`]+)`/;

/** Inline markup over escaped text; links and code are split out first so emphasis never reaches an attribute. */
function inline(text: string): string {
  const code = CODE.exec(text);
  const link = LINK.exec(text);
  const first = code && (!link || code.index < link.index) ? code : link;
  if (!first) return emphasis(escapeHtml(text));
  const before = inline(text.slice(0, first.index));
  const after = inline(text.slice(first.index + first[0].length));
  if (first === code) return `${before}<code>${escapeHtml(first[1]!)}</code>${after}`;
  const [, label, url] = first as RegExpExecArray & [string, string, string];
  const rendered = inline(label || url);
  const safe = /^https?:\/\/[^\s]+$/i.test(url)
    ? `<a href="${escapeHtml(url)}" rel="nofollow noopener">${rendered}</a>`
    : rendered; // only http(s): no javascript:, data: or relative links
  return `${before}${safe}${after}`;
}

function emphasis(escaped: string): string {
  return escaped
    .replace(/\*\*(?=\S)(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^\w])__(?=\S)(.+?)__(?![\w])/g, '$1<strong>$2</strong>')
    .replace(/\*(?=\S)(.+?)\*/g, '<em>$1</em>')
    .replace(/(^|[^\w])_(?=\S)(.+?)_(?![\w])/g, '$1<em>$2</em>');
}

/** The description as plain text (for meta descriptions): markup characters dropped, whitespace collapsed. */
export function markdownToText(source: string): string {
  return source
    .replace(/\[([^\]]*)\]\([^()\s]*\)/g, '$1')
    .replace(/^\s*(#{1,6}|[-*+]|\d{1,9}[.)])\s+/gm, '')
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
