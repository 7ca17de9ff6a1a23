import {
  ZAcceptInvitationInput,
  ZDirectoryEntry,
  ZIdInput,
  ZMembershipSummary,
  ZTenantUser,
  ZUserInviteInput,
  ZUserListParams,
  ZUserListResult,
  ZUserUpdateInput,
} from '@candor/schemas';
import { z } from 'zod';
import { acceptInvitation } from '../auth/auth.service.js';
import { ownAccountProcedure, roleProcedure, router } from '../trpc/init.js';
import { directory, getUser, inviteUser, listUsers, sendPasswordReset, updateUser } from './users.service.js';

export const usersRouter = router({
  // Recruiters build hiring teams without seeing the user administration.
  directory: roleProcedure('jobs.manage')
    .output(z.array(ZDirectoryEntry))
    .query(({ ctx }) => directory(ctx.em, ctx.actor)),

  list: roleProcedure('users.read')
    .input(ZUserListParams)
    .output(ZUserListResult)
    .query(({ ctx, input }) => listUsers(ctx.em, ctx.actor, input)),

  get: roleProcedure('users.read')
    .input(ZIdInput)
    .output(ZTenantUser)
    .query(({ ctx, input }) => getUser(ctx.em, ctx.actor, input.id)),

  invite: roleProcedure('users.manage')
    .input(ZUserInviteInput)
    .output(ZTenantUser)
    .mutation(({ ctx, input }) => inviteUser(ctx.em, ctx.actor, input, ctx.deps.publicUrl)),

  // The invited person, signed in with their own account (of any tenant), accepts with the emailed link's token.
  acceptInvitation: ownAccountProcedure
    .input(ZAcceptInvitationInput)
    .output(ZMembershipSummary)
    .mutation(({ ctx, input }) => acceptInvitation(ctx.em, ctx.userId, input.token, ctx.requestId)),

  update: roleProcedure('users.manage')
    .input(ZUserUpdateInput)
    .output(ZTenantUser)
    .mutation(({ ctx, input }) =>
      updateUser(ctx.em, ctx.actor, input, (userId, tenantId) =>
        ctx.deps.sessions.invalidateForUser(userId, tenantId),
      ),
    ),

  sendPasswordReset: roleProcedure('users.manage')
    .input(ZIdInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await sendPasswordReset(ctx.em, ctx.actor, input.id, ctx.deps.publicUrl);
      return { ok: true as const };
    }),
});
