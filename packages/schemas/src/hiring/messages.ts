import { z } from 'zod';
import { ZId } from '../list.js';
import { ZUploadedFile } from './attachment.js';

/**
 * Messages staff write to candidates (compose, bulk email) and the tenant's
 * templates for them. Values are filled per recipient on the server, by the
 * same function for the preview and the message sent.
 */
export const MESSAGE_VARIABLES = {
  candidate_first_name: 'The candidate’s first name',
  candidate_name: 'The candidate’s full name',
  job_title: 'The job applied for (the latest application when written from the candidate page)',
  company_name: 'Your company’s name',
  sender_name: 'Your name',
} as const;
export type TMessageVariable = keyof typeof MESSAGE_VARIABLES;

/** The outbox template names of composed messages: hiring messages wait while a candidate is restricted like the tenant's templates. */
export const COMPOSED_MESSAGE_TEMPLATES = { hiring: 'message', marketing: 'message.marketing' } as const;

const VARIABLE = /\{\{\s*([a-z_]+)\s*\}\}/g;

/** Variables in a text that messages do not offer (typos, usually). */
export function unknownMessageVariables(text: string): string[] {
  return [...text.matchAll(VARIABLE)]
    .map((m) => m[1]!)
    .filter((name) => !Object.hasOwn(MESSAGE_VARIABLES, name));
}

function checkVariables(value: { subject: string; body: string }, ctx: z.RefinementCtx): void {
  for (const field of ['subject', 'body'] as const) {
    const unknown = unknownMessageVariables(value[field]);
    if (unknown.length) {
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: `Unknown variable ${unknown.map((u) => `{{${u}}}`).join(', ')}; use ${Object.keys(
          MESSAGE_VARIABLES,
        )
          .map((v) => `{{${v}}}`)
          .join(', ')}`,
      });
    }
  }
}

const ZSubject = z
  .string()
  .trim()
  .min(1, 'Write a subject')
  .max(200, 'Keep the subject under 200 characters');
const ZBody = z
  .string()
  .trim()
  .min(1, 'Write the message')
  .max(10_000, 'Keep the message under 10,000 characters');

export const ZMessageTemplateInput = z
  .object({
    name: z.string().trim().min(1, 'Name the template').max(120, 'Keep the name under 120 characters'),
    subject: ZSubject,
    body: ZBody,
    /** Goes only to candidates with live marketing consent, with an unsubscribe link. */
    marketing: z.boolean().default(false),
  })
  .superRefine(checkVariables);
export type TMessageTemplateInput = z.input<typeof ZMessageTemplateInput>;

export const ZMessageTemplateUpdateInput = z.object({ id: ZId, template: ZMessageTemplateInput });

export const ZMessageTemplate = z.object({
  id: ZId,
  name: z.string(),
  subject: z.string(),
  body: z.string(),
  marketing: z.boolean(),
  updatedAt: z.iso.datetime(),
});
export type TMessageTemplate = z.infer<typeof ZMessageTemplate>;

/** Attachments of one message: at most 5 files, 10 MB together (checked on their decoded size). */
export const MAX_MESSAGE_ATTACHMENTS = 5;
export const MAX_MESSAGE_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** What a message says, when it goes, and whether it is marketing (from its template). */
const ZDraftFields = z.object({
  templateId: ZId.nullable().default(null),
  subject: ZSubject,
  body: ZBody,
  /** Send later: the message waits in the outbox until then (and can be cancelled); null sends now. */
  sendAt: z.iso
    .datetime({ offset: true, message: 'Pick a date and time' })
    .nullable()
    .default(null)
    .refine((at) => at === null || Date.parse(at) > Date.now() - 60_000, 'Pick a time in the future'),
  attachments: z
    .array(ZUploadedFile)
    .max(MAX_MESSAGE_ATTACHMENTS, `Attach at most ${MAX_MESSAGE_ATTACHMENTS} files`)
    .default([])
    .refine(
      (files) =>
        files.reduce((sum, f) => sum + Math.floor((f.contentBase64.length * 3) / 4), 0) <=
        MAX_MESSAGE_ATTACHMENT_BYTES,
      'The attachments are larger than 10 MB together',
    ),
});

export const ZComposeInput = ZDraftFields.extend({
  candidateId: ZId,
  /** The application the message is about (from its page); from the candidate page, none. */
  applicationId: ZId.nullable().default(null),
}).superRefine(checkVariables);
export type TComposeInput = z.input<typeof ZComposeInput>;

export const ZBulkComposeInput = ZDraftFields.extend({
  applicationIds: z
    .array(ZId)
    .min(1, 'Select at least one application')
    .max(500, 'Select at most 500 applications'),
}).superRefine(checkVariables);
export type TBulkComposeInput = z.input<typeof ZBulkComposeInput>;

export const ZMessagePreviewInput = z
  .object({
    candidateId: ZId,
    applicationId: ZId.nullable().default(null),
    templateId: ZId.nullable().default(null),
    subject: ZSubject,
    body: ZBody,
  })
  .superRefine(checkVariables);

/** Why a message was not queued for a recipient. */
export const MESSAGE_SKIP_REASONS = {
  restricted: 'restricted processing of their data',
  no_address: 'erased or anonymized, no address',
  no_consent: 'no marketing consent',
  not_found: 'not found or not visible to you',
} as const;
export type TMessageSkipReason = keyof typeof MESSAGE_SKIP_REASONS;
export const ZMessageSkipReason = z.enum(
  Object.keys(MESSAGE_SKIP_REASONS) as [TMessageSkipReason, ...TMessageSkipReason[]],
);

export const ZMessagePreview = z.object({
  to: z.string(),
  subject: z.string(),
  /** The whole text as sent, footer (and unsubscribe link) included. */
  text: z.string(),
  marketing: z.boolean(),
  /** Why this message would not go to this candidate; null when it would. */
  blocked: ZMessageSkipReason.nullable(),
});
export type TMessagePreview = z.infer<typeof ZMessagePreview>;

export const ZComposeResult = z.object({ id: ZId, sendAt: z.iso.datetime() });

export const ZBulkComposeResult = z.object({
  queued: z.number().int(),
  skipped: z.array(z.object({ reason: ZMessageSkipReason, count: z.number().int() })),
});
export type TBulkComposeResult = z.infer<typeof ZBulkComposeResult>;

/** A composed message still waiting to go out, as the candidate and application pages list it. */
export const ZScheduledMessage = z.object({
  id: ZId,
  subject: z.string(),
  sendAt: z.iso.datetime(),
  applicationId: ZId.nullable(),
  attachments: z.number().int(),
  sentBy: z.string().nullable(),
});
export type TScheduledMessage = z.infer<typeof ZScheduledMessage>;

export const ZScheduledMessagesInput = z.object({
  candidateId: ZId,
  applicationId: ZId.nullable().default(null),
});
