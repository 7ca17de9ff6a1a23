import { type Em, User } from '@candor/db';
import { enqueueEmail } from '../mail/outbox.js';
import { type SignInChange, signInChangeEmail } from '../mail/templates.js';
import { deviceLabelOf } from './device-label.js';

/**
 * Emails the user that a way to sign in to their account changed (through
 * the outbox, in the caller's transaction when there is one). The device is
 * the short label "Your sessions" shows, never the user agent.
 */
export async function noticeSignInChange(
  em: Em,
  who: { userId: string; userAgent: string | undefined; publicUrl: string },
  change: SignInChange,
): Promise<void> {
  const user = await em.findOneOrFail(User, who.userId);
  enqueueEmail(em, {
    tenantId: null,
    to: user.email,
    ...signInChangeEmail({
      change,
      device: deviceLabelOf(who.userAgent),
      accountLink: `${who.publicUrl}/admin/#/account`,
      resetLink: `${who.publicUrl}/admin/#/forgot-password`,
    }),
  });
  await em.flush();
}
