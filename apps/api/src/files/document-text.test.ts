import { DOCUMENT_TYPES } from '@candor/schemas';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { letterPdf } from '../offers/letter-pdf.js';
import { storedZip } from '../testing/documents.js';
import { documentText } from './document-text.js';
import { readZipEntry, zipArchive } from './zip.js';

describe('document text', () => {
  it('reads the text of a PDF', async () => {
    const pdf = letterPdf({ heading: 'Zelda Quixote', subheading: 'Resume', body: 'Ten years of TypeScript.', footer: '' });
    const text = await documentText(pdf, DOCUMENT_TYPES.pdf);
    expect(text).toContain('Zelda Quixote');
    expect(text).toContain('Ten years of TypeScript.');
  });

  it('reads the paragraphs of a Word and an OpenDocument file', async () => {
    const docx = storedZip([
      ['[Content_Types].xml', '<Types/>'],
      ['word/document.xml', '<w:document><w:body><w:p><w:r><w:t>Zelda &amp; Co</w:t></w:r></w:p><w:p><w:r><w:t>Line two</w:t></w:r></w:p></w:body></w:document>'],
    ]);
    expect(await documentText(docx, DOCUMENT_TYPES.docx)).toBe('Zelda & Co\nLine two');
    const odt = storedZip([
      ['mimetype', DOCUMENT_TYPES.odt],
      ['content.xml', '<office:document-content><text:h>Zelda</text:h><text:p>Skills<text:tab/>SQL</text:p></office:document-content>'],
    ]);
    expect(await documentText(odt, DOCUMENT_TYPES.odt)).toBe('Zelda\nSkills\tSQL');
  });

  it('gives no text for a damaged document', async () => {
    expect(await documentText(Buffer.from('%PDF-1.4 broken'), DOCUMENT_TYPES.pdf)).toBe('');
    expect(await documentText(Buffer.from('PK nothing'), DOCUMENT_TYPES.docx)).toBe('');
  });
});

describe('readZipEntry', () => {
  it('reads deflated entries whose sizes only the central directory gives', () => {
    const xml = '<w:document>deflated</w:document>';
    const stored = zipArchive([['word/document.xml', xml]]);
    // Re-pack the one entry deflated, with zero sizes in its local header (a data descriptor archive).
    const data = deflateRawSync(Buffer.from(xml));
    const name = Buffer.from('word/document.xml');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.from(stored.subarray(30 + name.length + xml.length, stored.length - 22));
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    const end = Buffer.from(stored.subarray(stored.length - 22));
    end.writeUInt32LE(central.length, 12);
    end.writeUInt32LE(local.length + name.length + data.length, 16);
    const zip = Buffer.concat([local, name, data, central, end]);
    expect(readZipEntry(zip, 'word/document.xml')?.toString()).toBe(xml);
    expect(readZipEntry(zip, 'missing.xml')).toBeUndefined();
  });
});
