import { crc32, inflateRawSync } from 'node:zlib';

/**
 * A ZIP archive with stored (uncompressed) entries: what data exports need
 * (their files are PDFs and office documents, compressed already) without a
 * dependency. Entry names are UTF-8 (general purpose flag bit 11).
 */
export function zipArchive(entries: ReadonlyArray<readonly [name: string, content: string | Uint8Array]>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The most a single entry may inflate to: a document's XML is far smaller; a zip bomb is not. */
const MAX_ENTRY_BYTES = 50 * 1024 * 1024;

interface CentralEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/**
 * The entries a ZIP archive's central directory lists. Reading sizes there
 * (not in the local headers) also reads archives whose local headers leave
 * them to a trailing data descriptor, as Word writes them.
 */
function* centralEntries(bytes: Buffer): Generator<CentralEntry> {
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return;
  let at = bytes.readUInt32LE(end + 16);
  for (let n = bytes.readUInt16LE(end + 10); n > 0 && at + 46 <= bytes.length && bytes.readUInt32LE(at) === 0x02014b50; n--) {
    const nameLength = bytes.readUInt16LE(at + 28);
    yield {
      name: bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8'),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      localOffset: bytes.readUInt32LE(at + 42),
    };
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
}

const asBuffer = (zip: Uint8Array) => Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);

/** Every entry's name, in archive order. */
export function zipEntryNames(zip: Uint8Array): string[] {
  return [...centralEntries(asBuffer(zip))].map((e) => e.name);
}

/** One entry's content (stored or deflated); undefined when it is missing or the archive is not one. */
export function readZipEntry(zip: Uint8Array, name: string): Buffer | undefined {
  const bytes = asBuffer(zip);
  for (const entry of centralEntries(bytes)) {
    if (entry.name !== name) continue;
    const local = entry.localOffset;
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50) return undefined;
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + entry.compressedSize);
    if (entry.method === 0) return Buffer.from(data);
    if (entry.method === 8) return inflateRawSync(data, { maxOutputLength: MAX_ENTRY_BYTES });
    return undefined;
  }
  return undefined;
}
