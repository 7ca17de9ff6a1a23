/** Staff-facing emails. Plain text keeps them readable everywhere and hard to spoof. */
export function inviteEmail(input: { tenantName: string; inviterName: string; link: string; newUser: boolean }) {
  const action = input.newUser
    ? `Choose your password to get started (the link works for 7 days):\n\n${input.link}`
    : `Sign in with your existing Candor password:\n\n${input.link}`;
  return {
    template: 'user.invite',
    subject: `You're invited to ${input.tenantName} on Candor`,
    text: `Hello,\n\n${input.inviterName} invited you to join ${input.tenantName} on Candor, the hiring tool.\n\n${action}\n\nIf you did not expect this, you can ignore this email.\n`,
  };
}

