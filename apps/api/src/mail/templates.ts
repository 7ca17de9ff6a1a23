/** Staff-facing emails. Plain text keeps them readable everywhere and hard to spoof. */
/**
 * The invitation to join a tenant. One wording whether or not the address
 * already has a Candor account: the inviter (who can read the outbox) must
 * not learn which, and the link's page offers both ways to accept.
 */
export function inviteEmail(input: {
  tenantName: string;
  inviterName: string;
  link: string;
  validDays: number;
}) {
  return {
    template: 'user.invite',
    subject: `You're invited to ${input.tenantName} on Candor`,
    text: `Hello,\n\n${input.inviterName} invited you to join ${input.tenantName} on Candor, the hiring tool.\n\nTo accept, open this link (it works once, for ${input.validDays} days). New to Candor? Choose your password there. Already use Candor? Sign in there with your password to accept.\n\n${input.link}\n\nYou join ${input.tenantName} only once you accept. If you did not expect this, ignore this email.\n`,
  };
}

/**
 * A password reset link, asked for on the sign-in page or sent by an admin of
 * one of the person's organisations (named, so the person knows why it came).
 */
export function passwordResetEmail(input: {
  link: string;
  validMinutes: number;
  sentBy?: { adminName: string; tenantName: string };
}) {
  const why = input.sentBy
    ? `${input.sentBy.adminName}, an admin of ${input.sentBy.tenantName}, sent you a link to choose a new password for your Candor account.`
    : 'Someone (hopefully you) asked to reset the password of your Candor account.';
  return {
    template: 'user.password_reset',
    subject: 'Reset your Candor password',
    text: `Hello,\n\n${why}\n\nTo choose a new password, open this link (it works once, within ${input.validMinutes} minutes). Setting it signs you out of Candor everywhere.\n\n${input.link}\n\nIf you did not expect this, ignore this email: your password stays as it is.\n`,
  };
}

/** What changed in how someone signs in to Candor, as the notice words it. */
export const SIGN_IN_CHANGES = {
  passkey_added: 'A passkey was added to your Candor account',
  passkey_removed: 'A passkey was removed from your Candor account',
  totp_enabled: 'Two-factor authentication was turned on for your Candor account',
  totp_disabled: 'Two-factor authentication was turned off for your Candor account',
  password_changed: 'The password of your Candor account was changed',
} as const;
export type SignInChange = keyof typeof SIGN_IN_CHANGES;

/**
 * Tells a staff member that a way to sign in to their account changed, so a
 * change made from a borrowed session (a passkey added by someone else) does
 * not go unnoticed.
 */
export function signInChangeEmail(input: {
  change: SignInChange;
  device: string | null;
  accountLink: string;
  resetLink: string;
}) {
  const what = SIGN_IN_CHANGES[input.change];
  const from = input.device ? ` from ${input.device}` : '';
  return {
    template: 'user.sign_in_change',
    subject: what,
    text: `Hello,\n\n${what}${from}, just now.\n\nIf that was you, there is nothing to do. You can review your passkeys, two-factor authentication and sessions on Your account:\n\n${input.accountLink}\n\nIf it was not you, reset your password now (it signs you out everywhere), then check Your account and remove what you do not recognise:\n\n${input.resetLink}\n`,
  };
}
