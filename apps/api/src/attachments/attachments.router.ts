import {
  ZApplicationAttachment,
  ZApplicationIdInput,
  ZAttachment,
  ZAttachmentReplaceInput,
  ZAttachmentUploadInput,
  ZCandidateIdInput,
  ZIdInput,
  ZRedactedText,
} from '@candor/schemas';
import { z } from 'zod';
import { roleProcedure, router } from '../trpc/init.js';
import {
  fullAttachmentText,
  listApplicationAttachments,
  listAttachments,
  openAttachment,
  redactedAttachmentText,
  replaceAttachment,
  uploadAttachment,
} from './attachments.service.js';

/**
 * The backoffice downloads through GET /files/attachments/:id, which calls
 * `download` on a server-side caller: the same access rules and audit, raw bytes.
 */
export const attachmentsRouter = router({
  forCandidate: roleProcedure('candidates.read')
    .input(ZCandidateIdInput)
    .output(z.array(ZAttachment))
    .query(({ ctx, input }) => listAttachments(ctx.em, ctx.actor, input.candidateId)),

  forApplication: roleProcedure('applications.read')
    .input(ZApplicationIdInput)
    .output(z.array(ZApplicationAttachment))
    .query(({ ctx, input }) => listApplicationAttachments(ctx.em, ctx.actor, input.applicationId)),

  /** A document as text with the candidate's identity redacted (what blind reviewers read). */
  redactedText: roleProcedure('applications.read')
    .input(ZIdInput)
    .output(ZRedactedText)
    .query(({ ctx, input }) => redactedAttachmentText(ctx.em, ctx.actor, ctx.deps, input.id)),

  /** A document's whole text, to read it in the page; refused to a blind reviewer like the file. */
  text: roleProcedure('candidates.read')
    .input(ZIdInput)
    .output(z.object({ text: z.string() }))
    .query(({ ctx, input }) => fullAttachmentText(ctx.em, ctx.actor, ctx.deps, input.id)),

  upload: roleProcedure('candidates.manage')
    .input(ZAttachmentUploadInput)
    .output(ZAttachment)
    .mutation(({ ctx, input }) => uploadAttachment(ctx.em, ctx.actor, ctx.deps, input)),

  /** A corrected document in place of a stored one; the old file is deleted, not kept. */
  replace: roleProcedure('candidates.manage')
    .input(ZAttachmentReplaceInput)
    .output(ZAttachment)
    .mutation(({ ctx, input }) => replaceAttachment(ctx.em, ctx.actor, ctx.deps, input)),

  download: roleProcedure('candidates.read')
    .input(ZIdInput)
    .output(z.object({ filename: z.string(), contentType: z.string(), contentBase64: z.string() }))
    .query(async ({ ctx, input }) => {
      const file = await openAttachment(ctx.em, ctx.actor, ctx.deps, input.id);
      return {
        filename: file.filename,
        contentType: file.contentType,
        contentBase64: file.bytes.toString('base64'),
      };
    }),
});
