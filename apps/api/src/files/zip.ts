import { promisify } from 'node:util';
import { crc32, inflateRaw, inflateRawSync } from 'node:zlib';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
/** General purpose flags: bit 0 encrypted, bit 3 sizes in a data descriptor after the data, bit 11 UTF-8 names. */
const FLAG_ENCRYPTED = 0x0001;
const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;
const STORED = 0;
const DEFLATED = 8;

/** One entry as written: its bytes as they sit in the archive (stored or deflated) and what they inflate to. */
export interface ZipRecord {
  name: string;
  method: typeof STORED | typeof DEFLATED;
  data: Uint8Array;
  size: number;
  crc: number;
}

/** A ZIP archive of the given records, sizes and CRCs in both the local and the central headers. */
export function zipOfRecords(records: readonly ZipRecord[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const record of records) {
    const nameBytes = Buffer.from(record.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(FLAG_UTF8, 6);
    local.writeUInt16LE(record.method, 8);
    local.writeUInt32LE(record.crc, 14);
    local.writeUInt32LE(record.data.length, 18);
    local.writeUInt32LE(record.size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_HEADER, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(FLAG_UTF8, 8);
    central.writeUInt16LE(record.method, 10);
    central.writeUInt32LE(record.crc, 16);
    central.writeUInt32LE(record.data.length, 20);
    central.writeUInt32LE(record.size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, Buffer.from(record.data));
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + record.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_DIRECTORY, 0);
  end.writeUInt16LE(records.length, 8);
  end.writeUInt16LE(records.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * A ZIP archive with stored (uncompressed) entries: what data exports need
 * (their files are PDFs and office documents, compressed already) without a
 * dependency. Entry names are UTF-8 (general purpose flag bit 11).
 */
export function zipArchive(
  entries: ReadonlyArray<readonly [name: string, content: string | Uint8Array]>,
): Buffer {
  return zipOfRecords(
    entries.map(([name, content]) => {
      const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
      return { name, method: STORED, data, size: data.length, crc: crc32(data) };
    }),
  );
}

/** The most a single entry may inflate to when read: a document's XML is far smaller; a zip bomb is not. */
export const MAX_ENTRY_BYTES = 50 * 1024 * 1024;

interface CentralEntry {
  name: string;
  nameBytes: Buffer;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** Where the end-of-central-directory record starts (it ends the file, after a comment of at most 64 KiB), or -1. */
function endOfDirectory(bytes: Buffer): number {
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (bytes.readUInt32LE(i) === END_OF_DIRECTORY) return i;
  }
  return -1;
}

function centralEntryAt(bytes: Buffer, at: number): CentralEntry {
  const nameBytes = bytes.subarray(at + 46, at + 46 + bytes.readUInt16LE(at + 28));
  return {
    name: nameBytes.toString('utf8'),
    nameBytes,
    flags: bytes.readUInt16LE(at + 8),
    method: bytes.readUInt16LE(at + 10),
    crc: bytes.readUInt32LE(at + 16),
    compressedSize: bytes.readUInt32LE(at + 20),
    size: bytes.readUInt32LE(at + 24),
    localOffset: bytes.readUInt32LE(at + 42),
  };
}

const centralEntryLength = (bytes: Buffer, at: number) =>
  46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);

/**
 * The entries a ZIP archive's central directory lists, read leniently (for
 * archives already accepted). Reading sizes there (not in the local headers)
 * also reads archives whose local headers leave them to a trailing data
 * descriptor, as Word writes them.
 */
function* centralEntries(bytes: Buffer): Generator<CentralEntry> {
  const end = endOfDirectory(bytes);
  if (end < 0) return;
  let at = bytes.readUInt32LE(end + 16);
  for (
    let n = bytes.readUInt16LE(end + 10);
    n > 0 && at + 46 <= bytes.length && bytes.readUInt32LE(at) === CENTRAL_HEADER;
    n--
  ) {
    yield centralEntryAt(bytes, at);
    at += centralEntryLength(bytes, at);
  }
}

const asBuffer = (zip: Uint8Array) => Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);

/** Where an entry's data starts, after its local header; -1 when no local header is there. */
function dataStart(bytes: Buffer, localOffset: number): number {
  if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== LOCAL_HEADER) return -1;
  return localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
}

/** Every entry's name, in archive order. */
export function zipEntryNames(zip: Uint8Array): string[] {
  return [...centralEntries(asBuffer(zip))].map((e) => e.name);
}

/**
 * One entry's content (stored or deflated); undefined when it is missing or
 * the archive is not one. Inflating stops at `maxBytes` with a RangeError
 * (ERR_BUFFER_TOO_LARGE), so a bomb costs at most that much memory.
 */
export function readZipEntry(zip: Uint8Array, name: string, maxBytes = MAX_ENTRY_BYTES): Buffer | undefined {
  const bytes = asBuffer(zip);
  for (const entry of centralEntries(bytes)) {
    if (entry.name !== name) continue;
    const start = dataStart(bytes, entry.localOffset);
    if (start < 0) return undefined;
    const data = bytes.subarray(start, start + entry.compressedSize);
    if (entry.method === STORED) return Buffer.from(data);
    if (entry.method === DEFLATED) return inflateRawSync(data, { maxOutputLength: maxBytes });
    return undefined;
  }
  return undefined;
}

/** What an uploaded archive may hold: office documents stay far below these; bombs do not. */
export interface ZipLimits {
  maxEntries: number;
  /** Sum of the entries' inflated sizes. */
  maxTotalBytes: number;
  /** Inflated to compressed size, for entries large enough to matter. */
  maxRatio: number;
}

export const UPLOAD_ZIP_LIMITS: ZipLimits = {
  maxEntries: 1000,
  maxTotalBytes: 50 * 1024 * 1024,
  maxRatio: 100,
};

/** Below this an entry cannot make a bomb, and short repetitive XML parts legitimately compress beyond 100:1. */
const RATIO_EXEMPT_BYTES = 64 * 1024;

/** Why an archive is refused, worded for the person who uploaded it. */
export class ZipProblem extends Error {
  override name = 'ZipProblem';
}

const damaged = (what: string) => new ZipProblem(`The file is damaged: ${what}`);

/** A checked entry: its central record, and where its data sits. */
export interface CheckedZipEntry extends CentralEntry {
  dataOffset: number;
  /** Length of the local header's extra field (ODF wants none before its mimetype). */
  localExtraLength: number;
}

/**
 * The entries of an archive, each checked: one end-of-central-directory record
 * ending the file, a central directory that fills exactly the space it claims,
 * entry counts that agree, local headers that match their central records,
 * entries that neither overlap nor run into the directory, no encryption, no
 * ZIP64, stored or deflated only; and within the limits (count, total
 * inflated size, compression ratio). Throws a ZipProblem otherwise.
 * Sizes here are as declared; `verifyZipData` checks them against the data.
 */
export function checkZipStructure(zip: Uint8Array, limits: ZipLimits = UPLOAD_ZIP_LIMITS): CheckedZipEntry[] {
  const bytes = asBuffer(zip);
  const end = endOfDirectory(bytes);
  if (end < 0) throw damaged('it is not a complete ZIP archive');
  const commentLength = bytes.readUInt16LE(end + 20);
  if (end + 22 + commentLength !== bytes.length) throw damaged('data follows the end of its ZIP archive');
  const [disk, directoryDisk, onDisk, count] = [4, 6, 8, 10].map((o) => bytes.readUInt16LE(end + o)) as [
    number,
    number,
    number,
    number,
  ];
  const directorySize = bytes.readUInt32LE(end + 12);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (disk !== 0 || directoryDisk !== 0 || onDisk !== count) throw damaged('it is a split ZIP archive');
  if (count === 0xffff || directoryOffset === 0xffffffff)
    throw damaged('it is a ZIP64 archive, which documents never need');
  if (directoryOffset + directorySize !== end)
    throw damaged('its ZIP directory is not where the archive says');
  if (count > limits.maxEntries) throw new ZipProblem(`The file holds more than ${limits.maxEntries} parts`);

  const entries: CheckedZipEntry[] = [];
  const names = new Set<string>();
  let totalBytes = 0;
  for (let at = directoryOffset; at < end; ) {
    if (
      at + 46 > end ||
      bytes.readUInt32LE(at) !== CENTRAL_HEADER ||
      at + centralEntryLength(bytes, at) > end
    ) {
      throw damaged('its ZIP directory is malformed');
    }
    const entry = centralEntryAt(bytes, at);
    at += centralEntryLength(bytes, at);
    if (names.has(entry.name)) throw damaged('a part is named twice');
    names.add(entry.name);
    if (entry.flags & FLAG_ENCRYPTED)
      throw new ZipProblem('The file is password-protected: upload it without a password');
    if (entry.method !== STORED && entry.method !== DEFLATED)
      throw damaged('a part uses an unknown compression method');
    if (entry.method === STORED && entry.compressedSize !== entry.size)
      throw damaged('a stored part has two sizes');
    totalBytes += entry.size;
    if (totalBytes > limits.maxTotalBytes) {
      throw new ZipProblem(
        `The file expands to more than ${Math.round(limits.maxTotalBytes / 1024 / 1024)} MB`,
      );
    }
    if (entry.size > RATIO_EXEMPT_BYTES && entry.size > entry.compressedSize * limits.maxRatio) {
      throw new ZipProblem(
        `A part of the file is compressed more than ${limits.maxRatio}:1, as only a zip bomb would be`,
      );
    }
    entries.push({ ...entry, ...checkLocalHeader(bytes, entry) });
  }
  if (entries.length !== count)
    throw damaged('its ZIP directory lists a different number of parts than it says');

  // Entries in file order must follow each other without overlapping (an overlap is how a small file inflates many times).
  const inFileOrder = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  inFileOrder.forEach((entry, i) => {
    const limit = inFileOrder[i + 1]?.localOffset ?? directoryOffset;
    if (entry.dataOffset + entry.compressedSize > limit) throw damaged('parts of its ZIP archive overlap');
  });
  return entries;
}

/** The local header of an entry, checked against its central record. */
function checkLocalHeader(
  bytes: Buffer,
  entry: CentralEntry,
): { dataOffset: number; localExtraLength: number } {
  const at = entry.localOffset;
  const dataOffset = dataStart(bytes, at);
  if (dataOffset < 0) throw damaged('its ZIP directory points where no part starts');
  const nameLength = bytes.readUInt16LE(at + 26);
  const sameName = bytes.subarray(at + 30, at + 30 + nameLength).equals(entry.nameBytes);
  if (!sameName || bytes.readUInt16LE(at + 8) !== entry.method)
    throw damaged('its ZIP directory does not match its parts');
  // With a data descriptor the local header may leave CRC and sizes at zero; otherwise they must agree.
  const localFlags = bytes.readUInt16LE(at + 6);
  if (!(localFlags & FLAG_DATA_DESCRIPTOR)) {
    const [crc, compressedSize, size] = [14, 18, 22].map((o) => bytes.readUInt32LE(at + o));
    if (crc !== entry.crc || compressedSize !== entry.compressedSize || size !== entry.size) {
      throw damaged('its ZIP directory does not match its parts');
    }
  }
  return { dataOffset, localExtraLength: bytes.readUInt16LE(at + 28) };
}

const inflateRawAsync = promisify(inflateRaw);

/**
 * Inflates every entry (in zlib's thread pool, not on the event loop), each
 * stopped at its declared size, and compares size and CRC: a directory that
 * understates what a part inflates to is refused without inflating more.
 */
export async function verifyZipData(zip: Uint8Array, entries: readonly CheckedZipEntry[]): Promise<void> {
  const bytes = asBuffer(zip);
  for (const entry of entries) {
    const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    let content: Buffer;
    try {
      // maxOutputLength must be at least 1; an empty entry that inflates to 1 byte still fails the size check below.
      content =
        entry.method === STORED
          ? data
          : await inflateRawAsync(data, { maxOutputLength: Math.max(1, entry.size) });
    } catch {
      throw damaged('a part does not inflate to the size its ZIP directory gives');
    }
    if (content.length !== entry.size || crc32(content) !== entry.crc)
      throw damaged('a part does not match its checksum');
  }
}
