import { deflateRawSync } from 'node:zlib';
import { DOCUMENT_TYPES } from '@candor/schemas';
import { describe, expect, it } from 'vitest';
import { letterPdf } from '../offers/letter-pdf.js';
import { deflatedDocxBytes, storedZip, zipBombDocx } from '../testing/documents.js';
import {
  DOCUMENT_TEXT_LIMITS,
  DocumentUnreadable,
  documentText,
  documentTextWorkersStarted,
} from './document-text.js';
import { readZipEntry, zipArchive } from './zip.js';

describe('document text', () => {
  it('reads the text of a PDF', async () => {
    const pdf = letterPdf({
      heading: 'Zelda Quixote',
      subheading: 'Resume',
      body: 'Ten years of TypeScript.',
      footer: '',
    });
    const text = await documentText(pdf, DOCUMENT_TYPES.pdf);
    expect(text).toContain('Zelda Quixote');
    expect(text).toContain('Ten years of TypeScript.');
  });

  it('reads one document after another in a warm worker, each with its own text', async () => {
    const resumes = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Edsger Dijkstra'].map((name) =>
      letterPdf({ heading: name, subheading: 'Resume', body: `${name} wrote programs.`, footer: '' }),
    );
    await documentText(resumes[0]!, DOCUMENT_TYPES.pdf);
    const before = documentTextWorkersStarted();
    const texts: string[] = [];
    for (const pdf of resumes) texts.push(await documentText(pdf, DOCUMENT_TYPES.pdf));
    expect(texts.map((t) => t.split('\n')[0])).toEqual([
      'Ada Lovelace',
      'Grace Hopper',
      'Alan Turing',
      'Edsger Dijkstra',
    ]);
    // Nothing of one document is left in the next one's text.
    expect(texts[1]).not.toContain('Ada');
    // One after another, a worker that answered reads the next: no new thread (and no pdf.js compile) per document.
    expect(documentTextWorkersStarted()).toBe(before);
  });

  it('reads the paragraphs of a Word and an OpenDocument file', async () => {
    const docx = storedZip([
      ['[Content_Types].xml', '<Types/>'],
      [
        'word/document.xml',
        '<w:document><w:body><w:p><w:r><w:t>Zelda &amp; Co</w:t></w:r></w:p><w:p><w:r><w:t>Line two</w:t></w:r></w:p></w:body></w:document>',
      ],
    ]);
    expect(await documentText(docx, DOCUMENT_TYPES.docx)).toBe('Zelda & Co\nLine two');
    const odt = storedZip([
      ['mimetype', DOCUMENT_TYPES.odt],
      [
        'content.xml',
        '<office:document-content><text:h>Zelda</text:h><text:p>Skills<text:tab/>SQL</text:p></office:document-content>',
      ],
    ]);
    expect(await documentText(odt, DOCUMENT_TYPES.odt)).toBe('Zelda\nSkills\tSQL');
  });

  it('gives no text for a damaged document', async () => {
    expect(await documentText(Buffer.from('%PDF-1.4 broken'), DOCUMENT_TYPES.pdf)).toBe('');
    expect(await documentText(Buffer.from('PK nothing'), DOCUMENT_TYPES.docx)).toBe('');
  });

  it('reads a deflated Word file', async () => {
    expect(await documentText(deflatedDocxBytes(['Zelda', 'SQL']), DOCUMENT_TYPES.docx)).toBe('Zelda\nSQL');
  });

  it('refuses a zip bomb that slipped past upload checks after inflating only up to the cap', async () => {
    const started = performance.now();
    const reading = documentText(zipBombDocx(), DOCUMENT_TYPES.docx);
    await expect(reading).rejects.toThrow(DocumentUnreadable);
    await expect(reading).rejects.toThrow(/expands to more than 20 MB/);
    // Inflating the whole GiB would take seconds; stopping at 20 MB does not.
    expect(performance.now() - started).toBeLessThan(DOCUMENT_TEXT_LIMITS.timeoutMs);
  });

  it('refuses a text longer than the limit', async () => {
    const docx = deflatedDocxBytes(Array.from({ length: 100 }, () => 'a sentence of some length'));
    await expect(
      documentText(docx, DOCUMENT_TYPES.docx, { ...DOCUMENT_TEXT_LIMITS, maxTextChars: 1000 }),
    ).rejects.toThrow(/longer than 1,000 characters/);
  });

  it('reads a run of unclosed tags in linear time', async () => {
    const docx = storedZip([
      ['[Content_Types].xml', '<Types/>'],
      ['word/document.xml', `<w:p>Zelda</w:p>${'<'.repeat(150_000)}`],
    ]);
    // With a tag pattern that can cross "<", this took minutes (each "<" scanned to the end); now well inside the time limit.
    expect(await documentText(docx, DOCUMENT_TYPES.docx)).toMatch(/^Zelda/);
  });

  describe('off the event loop', () => {
    /** 20 MiB of paragraphs: about a second of regular expressions, which on the event loop would stall every request. */
    const slowDocx = () => zipBombDocx({ mib: 20, fill: '<w:p><w:t>word</w:t></w:p>' });
    const generous = {
      timeoutMs: 60_000,
      maxXmlBytes: 32 * 1024 * 1024,
      maxTextChars: 10_000_000,
      maxHeapMb: 1024,
    };

    /** Runs `work` while a 10 ms timer ticks; the longest gap between ticks is how long the event loop was blocked. */
    async function whileTicking<T>(work: () => Promise<T>) {
      let longestGap = 0;
      let last = performance.now();
      const timer = setInterval(() => {
        longestGap = Math.max(longestGap, performance.now() - last);
        last = performance.now();
      }, 10);
      const started = performance.now();
      const outcome = await work().then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      );
      clearInterval(timer);
      return { outcome, longestGap, elapsed: performance.now() - started };
    }

    it('keeps the event loop responsive while a slow extraction runs', async () => {
      const { outcome, longestGap, elapsed } = await whileTicking(() =>
        documentText(slowDocx(), DOCUMENT_TYPES.docx, generous),
      );
      expect(outcome).toMatchObject({ value: expect.stringMatching(/^word\nword/) });
      expect(elapsed).toBeGreaterThan(500);
      // Extracting on the main thread would block it for about the whole run; off it, the timer keeps ticking.
      // Relative to the run's own length, so a machine busy with other tests (which slows both) does not fail it.
      expect(longestGap).toBeLessThan(elapsed / 2);
    });

    it('terminates a worker that exceeds its time limit', async () => {
      const limits = { ...generous, timeoutMs: 500 };
      const { outcome, longestGap, elapsed } = await whileTicking(() =>
        documentText(slowDocx(), DOCUMENT_TYPES.docx, limits),
      );
      expect(outcome).toMatchObject({
        error: expect.objectContaining({ message: expect.stringMatching(/took longer than 0.5 s/) }),
      });
      expect(elapsed).toBeLessThan(1_500);
      expect(longestGap).toBeLessThan(400);
      // The terminated worker is not reused: the next document gets a new one, and reads.
      const started = documentTextWorkersStarted();
      const pdf = letterPdf({ heading: 'After', subheading: '', body: 'the timeout', footer: '' });
      expect(await documentText(pdf, DOCUMENT_TYPES.pdf, generous)).toContain('the timeout');
      expect(documentTextWorkersStarted()).toBe(started + 1);
    });
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
