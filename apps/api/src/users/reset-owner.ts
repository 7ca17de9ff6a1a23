import { type Em, Membership, TENANT_FILTER, Tenant } from '@candor/db';
import { recordAudit } from '../audit/audit.service.js';
import { issueResetLink, RESET_VALID_MINUTES } from '../auth/password-reset.js';

const ALL_TENANTS = { filters: { [TENANT_FILTER]: false } } as const;

/**
 * What `pnpm users:reset-owner --tenant <slug> [--email <owner's address>]`
 * does: makes a password reset link for the tenant's owner and returns it to
 * print. Printed rather than emailed, because this is the way back in when
 * email is what failed: "Forgot password?" already emails a link, so an
 * operator is needed when that mail does not arrive (no SMTP configured, an
 * old or unreachable mailbox). The operator hands the link over a channel
 * they trust; it works once, for 30 minutes, and the tenant's audit log
 * records that it was issued. An operator who can run this can already read
 * the database, so the link gives them no new power.
 */
export async function resetOwnerCommand(
  em: Em,
  options: { tenantSlug: string; email?: string; publicUrl: string },
): Promise<{ ok: boolean; lines: string[] }> {
  const tenant = await em.findOne(Tenant, { slug: options.tenantSlug }, ALL_TENANTS);
  if (!tenant) return { ok: false, lines: [`No tenant with the slug "${options.tenantSlug}"`] };
  const owners = await em.find(
    Membership,
    { tenant, role: 'owner', status: 'active' },
    { ...ALL_TENANTS, populate: ['user'], orderBy: { user: { email: 'asc' } } },
  );
  const email = options.email?.trim().toLowerCase();
  const chosen = email ? owners.filter((m) => m.user.email === email) : owners;
  if (chosen.length === 0) {
    return {
      ok: false,
      lines: [
        email ? `${email} is not an active owner of ${tenant.name}` : `${tenant.name} has no active owner`,
      ],
    };
  }
  if (chosen.length > 1) {
    return {
      ok: false,
      lines: [
        `${tenant.name} has ${chosen.length} owners; choose one with --email <address>:`,
        ...chosen.map((m) => `  ${m.user.email}`),
      ],
    };
  }
  const owner = chosen[0]!.user;
  const link = await em.transactional(async (tx) => {
    const issued = await issueResetLink(tx, owner.id, options.publicUrl);
    // Issued by an operator, not by a member: no actor.
    recordAudit(
      tx,
      { userId: null, tenantId: tenant.id, requestId: 'cli:users:reset-owner' },
      {
        action: 'user.owner_reset_link',
        targetType: 'User',
        targetId: owner.id,
      },
    );
    await tx.flush();
    return issued;
  });
  return {
    ok: true,
    lines: [
      `Password reset link for ${owner.email}, owner of ${tenant.name}.`,
      `It works once, within ${RESET_VALID_MINUTES} minutes; give it to them over a channel you trust:`,
      '',
      link,
    ],
  };
}
