import { ZIdInput, ZOutboxEmail, ZOutboxListParams, ZOutboxListResult } from '@candor/schemas';
import { roleProcedure, router } from '../trpc/init.js';
import { getOutboxEmail, listOutbox } from './outbox.service.js';

export const outboxRouter = router({
  list: roleProcedure('outbox.read')
    .input(ZOutboxListParams)
    .output(ZOutboxListResult)
    .query(({ ctx, input }) => listOutbox(ctx.em, ctx.actor, input)),

  get: roleProcedure('outbox.read')
    .input(ZIdInput)
    .output(ZOutboxEmail)
    .query(({ ctx, input }) => getOutboxEmail(ctx.em, ctx.actor, input.id)),
});
