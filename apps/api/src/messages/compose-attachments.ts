import type { TStoredAttachment } from '@candor/db';
import { MAX_MESSAGE_ATTACHMENT_BYTES, type TUploadedFile } from '@candor/schemas';
import { sniffDocument, sniffImage } from '../files/sniff.js';
import { AppError } from '../trpc/app-error.js';

/**
 * A message's attachments as the outbox stores them: each file's type
 * sniffed from its bytes (PDF, Word, OpenDocument, or a PNG, JPEG or WebP
 * image), never taken from its name; anything else, and more than 10 MB
 * together, is refused with the field it is about.
 */
export async function messageAttachments(files: readonly TUploadedFile[]): Promise<TStoredAttachment[]> {
  const stored: TStoredAttachment[] = [];
  let total = 0;
  for (const [index, file] of files.entries()) {
    const bytes = Buffer.from(file.contentBase64, 'base64');
    const field = `attachments.${index}`;
    if (bytes.length === 0)
      throw new AppError('BAD_REQUEST', 'An attachment is empty', { [field]: ['Empty file'] });
    total += bytes.length;
    if (total > MAX_MESSAGE_ATTACHMENT_BYTES) {
      throw new AppError('BAD_REQUEST', 'The attachments are larger than 10 MB together', {
        [field]: ['Over the 10 MB limit for all attachments'],
      });
    }
    const image = sniffImage(bytes);
    const document = image ? null : await sniffDocument(bytes);
    const contentType = image ?? document?.contentType;
    if (!contentType) {
      const problem =
        document?.problem ?? 'Attach a PDF, Word (.docx), OpenDocument (.odt), PNG, JPEG or WebP file';
      throw new AppError('BAD_REQUEST', `${file.filename}: ${problem}`, { [field]: [problem] });
    }
    stored.push({ filename: file.filename, contentType, contentBase64: bytes.toString('base64') });
  }
  return stored;
}
