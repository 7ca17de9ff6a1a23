import {
  ZBulkComposeInput,
  ZBulkComposeResult,
  ZComposeInput,
  ZComposeResult,
  ZIdInput,
  ZMessagePreview,
  ZMessagePreviewInput,
  ZMessageTemplate,
  ZMessageTemplateInput,
  ZMessageTemplateUpdateInput,
  ZScheduledMessage,
  ZScheduledMessagesInput,
} from '@candor/schemas';
import { z } from 'zod';
import { roleProcedure, router } from '../trpc/init.js';
import {
  bulkComposeMessages,
  cancelMessage,
  composeMessage,
  previewMessage,
  scheduledMessages,
} from './compose.service.js';
import {
  createMessageTemplate,
  deleteMessageTemplate,
  messageTemplatesOf,
  updateMessageTemplate,
} from './compose-templates.js';

/** Writing to candidates: compose, bulk email, preview, the scheduled ones and cancelling them; and the templates. */
export const composeRouter = router({
  // Whoever writes to candidates picks from them; only settings managers change them.
  templates: roleProcedure('applications.manage')
    .output(z.array(ZMessageTemplate))
    .query(({ ctx }) => messageTemplatesOf(ctx.em)),

  createTemplate: roleProcedure('settings.manage')
    .input(ZMessageTemplateInput)
    .output(ZMessageTemplate)
    .mutation(({ ctx, input }) => createMessageTemplate(ctx.em, ctx.actor, input)),

  updateTemplate: roleProcedure('settings.manage')
    .input(ZMessageTemplateUpdateInput)
    .output(ZMessageTemplate)
    .mutation(({ ctx, input }) => updateMessageTemplate(ctx.em, ctx.actor, input)),

  deleteTemplate: roleProcedure('settings.manage')
    .input(ZIdInput)
    .output(z.null())
    .mutation(async ({ ctx, input }) => {
      await deleteMessageTemplate(ctx.em, ctx.actor, input.id);
      return null;
    }),

  preview: roleProcedure('applications.manage')
    .input(ZMessagePreviewInput)
    .output(ZMessagePreview)
    // A mutation although it changes nothing: the draft (up to 10,000 characters) goes in a body, not a URL.
    .mutation(({ ctx, input }) => previewMessage(ctx.em, ctx.actor, ctx.deps, input)),

  compose: roleProcedure('applications.manage')
    .input(ZComposeInput)
    .output(ZComposeResult)
    .mutation(({ ctx, input }) => composeMessage(ctx.em, ctx.actor, ctx.deps, input)),

  bulkCompose: roleProcedure('applications.manage')
    .input(ZBulkComposeInput)
    .output(ZBulkComposeResult)
    .mutation(({ ctx, input }) => bulkComposeMessages(ctx.em, ctx.actor, ctx.deps, input)),

  scheduled: roleProcedure('applications.manage')
    .input(ZScheduledMessagesInput)
    .output(z.array(ZScheduledMessage))
    .query(({ ctx, input }) => scheduledMessages(ctx.em, ctx.actor, input)),

  cancel: roleProcedure('applications.manage')
    .input(ZIdInput)
    .output(z.null())
    .mutation(async ({ ctx, input }) => {
      await cancelMessage(ctx.em, ctx.actor, input.id);
      return null;
    }),
});
