import {
  ZIdInput,
  ZWebhookDelivery,
  ZWebhookDeliveryList,
  ZWebhookDeliveryListInput,
  ZWebhookSubscription,
  ZWebhookSubscriptionInput,
  ZWebhookSubscriptionUpdateInput,
  ZWebhookSubscriptionWithSecret,
} from '@candor/schemas';
import { z } from 'zod';
import { roleProcedure, router } from '../trpc/init.js';
import {
  createSubscription,
  deleteSubscription,
  listDeliveries,
  listSubscriptions,
  pingSubscription,
  redeliver,
  updateSubscription,
} from './webhooks.service.js';

/** Webhook subscriptions (HR systems, chat tools) and their delivery log: owners and admins (docs/webhooks.md). */
export const webhooksRouter = router({
  list: roleProcedure('webhooks.manage')
    .output(z.array(ZWebhookSubscription))
    .query(({ ctx }) => listSubscriptions(ctx.em)),

  create: roleProcedure('webhooks.manage')
    .input(ZWebhookSubscriptionInput)
    .output(ZWebhookSubscriptionWithSecret)
    .mutation(({ ctx, input }) => createSubscription(ctx.em, ctx.deps, ctx.actor, input)),

  update: roleProcedure('webhooks.manage')
    .input(ZWebhookSubscriptionUpdateInput)
    .output(ZWebhookSubscriptionWithSecret)
    .mutation(({ ctx, input }) => updateSubscription(ctx.em, ctx.deps, ctx.actor, input)),

  delete: roleProcedure('webhooks.manage')
    .input(ZIdInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteSubscription(ctx.em, ctx.actor, input.id)),

  ping: roleProcedure('webhooks.manage')
    .input(ZIdInput)
    .output(ZWebhookDelivery)
    .mutation(({ ctx, input }) => pingSubscription(ctx.em, ctx.deps, ctx.actor, input.id)),

  deliveries: roleProcedure('webhooks.manage')
    .input(ZWebhookDeliveryListInput)
    .output(ZWebhookDeliveryList)
    .query(({ ctx, input }) => listDeliveries(ctx.em, input)),

  redeliver: roleProcedure('webhooks.manage')
    .input(ZIdInput)
    .output(ZWebhookDelivery)
    .mutation(({ ctx, input }) => redeliver(ctx.em, ctx.deps, ctx.actor, input.id)),
});
