import { constants, crc32, deflateRawSync } from 'node:zlib';
import { readZipEntry, type ZipRecord, zipArchive, zipEntryNames, zipOfRecords } from '../files/zip.js';

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

const CONTENT_TYPES_XML =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

export function docxBytes(): Buffer {
  return storedZip([
    ['[Content_Types].xml', CONTENT_TYPES_XML],
    [
      'word/document.xml',
      '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
    ],
  ]);
}

/** A DOCX whose parts are deflated, as Word writes them, with the given paragraphs. */
export function deflatedDocxBytes(paragraphs: string[]): Buffer {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('');
  const parts: Array<[string, string]> = [
    ['[Content_Types].xml', CONTENT_TYPES_XML],
    ['word/document.xml', `<?xml version="1.0"?><w:document><w:body>${body}</w:body></w:document>`],
  ];
  return zipOfRecords(
    parts.map(([name, text]) => {
      const content = Buffer.from(text, 'utf8');
      return { name, method: 8, data: deflateRawSync(content), size: content.length, crc: crc32(content) };
    }),
  );
}

const MIB = 1024 * 1024;

/**
 * A raw deflate stream that inflates to `mib` MiB of `fill` repeated: one
 * MiB compressed with a full flush (which makes the block independent of what
 * came before) repeated, then an empty final block. About 1 KB per MiB of
 * spaces, made in milliseconds, so a 1 GiB bomb is about 1 MB.
 */
export function deflatedRepeat(mib: number, fill = ' '): Buffer {
  const block = deflateRawSync(Buffer.alloc(MIB, fill), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  return Buffer.concat([...Array.from({ length: mib }, () => block), deflateRawSync(Buffer.alloc(0))]);
}

/**
 * A "DOCX" whose word/document.xml inflates to `mib` MiB (1 GiB by default)
 * of `fill` (spaces by default; paragraphs make its text slow to extract).
 * `declaredBytes` is the size its headers claim: the truth by default, or a
 * lie small enough to pass size and ratio limits. Its CRC is not computed
 * (that would read the whole GiB); nothing that refuses it gets that far.
 */
export function zipBombDocx(options: { mib?: number; declaredBytes?: number; fill?: string } = {}): Buffer {
  const mib = options.mib ?? 1024;
  const contentTypes = Buffer.from(CONTENT_TYPES_XML);
  const data = deflatedRepeat(mib, options.fill);
  const records: ZipRecord[] = [
    {
      name: '[Content_Types].xml',
      method: 0,
      data: contentTypes,
      size: contentTypes.length,
      crc: crc32(contentTypes),
    },
    { name: 'word/document.xml', method: 8, data, size: options.declaredBytes ?? mib * MIB, crc: 0 },
  ];
  return zipOfRecords(records);
}

export function odtBytes(): Buffer {
  return storedZip([
    ['mimetype', 'application/vnd.oasis.opendocument.text'],
    ['content.xml', '<?xml version="1.0"?><office:document-content/>'],
  ]);
}

/** Not a document: the ZIP signature and the two part names the old sniffer looked for, nothing else. */
export function fakeDocxBytes(): Buffer {
  return Buffer.from('PK\x03\x04 [Content_Types].xml word/document.xml', 'latin1');
}

/** A valid DOCX whose central directory says word/document.xml starts where [Content_Types].xml does. */
export function lyingDirectoryDocxBytes(): Buffer {
  const zip = docxBytes();
  const directory = zip.readUInt32LE(zip.length - 22 + 16);
  const secondEntry = directory + 46 + zip.readUInt16LE(directory + 28);
  zip.writeUInt32LE(0, secondEntry + 42);
  return zip;
}

/** An OpenDocument text without its leading mimetype entry. */
export function odtWithoutMimetypeBytes(): Buffer {
  return storedZip([
    ['content.xml', '<?xml version="1.0"?><office:document-content/>'],
    ['META-INF/manifest.xml', '<?xml version="1.0"?><manifest:manifest/>'],
  ]);
}

/**
 * Files that look like office documents but must be refused at upload, with
 * a word of the reason each gets. Built on demand: the bomb is 1 MB.
 */
export function hostileDocuments(): Array<[label: string, bytes: Buffer, reason: RegExp]> {
  return [
    ['a 1 GiB zip bomb', zipBombDocx(), /expands to more than 50 MB/],
    [
      'a zip bomb whose headers understate its size',
      zipBombDocx({ declaredBytes: 100_000 }),
      /does not inflate to the size/,
    ],
    ['four bytes and two strings', fakeDocxBytes(), /not a complete ZIP archive/],
    ['a ZIP with a lying central directory', lyingDirectoryDocxBytes(), /directory does not match its parts/],
    ['an ODT without its mimetype', odtWithoutMimetypeBytes(), /must start with its stored mimetype entry/],
  ];
}

/** The files in a zip, by name. */
export function unzip(zip: Uint8Array): Map<string, Buffer> {
  return new Map(zipEntryNames(zip).map((name) => [name, readZipEntry(zip, name) ?? Buffer.alloc(0)]));
}
