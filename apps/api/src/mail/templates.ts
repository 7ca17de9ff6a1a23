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

