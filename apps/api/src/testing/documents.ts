import { inflateRawSync } from 'node:zlib';
import { zipArchive } from '../files/zip.js';

/** A small but valid PDF. */
export function pdfBytes(text = 'Resume'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
    'latin1',
  );
}

/** A valid ZIP archive with stored (uncompressed) entries, as office documents are. */
export function storedZip(entries: Array<[name: string, content: string]>): Buffer {
  return zipArchive(entries);
}

export function docxBytes(): Buffer {
  return storedZip([
    ['[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
    ['word/document.xml', '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'],
  ]);
}

export function odtBytes(): Buffer {
  return storedZip([
    ['mimetype', 'application/vnd.oasis.opendocument.text'],
    ['content.xml', '<?xml version="1.0"?><office:document-content/>'],
  ]);
}

/** The files stored in a zip, by name (stored entries only, as zipArchive writes them). */
export function unzip(zip: Uint8Array): Map<string, Buffer> {
  const bytes = Buffer.from(zip);
  const out = new Map<string, Buffer>();
  let offset = 0;
  while (bytes.readUInt32LE(offset) === 0x04034b50) {
    const method = bytes.readUInt16LE(offset + 8);
    const size = bytes.readUInt32LE(offset + 18);
    const nameLength = bytes.readUInt16LE(offset + 26);
    const extra = bytes.readUInt16LE(offset + 28);
    const name = bytes.subarray(offset + 30, offset + 30 + nameLength).toString('utf8');
    const data = bytes.subarray(offset + 30 + nameLength + extra, offset + 30 + nameLength + extra + size);
    out.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    offset += 30 + nameLength + extra + size;
  }
  return out;
}
