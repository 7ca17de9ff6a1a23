/**
 * A plain, single-font PDF letter (PDF 1.4, Helvetica, A4), written by hand:
 * an offer letter needs headings and wrapped paragraphs, not a layout engine.
 * Text is encoded as WinAnsi; characters outside it become "?".
 */
export interface Letter {
  heading: string;
  subheading: string;
  body: string;
  /** Parts after the body, each under a bold heading (a receipt's "Your choices", "Checking this receipt"). */
  sections?: Array<{ heading: string; body: string }>;
  footer: string;
  /** The page number beside the footer, in the reader's language; English when not given. */
  pageLabel?: (page: number, pages: number) => string;
}

const PAGE_WIDTH = 595;
const PAGE_HEIGHT = 842;
const MARGIN = 64;
const SIZE = 11;
const LEADING = 15;
// Helvetica averages about half an em per character; wrap a little early.
const CHARS_PER_LINE = Math.floor((PAGE_WIDTH - 2 * MARGIN) / (SIZE * 0.5));

function winAnsi(text: string): string {
  return [...text.normalize('NFC')]
    .map((ch) => {
      const code = ch.codePointAt(0)!;
      if (ch === '€') return '\x80';
      if (ch === '–' || ch === '—') return '-';
      if (ch === '’' || ch === '‘') return "'";
      if (ch === '“' || ch === '”' || ch === '„' || ch === '«' || ch === '»') return '"';
      // Intl's dates and times use narrow and thin spaces.
      if (/\s/.test(ch)) return ' ';
      return code < 256 ? ch : '?';
    })
    .join('');
}

function escapePdf(text: string): string {
  return winAnsi(text).replace(/\\/g, '\\\\').replace(/\(/g, '\\(').replace(/\)/g, '\\)');
}

function wrap(paragraph: string): string[] {
  if (paragraph.trim() === '') return [''];
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(/\s+/)) {
    if (line && line.length + 1 + word.length > CHARS_PER_LINE) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

type Line = { text: string; size: number; bold: boolean };

function paragraphs(text: string, bold = false): Line[] {
  return text.split(/\r?\n/).flatMap((p) => wrap(p).map((line) => ({ text: line, size: SIZE, bold })));
}

function layout(letter: Letter): Line[][] {
  const blank = { text: '', size: SIZE, bold: false };
  const lines: Line[] = [
    { text: letter.heading, size: 18, bold: true },
    { text: letter.subheading, size: SIZE, bold: false },
    blank,
    ...paragraphs(letter.body),
    ...(letter.sections ?? []).flatMap((s) => [blank, ...paragraphs(s.heading, true), ...paragraphs(s.body)]),
  ];
  const perPage = Math.floor((PAGE_HEIGHT - 2 * MARGIN - 2 * LEADING) / LEADING);
  const pages: Line[][] = [];
  for (let i = 0; i < lines.length; i += perPage) pages.push(lines.slice(i, i + perPage));
  return pages;
}

export function letterPdf(letter: Letter): Buffer {
  const pages = layout(letter);
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(''); // pages, filled below
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  const pageIds: number[] = [];
  pages.forEach((pageLines, index) => {
    let y = PAGE_HEIGHT - MARGIN;
    const ops = pageLines.map((line) => {
      const op = `BT /${line.bold ? 'F2' : 'F1'} ${line.size} Tf ${MARGIN} ${y} Td (${escapePdf(line.text)}) Tj ET`;
      y -= line.size > SIZE ? LEADING * 1.6 : LEADING;
      return op;
    });
    const page = (letter.pageLabel ?? ((n, of) => `page ${n} of ${of}`))(index + 1, pages.length);
    ops.push(`BT /F1 8 Tf ${MARGIN} ${MARGIN / 2} Td (${escapePdf(`${letter.footer}  -  ${page}`)}) Tj ET`);
    const stream = ops.join('\n');
    const contentId = objects.push(
      `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
    );
    pageIds.push(
      objects.push(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${contentId} 0 R >>`,
      ),
    );
  });
  objects[1] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;

  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
