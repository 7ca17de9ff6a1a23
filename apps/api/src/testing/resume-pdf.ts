import { letterPdf } from '../offers/letter-pdf.js';

/** A real PDF with text on as many pages as `paragraphs` fill (the offer letter's writer), for tests that read or show one. */
export function resumePdf(heading: string, paragraphs: string[]): Buffer {
  return letterPdf({ heading, subheading: '', body: paragraphs.join('\n'), footer: '' });
}
