import { ZApiKey, ZApiKeyCreated, ZApiKeyCreateInput, ZApiKeyList, ZIdInput } from '@candor/schemas';
import { roleProcedure, router } from '../trpc/init.js';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.service.js';

/** Keys for the REST API (docs/api.md): owners and admins make and revoke them. */
export const apiKeysRouter = router({
  list: roleProcedure('settings.manage')
    .output(ZApiKeyList)
    .query(({ ctx }) => listApiKeys(ctx.em, ctx.actor)),

  create: roleProcedure('settings.manage')
    .input(ZApiKeyCreateInput)
    .output(ZApiKeyCreated)
    .mutation(({ ctx, input }) => createApiKey(ctx.em, ctx.actor, input)),

  revoke: roleProcedure('settings.manage')
    .input(ZIdInput)
    .output(ZApiKey)
    .mutation(({ ctx, input }) => revokeApiKey(ctx.em, ctx.actor, input.id)),
});
