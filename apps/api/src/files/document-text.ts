import { DOCUMENT_TYPES } from '@candor/schemas';
import { readZipEntry } from './zip.js';

/** The text of a document's XML: paragraphs and line breaks as new lines, tags dropped, entities decoded. */
function xmlText(xml: string, paragraphEnd: RegExp, lineBreak: RegExp, tab: RegExp): string {
  return xml
    .replace(paragraphEnd, '\n')
    .replace(lineBreak, '\n')
    .replace(tab, '\t')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_m, entity: string) => {
      const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
      if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
      if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
      return named[entity.toLowerCase()] ?? '';
    })
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

async function pdfText(bytes: Buffer): Promise<string> {
  // pdf.js is large: load it the first time a PDF is read, not at start-up.
  const { extractText, getDocumentProxy } = await import('unpdf');
  // Verbosity 0: a damaged file's warnings would otherwise go to stderr, outside the structured log.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  const { text } = await extractText(pdf, { mergePages: true });
  return text.trim();
}

/**
 * The plain text of a stored document (PDF, DOCX or ODT, the types uploads
 * accept), for reading it without the original file. Images (a photo) and
 * layout do not survive, which for blind review is the point. A document
 * whose text cannot be read gives an empty string.
 */
export async function documentText(bytes: Buffer, contentType: string): Promise<string> {
  try {
    if (contentType === DOCUMENT_TYPES.pdf) return await pdfText(bytes);
    if (contentType === DOCUMENT_TYPES.docx) {
      const xml = readZipEntry(bytes, 'word/document.xml')?.toString('utf8') ?? '';
      return xmlText(xml, /<\/w:p>/g, /<w:(?:br|cr)\b[^>]*\/>/g, /<w:tab\b[^>]*\/>/g);
    }
    if (contentType === DOCUMENT_TYPES.odt) {
      const xml = readZipEntry(bytes, 'content.xml')?.toString('utf8') ?? '';
      return xmlText(xml, /<\/text:(?:p|h)>/g, /<text:line-break\b[^>]*\/>/g, /<text:tab\b[^>]*\/>/g);
    }
  } catch {
    // A damaged or encrypted document: no text rather than a failed page.
  }
  return '';
}
