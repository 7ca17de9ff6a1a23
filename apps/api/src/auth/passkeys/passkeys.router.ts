import {
  ZPasskeyIdInput,
  ZPasskeyRegisterInput,
  ZPasskeyRegistrationOptions,
  ZPasskeyRenameInput,
  ZPasskeySummary,
} from '@candor/schemas';
import { z } from 'zod';
import { enrolmentProcedure, ownFactorProcedure, router } from '../../trpc/init.js';
import { signInAsOnlySession } from '../second-factor/only-session.js';
import { secondFactorMethods } from '../second-factor/two-factor.service.js';
import { noticeSignInChange } from '../sign-in-change-notice.js';
import { keepARequiredFactor } from '../sign-in-rules/member-factors.js';
import {
  listPasskeys,
  registerPasskey,
  registrationOptions,
  removePasskey,
  renamePasskey,
} from './passkeys.service.js';
import { relyingPartyOf } from './relying-party.js';

const ZOk = z.object({ ok: z.literal(true) });

/**
 * The signed-in user's own passkeys (the Account page); nobody can see or
 * change another's. Listing and adding are open to a password-only session
 * that its organisation sends to enrolment (enrolmentProcedure).
 */
export const passkeysRouter = router({
  list: enrolmentProcedure
    .output(z.array(ZPasskeySummary))
    .query(({ ctx }) => listPasskeys(ctx.em, ctx.userId)),

  startRegistration: enrolmentProcedure
    .output(ZPasskeyRegistrationOptions)
    .mutation(({ ctx }) => registrationOptions(ctx.em, relyingPartyOf(ctx.deps), ctx.userId)),

  /**
   * Keeps the passkey the browser just made. The user's first second factor
   * ends their other sessions and signs this browser in afresh, as turning
   * on TOTP does: a session opened before, by whoever knew the password,
   * must not outlive it.
   */
  finishRegistration: enrolmentProcedure
    .input(ZPasskeyRegisterInput)
    .output(z.object({ passkey: ZPasskeySummary, signedInAfresh: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const first = (await secondFactorMethods(ctx.em, ctx.userId)).length === 0;
      const passkey = await registerPasskey(ctx.em, ctx.deps, relyingPartyOf(ctx.deps), ctx.actor, input);
      // A passkey signs in without the password: the owner of the account hears of a new one at once.
      await noticeSignInChange(
        ctx.em,
        { userId: ctx.userId, userAgent: ctx.userAgent, publicUrl: ctx.deps.publicUrl },
        'passkey_added',
      );
      // The passkey was just used with user verification: this session counts as signed in with a second factor.
      if (first) await signInAsOnlySession(ctx, ctx.userId, ctx.actor.tenantId, 'second_factor');
      return { passkey, signedInAfresh: first };
    }),

  rename: ownFactorProcedure
    .input(ZPasskeyRenameInput)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      await renamePasskey(ctx.em, ctx.actor, input.id, input.name);
      return { ok: true as const };
    }),

  /**
   * Removing asks for this session only, like ending a session: every live
   * session of a user with a second factor was opened with one (enrolment
   * ends the others), and a lost device's passkey must be removable without it.
   * The last second factor stays while an organisation of the user requires one.
   */
  remove: ownFactorProcedure
    .input(ZPasskeyIdInput)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      const factors = await secondFactorMethods(ctx.em, ctx.userId);
      const otherPasskeys = (await listPasskeys(ctx.em, ctx.userId)).filter((p) => p.id !== input.id).length;
      await keepARequiredFactor(ctx.em, ctx.userId, otherPasskeys + (factors.includes('totp') ? 1 : 0));
      await removePasskey(ctx.em, ctx.actor, input.id);
      await noticeSignInChange(
        ctx.em,
        { userId: ctx.userId, userAgent: ctx.userAgent, publicUrl: ctx.deps.publicUrl },
        'passkey_removed',
      );
      return { ok: true as const };
    }),
});
