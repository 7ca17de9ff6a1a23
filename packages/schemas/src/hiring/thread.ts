import { z } from 'zod';
import { ZId } from '../list.js';

/**
 * A candidate's conversation: the emails Candor sent to them (not the copies
 * about them sent to staff) and the replies they sent back, in time order.
 */
export const THREAD_MESSAGE_STATUSES = ['scheduled', 'sent', 'failed', 'received'] as const;
export const ZThreadMessageStatus = z.enum(THREAD_MESSAGE_STATUSES);
export type TThreadMessageStatus = z.infer<typeof ZThreadMessageStatus>;

export const ZThreadAttachment = z.object({
  filename: z.string(),
  contentType: z.string(),
  /** A stored file of the candidate (a reply's document), downloaded like any other; null for a file we sent (e.g. an .ics). */
  downloadUrl: z.string().nullable(),
});
export type TThreadAttachment = z.infer<typeof ZThreadAttachment>;

export const ZThreadMessage = z.object({
  id: ZId,
  direction: z.enum(['sent', 'received']),
  status: ZThreadMessageStatus,
  /** When it was sent or received; for a scheduled one, when it is due. */
  at: z.iso.datetime(),
  /** Who it is from: the organisation for ours, the sender's name and address for a reply. */
  from: z.string(),
  to: z.string(),
  subject: z.string(),
  /** The whole text. */
  text: z.string(),
  /** The text without the quoted earlier message a reply usually ends with (the same as `text` when there is none). */
  shownText: z.string(),
  /** For ours: which template or kind of message it was. */
  template: z.string().nullable(),
  applicationId: ZId.nullable(),
  attachments: z.array(ZThreadAttachment),
  /** Files a reply came with that Candor does not store (not PDF, DOCX or ODT). */
  attachmentsLeftOut: z.number().int(),
});
export type TThreadMessage = z.infer<typeof ZThreadMessage>;

export const ZThread = z.object({ messages: z.array(ZThreadMessage) });
export type TThread = z.infer<typeof ZThread>;

export const ZThreadOfCandidateInput = z.object({ candidateId: ZId });
export const ZThreadOfApplicationInput = z.object({ applicationId: ZId });
