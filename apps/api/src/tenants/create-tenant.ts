import { type Em, Membership, TENANT_FILTER, Tenant, User } from '@candor/db';
import { ZTenantCreateInput } from '@candor/schemas';
import { recordAudit } from '../audit/audit.service.js';
import { INVITE_VALID_DAYS, issueInviteLink } from '../users/users.service.js';

const ALL_TENANTS = { filters: { [TENANT_FILTER]: false } } as const;

/**
 * What `pnpm tenants:create --name <name> --slug <slug> --owner-email <address>
 * --owner-name <name>` does: makes an organisation and invites its first
 * owner, on a production database where nobody can sign in yet (the demo
 * tenant is only seeded outside production). The invitation link is printed
 * rather than emailed, as `users:reset-owner` does: mail may not be set up
 * yet, and the operator hands it over a channel they trust. The new owner
 * chooses a password with it (or, already using Candor, accepts) and finds
 * the setup checklist on their dashboard: privacy notice, purposes,
 * retention, jobs.
 */
export async function createTenantCommand(
  em: Em,
  args: Record<string, unknown>,
  publicUrl: string,
): Promise<{ ok: boolean; lines: string[] }> {
  const parsed = ZTenantCreateInput.safeParse(args);
  if (!parsed.success)
    return {
      ok: false,
      lines: parsed.error.issues.map((issue) => `--${flagOf(String(issue.path[0] ?? ''))}: ${issue.message}`),
    };
  const input = parsed.data;
  if (await em.count(Tenant, { slug: input.slug }, ALL_TENANTS))
    return { ok: false, lines: [`--slug: "${input.slug}" is taken; choose another`] };
  const { tenant, link } = await em.transactional(async (tx) => {
    const created = tx.create(Tenant, { name: input.name, slug: input.slug });
    const owner =
      (await tx.findOne(User, { email: input.ownerEmail }, ALL_TENANTS)) ??
      tx.create(User, { email: input.ownerEmail, name: input.ownerName, passwordHash: null });
    const membership = tx.create(Membership, {
      tenant: created,
      user: owner,
      role: 'owner',
      status: 'invited',
    });
    const invite = issueInviteLink(tx, owner, membership, publicUrl);
    // Made by an operator, not by a member: no actor.
    recordAudit(
      tx,
      { userId: null, tenantId: created.id, requestId: 'cli:tenants:create' },
      { action: 'tenant.create', targetType: 'Tenant', targetId: created.id },
    );
    await tx.flush();
    return { tenant: created, link: invite };
  });
  return {
    ok: true,
    lines: [
      `Created ${tenant.name} (careers site ${publicUrl}/careers/${tenant.slug}/).`,
      `Invitation for ${input.ownerEmail}, its owner. It works once, within ${INVITE_VALID_DAYS} days;`,
      'give it to them over a channel you trust:',
      '',
      link,
    ],
  };
}

/** ownerEmail → owner-email, as the flag is spelled. */
function flagOf(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
