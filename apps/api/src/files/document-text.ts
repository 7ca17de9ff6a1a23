import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { DOCUMENT_TYPES } from '@candor/schemas';
import type { DocumentFormat, DocumentTextJob, DocumentTextReply } from './document-text.worker.js';

/** Bounds on reading one document's text: a resume stays far inside them; a bomb or a hostile PDF does not. */
export interface DocumentTextLimits {
  /** Wall-clock time for one document (a new worker's start-up included); the worker is terminated when exceeded. */
  timeoutMs: number;
  /** The most word/document.xml or content.xml may inflate to. */
  maxXmlBytes: number;
  /** The longest text handed back: about 100 pages. It is redacted on the event loop (200,000 dense characters: about 50 ms). */
  maxTextChars: number;
  /** The worker's V8 heap. */
  maxHeapMb: number;
}

export const DOCUMENT_TEXT_LIMITS: DocumentTextLimits = {
  timeoutMs: 5_000,
  maxXmlBytes: 20 * 1024 * 1024,
  maxTextChars: 200_000,
  maxHeapMb: 256,
};

/** A document whose text cannot be read within the limits; the message says why, for the person reading. */
export class DocumentUnreadable extends Error {
  override name = 'DocumentUnreadable';
}

const FORMATS: Record<string, DocumentFormat> = {
  [DOCUMENT_TYPES.pdf]: 'pdf',
  [DOCUMENT_TYPES.docx]: 'docx',
  [DOCUMENT_TYPES.odt]: 'odt',
};

/**
 * The worker's entry. From dist it is plain JavaScript. From TypeScript
 * sources (tests, `pnpm dev`) it is loaded through tsx's API (a dev
 * dependency, resolved from the working directory): on Node 20 a loader given
 * to a worker with `--import` does not apply to the worker's own entry.
 */
const fromSource = import.meta.url.endsWith('.ts');
const workerUrl = new URL(`./document-text.worker.${fromSource ? 'ts' : 'js'}`, import.meta.url);
const WORKER_ENTRY: [string | URL, { eval: boolean; execArgv: string[] }] = fromSource
  ? [
      `import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(workerUrl.href)}, ${JSON.stringify(import.meta.url)}))`,
      { eval: true, execArgv: ['--conditions=@candor/source'] },
    ]
  : [workerUrl, { eval: false, execArgv: [] }];

/** At most one extraction per core at a time, so a burst of requests queues instead of starting a worker (and its heap) each. */
const maxWorkers = Math.max(1, availableParallelism());
let running = 0;
const waiting: Array<() => void> = [];

async function inWorkerSlot<T>(run: () => Promise<T>): Promise<T> {
  while (running >= maxWorkers) await new Promise<void>((resume) => waiting.push(resume));
  running++;
  try {
    return await run();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

// ---- warm workers ------------------------------------------------------------
// Starting a thread and compiling pdf.js in it cost about 300 ms of CPU per
// document, more than everything else filing an application does (issue 21's
// worker profile). A worker that answered is kept for the next document; one
// that timed out, failed or ran out of heap is terminated and never reused.

/** Documents one worker reads before it is replaced, so whatever pdf.js keeps between documents stays bounded. */
const DOCUMENTS_PER_WORKER = 100;
/** An idle worker's heap is given back after this long without a document. */
const IDLE_MS = 30_000;

interface WarmWorker {
  worker: Worker;
  maxHeapMb: number;
  documents: number;
  idleTimer?: NodeJS.Timeout;
}

/** Idle workers by their heap limit (fixed when a worker starts). */
const idleWorkers = new Map<number, WarmWorker[]>();
let workersStarted = 0;

/** How many worker threads this process has started (tests check that workers are reused). */
export function documentTextWorkersStarted(): number {
  return workersStarted;
}

function dropIdle(warm: WarmWorker): void {
  const idle = idleWorkers.get(warm.maxHeapMb) ?? [];
  const at = idle.indexOf(warm);
  if (at >= 0) idle.splice(at, 1);
  clearTimeout(warm.idleTimer);
}

function takeWorker(maxHeapMb: number): WarmWorker {
  const warm = idleWorkers.get(maxHeapMb)?.pop();
  if (warm) {
    clearTimeout(warm.idleTimer);
    warm.worker.ref();
    return warm;
  }
  const [entry, options] = WORKER_ENTRY;
  const started: WarmWorker = {
    worker: new Worker(entry, { ...options, resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } }),
    maxHeapMb,
    documents: 0,
  };
  workersStarted++;
  // A worker that dies while idle leaves the pool; its error is not thrown into the server.
  started.worker.on('error', () => dropIdle(started));
  started.worker.on('exit', () => dropIdle(started));
  return started;
}

function giveBack(warm: WarmWorker): void {
  if (warm.documents >= DOCUMENTS_PER_WORKER) {
    void warm.worker.terminate();
    return;
  }
  // An idle worker does not keep the process alive, and ends after IDLE_MS.
  warm.worker.unref();
  warm.idleTimer = setTimeout(() => {
    dropIdle(warm);
    void warm.worker.terminate();
  }, IDLE_MS).unref();
  const idle = idleWorkers.get(warm.maxHeapMb) ?? [];
  idle.push(warm);
  idleWorkers.set(warm.maxHeapMb, idle);
}

function runWorker(job: DocumentTextJob, limits: DocumentTextLimits): Promise<DocumentTextReply> {
  const warm = takeWorker(limits.maxHeapMb);
  const { worker } = warm;
  return new Promise((resolve, reject) => {
    const settle = (keepWorker: boolean, outcome: () => void) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (keepWorker) giveBack(warm);
      else void worker.terminate();
      outcome();
    };
    const onMessage = (reply: DocumentTextReply) => settle(true, () => resolve(reply));
    const onError = (error: NodeJS.ErrnoException) => {
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      settle(false, () =>
        reject(
          new DocumentUnreadable(
            outOfMemory
              ? 'This document needs more memory to read than is allowed'
              : 'This document could not be read',
          ),
        ),
      );
    };
    const onExit = () =>
      settle(false, () => reject(new DocumentUnreadable('This document could not be read')));
    const timer = setTimeout(
      () =>
        settle(false, () =>
          reject(
            new DocumentUnreadable(`Reading this document took longer than ${limits.timeoutMs / 1000} s`),
          ),
        ),
      limits.timeoutMs,
    );
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    warm.documents++;
    worker.postMessage(job);
  });
}

/**
 * The plain text of a stored document (PDF, DOCX or ODT, the types uploads
 * accept), for reading it without the original file. Images (a photo) and
 * layout do not survive, which for blind review is the point. A document
 * whose text cannot be read (damaged, encrypted, scanned) gives an empty
 * string; one that exceeds a limit throws DocumentUnreadable. The work runs
 * in a worker thread, so the event loop keeps serving meanwhile.
 */
export async function documentText(
  bytes: Uint8Array,
  contentType: string,
  limits = DOCUMENT_TEXT_LIMITS,
): Promise<string> {
  const format = FORMATS[contentType];
  if (!format) return '';
  const job: DocumentTextJob = {
    bytes,
    format,
    maxXmlBytes: limits.maxXmlBytes,
    maxTextChars: limits.maxTextChars,
  };
  const reply = await inWorkerSlot(() => runWorker(job, limits));
  if ('text' in reply) return reply.text;
  throw new DocumentUnreadable(
    reply.tooLarge === 'xml'
      ? `This document expands to more than ${limits.maxXmlBytes / 1024 / 1024} MB of text markup`
      : `This document's text is longer than ${limits.maxTextChars.toLocaleString('en')} characters`,
  );
}
