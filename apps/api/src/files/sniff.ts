import { DOCUMENT_TYPES, type LOGO_TYPES } from '@candor/schemas';

/**
 * The media type of a document from its bytes, not its name: PDF by its
 * header, DOCX and ODT by the ZIP entries that define them. Anything else
 * (including a ZIP that is neither) is undefined.
 */
export function sniffDocument(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 8)).toString('latin1');
  if (head.startsWith('%PDF-')) return DOCUMENT_TYPES.pdf;
  if (!head.startsWith('PK\x03\x04')) return undefined;
  // ODF requires an uncompressed first entry "mimetype" holding the type.
  const first = Buffer.from(bytes.subarray(30, 30 + 80)).toString('latin1');
  if (first.startsWith(`mimetype${DOCUMENT_TYPES.odt}`)) return DOCUMENT_TYPES.odt;
  // A Word document names word/document.xml in the ZIP's central directory.
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 65_536))).toString('latin1');
  if (tail.includes('word/document.xml') && tail.includes('[Content_Types].xml')) return DOCUMENT_TYPES.docx;
  return undefined;
}

/**
 * The media type of an image from its magic bytes: PNG, JPEG or WebP (the
 * logo types). Anything else, including SVG (which can carry script), is
 * undefined.
 */
export function sniffImage(bytes: Uint8Array): (typeof LOGO_TYPES)[number] | undefined {
  const head = Buffer.from(bytes.subarray(0, 12)).toString('latin1');
  if (head.startsWith('\x89PNG\r\n\x1a\n')) return 'image/png';
  if (head.startsWith('\xff\xd8\xff')) return 'image/jpeg';
  if (head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP') return 'image/webp';
  return undefined;
}
