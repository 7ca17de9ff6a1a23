/**
 * Runs in a worker thread (see document-text.ts): reads the text of each
 * document it is sent and posts it back, one at a time (the parent sends the
 * next only after the answer). Whatever a hostile file makes this do (inflate
 * to the cap, spin in pdf.js, fill the heap) happens here, where the parent
 * can time it out and terminate it, not on the server's event loop.
 */
import { parentPort } from 'node:worker_threads';
import { readZipEntry } from './zip.js';

export type DocumentFormat = 'pdf' | 'docx' | 'odt';

export interface DocumentTextJob {
  bytes: Uint8Array;
  format: DocumentFormat;
  /** The most a document's XML part may inflate to. */
  maxXmlBytes: number;
  maxTextChars: number;
}

/** What the worker posts back: the text, or which limit the document exceeded. */
export type DocumentTextReply = { text: string } | { tooLarge: 'xml' | 'text' };

/** The text of a document's XML: paragraphs and line breaks as new lines, tags dropped, entities decoded. */
function xmlText(xml: string, paragraphEnd: RegExp, lineBreak: RegExp, tab: RegExp): string {
  return (
    xml
      .replace(paragraphEnd, '\n')
      .replace(lineBreak, '\n')
      .replace(tab, '\t')
      // `[^<>]`, not `[^>]`: a run of "<" without ">" would otherwise be scanned to its end once per "<" (quadratic).
      .replace(/<[^<>]*>/g, '')
      .replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_m, entity: string) => {
        const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
        if (entity.startsWith('#x') || entity.startsWith('#X'))
          return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
        if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
        return named[entity.toLowerCase()] ?? '';
      })
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  // Verbosity 0: a damaged file's warnings would otherwise go to stderr, outside the structured log.
  const pdf = await getDocumentProxy(bytes, { verbosity: 0 });
  try {
    const { text } = await extractText(pdf, { mergePages: true });
    return text.trim();
  } finally {
    // The worker reads the next document too: this one's pages and fonts are let go.
    await pdf.loadingTask.destroy();
  }
}

/** Throws a RangeError (ERR_BUFFER_TOO_LARGE) once the part inflates beyond the cap. */
function zipXml(job: DocumentTextJob, name: string): string {
  return readZipEntry(job.bytes, name, job.maxXmlBytes)?.toString('utf8') ?? '';
}

async function extract(job: DocumentTextJob): Promise<string> {
  if (job.format === 'pdf') return pdfText(job.bytes);
  if (job.format === 'docx') {
    return xmlText(
      zipXml(job, 'word/document.xml'),
      /<\/w:p>/g,
      /<w:(?:br|cr)\b[^>]*\/>/g,
      /<w:tab\b[^>]*\/>/g,
    );
  }
  return xmlText(
    zipXml(job, 'content.xml'),
    /<\/text:(?:p|h)>/g,
    /<text:line-break\b[^>]*\/>/g,
    /<text:tab\b[^>]*\/>/g,
  );
}

async function reply(job: DocumentTextJob): Promise<DocumentTextReply> {
  try {
    const text = await extract(job);
    return text.length > job.maxTextChars ? { tooLarge: 'text' } : { text };
  } catch (error) {
    if (error instanceof RangeError && (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      return { tooLarge: 'xml' };
    // A damaged or encrypted document: no text rather than a failed page.
    return { text: '' };
  }
}

parentPort?.on('message', (job: DocumentTextJob) => {
  void reply(job).then((answer) => parentPort?.postMessage(answer));
});
