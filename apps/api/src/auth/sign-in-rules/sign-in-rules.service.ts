import { type Em, Membership, TENANT_FILTER, Tenant } from '@candor/db';
import type { TSignInMethod, TSignInRules } from '@candor/schemas';
import { recordAudit } from '../../audit/audit.service.js';
import { AppError } from '../../trpc/app-error.js';
import type { Actor } from '../../trpc/init.js';
import { factorsOfUsers } from './member-factors.js';

/** The tenant's sign-in rule and, for each active member, the second factors they have. */
export async function signInRulesOf(em: Em, tenantId: string): Promise<TSignInRules> {
  const tenant = await em.findOneOrFail(Tenant, tenantId);
  const members = await em.find(
    Membership,
    { tenant: tenantId, status: 'active' },
    { populate: ['user'], orderBy: { user: { name: 'asc' } }, filters: { [TENANT_FILTER]: false } },
  );
  const factorsOf = await factorsOfUsers(
    em,
    members.map((m) => m.user.id),
  );
  return {
    requireSecondFactor: tenant.requireSecondFactor,
    members: members.map((m) => ({
      userId: m.user.id,
      name: m.user.name,
      email: m.user.email,
      role: m.role,
      ...factorsOf(m.user.id),
    })),
  };
}

/**
 * Turns the "require a second factor" rule on or off. The owner turning it on
 * must be signed in with one themselves, so the rule can never shut out the
 * only person able to turn it off again. Members without one are sent to
 * enrolment on their next request (see tenantProcedure).
 */
export async function setRequireSecondFactor(
  em: Em,
  actor: Actor,
  signedInWith: TSignInMethod,
  required: boolean,
): Promise<TSignInRules> {
  if (required && signedInWith === 'password') {
    throw new AppError(
      'BAD_REQUEST',
      'Set up a second factor for yourself first (Your account), then turn this on',
      {
        required: ['You signed in with a password only'],
      },
    );
  }
  const tenant = await em.findOneOrFail(Tenant, actor.tenantId);
  if (tenant.requireSecondFactor !== required) {
    tenant.requireSecondFactor = required;
    recordAudit(em, actor, {
      action: required ? 'tenant.require_second_factor' : 'tenant.stop_requiring_second_factor',
      targetType: 'Tenant',
      targetId: actor.tenantId,
    });
    await em.flush();
  }
  return signInRulesOf(em, actor.tenantId);
}
