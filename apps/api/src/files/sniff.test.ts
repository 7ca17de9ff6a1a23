import { DOCUMENT_TYPES } from '@candor/schemas';
import { describe, expect, it } from 'vitest';
import {
  deflatedDocxBytes,
  docxBytes,
  hostileDocuments,
  odtBytes,
  pdfBytes,
  storedZip,
} from '../testing/documents.js';
import { sniffDocument } from './sniff.js';
import { checkZipStructure, zipArchive } from './zip.js';

describe('sniffDocument', () => {
  it('recognises valid PDF, DOCX (stored or deflated) and ODT files', async () => {
    expect(await sniffDocument(pdfBytes())).toEqual({ contentType: DOCUMENT_TYPES.pdf });
    expect(await sniffDocument(docxBytes())).toEqual({ contentType: DOCUMENT_TYPES.docx });
    expect(await sniffDocument(deflatedDocxBytes(['Ten years of TypeScript']))).toEqual({
      contentType: DOCUMENT_TYPES.docx,
    });
    expect(await sniffDocument(odtBytes())).toEqual({ contentType: DOCUMENT_TYPES.odt });
  });

  it('gives no type to a ZIP that is no office document, or to anything else', async () => {
    expect(await sniffDocument(storedZip([['evil.exe', 'MZ']]))).toEqual({ contentType: undefined });
    expect(await sniffDocument(Buffer.from('MZ\x90\x00 not a document'))).toEqual({ contentType: undefined });
  });

  for (const [label, bytes, reason] of hostileDocuments()) {
    it(`refuses ${label}, saying why`, async () => {
      const sniffed = await sniffDocument(bytes);
      expect(sniffed.contentType).toBeUndefined();
      expect(sniffed.problem).toMatch(reason);
    });
  }

  it('refuses an ODT whose mimetype is not first or says another type', async () => {
    const odtPart = ['content.xml', '<office:document-content/>'] as [string, string];
    for (const zip of [
      storedZip([odtPart, ['mimetype', DOCUMENT_TYPES.odt]]),
      storedZip([['mimetype', 'application/vnd.oasis.opendocument.spreadsheet'], odtPart]),
    ]) {
      expect((await sniffDocument(zip)).problem).toMatch(/mimetype/);
    }
    expect((await sniffDocument(storedZip([['mimetype', DOCUMENT_TYPES.odt]]))).problem).toMatch(
      /no content.xml/,
    );
  });

  it('refuses a DOCX whose part does not match its checksum', async () => {
    const zip = docxBytes();
    zip[zip.indexOf('<w:document') + 1] = 'x'.charCodeAt(0);
    expect((await sniffDocument(zip)).problem).toMatch(/checksum/);
  });
});

describe('checkZipStructure', () => {
  const docx = () => docxBytes();

  it('refuses more entries than allowed, trailing data, overlapping parts and encryption', () => {
    const many = zipArchive(Array.from({ length: 11 }, (_, i) => [`part${i}.xml`, '<x/>'] as const));
    expect(() => checkZipStructure(many, { maxEntries: 10, maxTotalBytes: 1e6, maxRatio: 100 })).toThrow(
      /more than 10 parts/,
    );
    expect(() => checkZipStructure(Buffer.concat([docx(), Buffer.from('junk')]))).toThrow(/data follows/);
    const encrypted = docx();
    encrypted.writeUInt16LE(0x0801, encrypted.readUInt32LE(encrypted.length - 22 + 16) + 8);
    expect(() => checkZipStructure(encrypted)).toThrow(/password-protected/);
    const wrongCount = docx();
    wrongCount.writeUInt16LE(3, wrongCount.length - 22 + 8);
    wrongCount.writeUInt16LE(3, wrongCount.length - 22 + 10);
    expect(() => checkZipStructure(wrongCount)).toThrow(/different number of parts/);
  });

  it('refuses a stored part whose central record claims it is larger than it is (so it would overlap the next)', () => {
    const zip = docx();
    const directory = zip.readUInt32LE(zip.length - 22 + 16);
    // First central record: compressed and inflated size both grown, local header grown to match.
    for (const at of [directory + 20, directory + 24]) zip.writeUInt32LE(zip.readUInt32LE(at) + 40, at);
    for (const at of [18, 22]) zip.writeUInt32LE(zip.readUInt32LE(at) + 40, at);
    expect(() => checkZipStructure(zip)).toThrow(/overlap/);
  });
});
