import {
  ZBulkComposeInput,
  ZComposeInput,
  ZMessagePreviewInput,
  ZMessageTemplateInput,
  ZMessageTemplateUpdateInput,
  ZScheduledMessagesInput,
} from '@candor/schemas';
import { type MutationInput, trpc } from '../../trpc';

/** Writing to candidates (compose, bulk email, scheduled messages) and the tenant's message templates. */
export const messageActions = {
  messageTemplates: () => trpc.messages.templates.query(),
  createMessageTemplate: (input: MutationInput<typeof trpc.messages.createTemplate>) =>
    trpc.messages.createTemplate.mutate(ZMessageTemplateInput.parse(input)),
  updateMessageTemplate: (input: MutationInput<typeof trpc.messages.updateTemplate>) =>
    trpc.messages.updateTemplate.mutate(ZMessageTemplateUpdateInput.parse(input)),
  deleteMessageTemplate: (id: string) => trpc.messages.deleteTemplate.mutate({ id }),
  previewMessage: (input: MutationInput<typeof trpc.messages.preview>) =>
    trpc.messages.preview.mutate(ZMessagePreviewInput.parse(input)),
  composeMessage: (input: MutationInput<typeof trpc.messages.compose>) =>
    trpc.messages.compose.mutate(ZComposeInput.parse(input)),
  bulkComposeMessages: (input: MutationInput<typeof trpc.messages.bulkCompose>) =>
    trpc.messages.bulkCompose.mutate(ZBulkComposeInput.parse(input)),
  scheduledMessages: (input: Parameters<typeof trpc.messages.scheduled.query>[0]) =>
    trpc.messages.scheduled.query(ZScheduledMessagesInput.parse(input)),
  cancelMessage: (id: string) => trpc.messages.cancel.mutate({ id }),
};

export type MessageActions = typeof messageActions;
