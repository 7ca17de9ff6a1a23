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

/** Footer of every email to a candidate: who holds their data and where to manage it. */
function candidateFooter(tenantName: string, portalUrl: string): string {
  return `\n--\n${tenantName} uses Candor to handle applications. To see, download, correct or erase your data, or to withdraw consent: ${portalUrl}\n`;
}

export function rejectionEmail(input: { tenantName: string; candidateName: string; jobTitle: string; portalUrl: string }) {
  return {
    template: 'application.rejection',
    subject: `Your application for ${input.jobTitle} at ${input.tenantName}`,
    text: `Dear ${input.candidateName},\n\nThank you for your interest in the ${input.jobTitle} role and for the time you spent on your application. After careful consideration we have decided not to move forward with your application.\n\nWe wish you every success in your search.\n\nKind regards,\nThe ${input.tenantName} hiring team\n${candidateFooter(input.tenantName, input.portalUrl)}`,
  };
}

export function interviewInvitationEmail(input: { interviewerName: string; summary: string; startsAt: Date; endsAt: Date; where: string }) {
  const when = `${input.startsAt.toISOString().slice(0, 16).replace('T', ' ')}–${input.endsAt.toISOString().slice(11, 16)} UTC`;
  return {
    template: 'interview.invitation',
    subject: `Invitation: ${input.summary}`,
    text: `Hello ${input.interviewerName},\n\nYou are invited to interview:\n\n${input.summary}\nWhen: ${when}\n${input.where ? `Where: ${input.where}\n` : ''}\nThe calendar invitation is attached. Please submit your scorecard in Candor after the interview.\n`,
  };
}
