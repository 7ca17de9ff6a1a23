import { z } from 'zod';
import { ZId } from '../list.js';
import { ZUserRef } from './job.js';

export const ATTACHMENT_KINDS = ['resume', 'cover_letter', 'other'] as const;
export const ZAttachmentKind = z.enum(ATTACHMENT_KINDS);
export type TAttachmentKind = z.infer<typeof ZAttachmentKind>;
export const ATTACHMENT_KIND_LABELS: Record<TAttachmentKind, string> = {
  resume: 'Resume',
  cover_letter: 'Cover letter',
  other: 'Other',
};

/** Document types accepted for resumes and cover letters, recognised from their bytes. */
export const DOCUMENT_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
} as const;

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** A document sent in a JSON request: its name and its bytes, base64-encoded (at most 10 MB once decoded). */
export const ZUploadedFile = z.object({
  filename: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^/\\\0]+$/, 'A file name without folders'),
  contentBase64: z
    .string()
    .min(1, 'The file is empty')
    .max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4, 'The file is larger than 10 MB')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Not base64'),
});
export type TUploadedFile = z.input<typeof ZUploadedFile>;

export const ZAttachmentUploadInput = ZUploadedFile.extend({
  candidateId: ZId,
  applicationId: ZId.nullable().default(null),
  kind: ZAttachmentKind,
});
export type TAttachmentUploadInput = z.input<typeof ZAttachmentUploadInput>;

/** A corrected document in place of a stored one (same kind, candidate and application); the old one is deleted. */
export const ZAttachmentReplaceInput = ZUploadedFile.extend({ id: ZId });
export type TAttachmentReplaceInput = z.input<typeof ZAttachmentReplaceInput>;

export const ZAttachment = z.object({
  blind: z.literal(false),
  id: ZId,
  candidateId: ZId,
  applicationId: ZId.nullable(),
  kind: ZAttachmentKind,
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  uploadedBy: ZUserRef.nullable(),
  createdAt: z.iso.datetime(),
  /** Where the backoffice downloads it (an authorized, audited endpoint). */
  downloadUrl: z.string(),
});
export type TAttachment = z.infer<typeof ZAttachment>;

export const ZCandidateIdInput = z.object({ candidateId: ZId });

/** A document of an application in blind review: no file name, no download link (see blind-review.ts). */
export const ZBlindAttachment = z.strictObject({
  blind: z.literal(true),
  id: ZId,
  applicationId: ZId,
  kind: ZAttachmentKind,
  size: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type TBlindAttachment = z.infer<typeof ZBlindAttachment>;

/** An application's documents as the viewer may have them: the file, or under blind review its redacted text only. */
export const ZApplicationAttachment = z.discriminatedUnion('blind', [ZAttachment, ZBlindAttachment]);
export type TApplicationAttachment = z.infer<typeof ZApplicationAttachment>;
