import { ZChangePasswordInput, ZEndSessionInput, ZMe, ZSessionSummary } from '@candor/schemas';
import { z } from 'zod';
import { recordAudit } from '../audit/audit.service.js';
import { AppError } from '../trpc/app-error.js';
import { ownAccountProcedure, publicProcedure } from '../trpc/init.js';
import { buildMe } from './auth.service.js';
import { changePassword } from './change-password.js';
import { noticeSignInChange } from './sign-in-change-notice.js';
import { hashToken } from './token-hash.js';

/**
 * The signed-in user's own account: who they are, their sessions, their
 * password. Part of the `auth` router (auth.router.ts spreads them in).
 */
export const accountProcedures = {
  /**
   * "Who am I" for the backoffice's checks: null when signed out rather than a
   * 401, so a signed-out page (the sign-in page) logs no failed request.
   */
  whoAmI: publicProcedure
    .output(ZMe.nullable())
    .query(({ ctx }) =>
      ctx.session
        ? buildMe(ctx.em, ctx.session.userId, ctx.session.activeTenantId, ctx.session.signedInWith)
        : null,
    ),

  sessions: ownAccountProcedure
    .output(z.array(ZSessionSummary))
    .query(({ ctx }) => ctx.deps.sessions.listForUser(ctx.userId, ctx.session.token)),

  /** Ends one of the user's own sessions; someone else's is "not found", like one that does not exist. */
  endSession: ownAccountProcedure
    .input(ZEndSessionInput)
    .output(z.object({ ok: z.literal(true), wasCurrent: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      if (!(await ctx.deps.sessions.invalidateById(ctx.userId, input.id))) {
        throw new AppError('NOT_FOUND', 'This session has already ended', {
          id: ['Not one of your sessions'],
        });
      }
      const wasCurrent = hashToken(ctx.session.token) === input.id;
      if (wasCurrent) ctx.setCookie(ctx.deps.sessions.blankCookie());
      recordAudit(
        ctx.em,
        { userId: ctx.userId, tenantId: ctx.session.activeTenantId, requestId: ctx.requestId },
        {
          action: 'auth.end_session',
          targetType: 'User',
          targetId: ctx.userId,
        },
      );
      await ctx.em.flush();
      return { ok: true as const, wasCurrent };
    }),

  /** "Sign out everywhere else": every session of the user but this one. */
  endOtherSessions: ownAccountProcedure
    .output(z.object({ ended: z.number().int() }))
    .mutation(async ({ ctx }) => {
      const ended = await ctx.deps.sessions.invalidateOthers(ctx.userId, ctx.session.token);
      recordAudit(
        ctx.em,
        { userId: ctx.userId, tenantId: ctx.session.activeTenantId, requestId: ctx.requestId },
        {
          action: 'auth.end_other_sessions',
          targetType: 'User',
          targetId: ctx.userId,
        },
      );
      await ctx.em.flush();
      return { ended };
    }),

  /** Sets a new password (the current one required) and ends the user's other sessions. */
  changePassword: ownAccountProcedure
    .input(ZChangePasswordInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      if (!(await ctx.deps.limits.passwordCheckPerUser.hit(ctx.userId))) {
        throw new AppError(
          'TOO_MANY_REQUESTS',
          'Too many password changes tried; wait a few minutes and try again',
        );
      }
      await changePassword(ctx.em, ctx.userId, input, ctx.requestId);
      await noticeSignInChange(
        ctx.em,
        { userId: ctx.userId, userAgent: ctx.userAgent, publicUrl: ctx.deps.publicUrl },
        'password_changed',
      );
      await ctx.deps.sessions.invalidateOthers(ctx.userId, ctx.session.token);
      return { ok: true as const };
    }),
};
