/**
 * What reading the text of a zip bomb stored as a DOCX costs the server (the
 * redactedText view): how long the event loop is blocked, how long the call
 * takes, and how far memory grows.
 *
 *   pnpm bench:document-text [--mib 1024] [--fill ' ']
 *
 * The bomb's word/document.xml inflates to --mib MiB of --fill repeated, and
 * its headers claim the truth (as if it had been stored before uploads were
 * checked). Try --mib 40 --fill '<w:p><w:t>word</w:t></w:p>' for a bomb below
 * the inflate cap whose text is slow to extract. Blocking is the longest gap
 * between the ticks of a 10 ms interval; memory is the peak RSS and Buffer
 * memory, sampled on those ticks.
 */

import { parseArgs } from 'node:util';
import { DOCUMENT_TYPES } from '@candor/schemas';
import { documentText } from '../src/files/document-text.js';
import { zipBombDocx } from '../src/testing/documents.js';

const { values } = parseArgs({
  options: { mib: { type: 'string', default: '1024' }, fill: { type: 'string', default: ' ' } },
});
const bomb = zipBombDocx({ mib: Number(values.mib), fill: values.fill });
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

const before = process.memoryUsage();
let peakRss = before.rss;
let peakBuffers = before.external + before.arrayBuffers;
let longestGap = 0;
let last = performance.now();
const sampler = setInterval(() => {
  const now = performance.now();
  longestGap = Math.max(longestGap, now - last);
  last = now;
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakBuffers = Math.max(peakBuffers, m.external + m.arrayBuffers);
}, 10);

const started = performance.now();
let outcome: string;
try {
  outcome = `text of ${(await documentText(bomb, DOCUMENT_TYPES.docx)).length} characters`;
} catch (error) {
  outcome = `refused: ${(error as Error).message}`;
}
const took = performance.now() - started;
await new Promise((resolve) => setTimeout(resolve, 50));
clearInterval(sampler);

console.log(
  `bomb: ${(bomb.length / 1024).toFixed(0)} KB on disk, word/document.xml inflates to ${values.mib} MiB`,
);
console.log(`documentText: ${outcome} after ${took.toFixed(0)} ms`);
console.log(`event loop: longest gap between 10 ms ticks ${longestGap.toFixed(0)} ms`);
console.log(
  `memory: peak RSS ${mb(peakRss)} (+${mb(peakRss - before.rss)}), Buffer memory +${mb(peakBuffers - before.external - before.arrayBuffers)}`,
);
