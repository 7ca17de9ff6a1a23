import { readZipEntry, zipArchive, zipEntryNames } from '../files/zip.js';

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

/** The files in a zip, by name. */
export function unzip(zip: Uint8Array): Map<string, Buffer> {
  return new Map(zipEntryNames(zip).map((name) => [name, readZipEntry(zip, name) ?? Buffer.alloc(0)]));
}
