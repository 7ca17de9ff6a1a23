import { DOCUMENT_TYPES } from '@candor/schemas';

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
