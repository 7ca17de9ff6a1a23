/** Staff-facing emails. Plain text keeps them readable everywhere and hard to spoof. */
/**
 * The invitation to join a tenant. One wording whether or not the address
 * already has a Candor account: the inviter (who can read the outbox) must
 * not learn which, and the link's page offers both ways to accept.
 */
export function inviteEmail(input: { tenantName: string; inviterName: string; link: string; validDays: number }) {
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
