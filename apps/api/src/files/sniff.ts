import { DOCUMENT_TYPES, type LOGO_TYPES } from '@candor/schemas';
import { type CheckedZipEntry, checkZipStructure, verifyZipData, ZipProblem } from './zip.js';

/** A document's media type, or why a file that looks like one is refused (worded for the person uploading it). */
export type SniffedDocument =
  | { contentType: string; problem?: undefined }
  | { contentType: undefined; problem?: string };

const ODT_MIMETYPE = Buffer.from(DOCUMENT_TYPES.odt, 'latin1');

/**
 * The media type of a document from its bytes, not its name: PDF by its
 * header; DOCX and ODT only as a well-formed ZIP archive within the upload
 * limits (`checkZipStructure`) holding the parts that define them, each part
 * then inflated (in zlib's thread pool) against its size and checksum. Anything else
 * (including a ZIP that is neither) has no type.
 */
export async function sniffDocument(bytes: Uint8Array): Promise<SniffedDocument> {
  const head = Buffer.from(bytes.subarray(0, 8)).toString('latin1');
  if (head.startsWith('%PDF-')) return { contentType: DOCUMENT_TYPES.pdf };
  if (!head.startsWith('PK\x03\x04')) return { contentType: undefined };
  try {
    const entries = checkZipStructure(bytes);
    const contentType = officeType(bytes, entries);
    if (!contentType) return { contentType: undefined };
    await verifyZipData(bytes, entries);
    return { contentType };
  } catch (error) {
    if (error instanceof ZipProblem) return { contentType: undefined, problem: error.message };
    throw error;
  }
}

/** DOCX or ODT by the parts that define them; throws a ZipProblem for an OpenDocument file that breaks its rules. */
function officeType(bytes: Uint8Array, entries: readonly CheckedZipEntry[]): string | undefined {
  const names = new Set(entries.map((e) => e.name));
  const [first] = entries;
  // ODF: the first entry in the file is "mimetype", stored, without extra field, holding exactly the type; then content.xml.
  if (first?.name === 'mimetype' || names.has('content.xml')) {
    const mimetype =
      first?.name === 'mimetype' &&
      first.localOffset === 0 &&
      first.method === 0 &&
      first.localExtraLength === 0
        ? Buffer.from(bytes.subarray(first.dataOffset, first.dataOffset + first.size))
        : undefined;
    if (!mimetype?.equals(ODT_MIMETYPE)) {
      throw new ZipProblem(
        'The file is not a valid OpenDocument text: it must start with its stored mimetype entry',
      );
    }
    if (!names.has('content.xml'))
      throw new ZipProblem('The file is not a valid OpenDocument text: it has no content.xml');
    return DOCUMENT_TYPES.odt;
  }
  if (names.has('[Content_Types].xml') && names.has('word/document.xml')) return DOCUMENT_TYPES.docx;
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
