import {
  type Em,
  Job,
  Membership,
  Passkey,
  PrivacyNotice,
  PrivacyRequest,
  RetentionPolicyVersion,
  RetentionRun,
  Tenant,
  TotpFactor,
} from '@candor/db';
import { dayOf, type TDashboard } from '@candor/schemas';
import { secondFactorMethods } from '../auth/second-factor/two-factor.service.js';
import { clockOf, OPEN } from '../privacy/requests/request-record.js';
import type { Actor } from '../trpc/init.js';
import { LIST_LIMIT } from './lines.js';

type AdminPanels = NonNullable<TDashboard['admin']>;

/** The brand colour a new tenant starts with: keeping it (with no logo nor about text) is "branding not set". */
const DEFAULT_COLOUR = '#1f6feb';

/** The tenant's health and setup, for its owners and admins. */
export async function adminPanels(em: Em, actor: Actor): Promise<AdminPanels> {
  const [tenant, members, runs] = await Promise.all([
    em.findOneOrFail(Tenant, actor.tenantId),
    em.find(
      Membership,
      { status: { $ne: 'deactivated' } },
      { populate: ['user'], orderBy: { user: { name: 'asc' } } },
    ),
    em.find(RetentionRun, {}, { orderBy: { startedAt: 'desc', id: 'desc' }, limit: 3 }),
  ]);
  const active = members.filter((m) => m.status === 'active');
  const userIds = active.map((m) => m.user.id);
  // A tenant's members are a few hundred at most: two reads cover all their second factors.
  const [passkeys, totps] = await Promise.all([
    em.find(Passkey, { user: { $in: userIds } }, { fields: ['user'] }),
    em.find(TotpFactor, { user: { $in: userIds }, confirmedAt: { $ne: null } }, { fields: ['user'] }),
  ]);
  const secured = new Set([...passkeys, ...totps].map((f) => f.user.id));
  const without = active.filter((m) => !secured.has(m.user.id));
  return {
    usersWithoutSecondFactor: {
      total: without.length,
      items: without.slice(0, LIST_LIMIT).map((m) => ({ id: m.user.id, name: m.user.name })),
    },
    retentionRuns: runs.map((run) => ({
      id: run.id,
      startedAt: run.startedAt.toISOString(),
      finishedAt: run.finishedAt?.toISOString() ?? null,
      dryRun: run.dryRun,
      done: run.done,
      failed: run.failed,
    })),
    audit: {
      lastVerifiedAt: tenant.auditVerifiedAt?.toISOString() ?? null,
      intact: tenant.auditVerifiedIntact ?? null,
    },
    setup: await setupChecklist(em, actor, tenant, members.length),
  };
}

async function setupChecklist(
  em: Em,
  actor: Actor,
  tenant: {
    logoKey?: string | null;
    about: string;
    primaryColor: string;
    privacySettings?: { consentPurposes?: unknown[] } | null;
  },
  memberCount: number,
): Promise<AdminPanels['setup']> {
  const [notices, policies, openJobs, factors] = await Promise.all([
    em.count(PrivacyNotice, { publishedAt: { $ne: null } }),
    em.count(RetentionPolicyVersion, {}),
    em.count(Job, { openedAt: { $ne: null } }),
    secondFactorMethods(em, actor.userId),
  ]);
  const done = {
    branding: Boolean(tenant.logoKey) || tenant.about.trim() !== '' || tenant.primaryColor !== DEFAULT_COLOUR,
    privacy_notice: notices > 0,
    retention: policies > 0,
    consent_purposes: (tenant.privacySettings?.consentPurposes?.length ?? 0) > 0,
    first_job: openJobs > 0,
    your_second_factor: factors.length > 0,
    team: memberCount > 1,
  };
  return Object.entries(done).map(([step, isDone]) => ({ step: step as keyof typeof done, done: isDone }));
}

/** Open privacy requests by deadline, for those who answer them. */
export async function privacyPanel(em: Em): Promise<NonNullable<TDashboard['privacy']>> {
  const rows = await em.find(
    PrivacyRequest,
    { status: { $in: OPEN } },
    {
      fields: ['id', 'type', 'dueOn', 'status', 'receivedOn', 'jurisdiction', 'extendedAt', 'acknowledgedAt'],
      orderBy: { dueOn: 'asc', id: 'asc' },
    },
  );
  const today = dayOf();
  const states = rows.map((row) => clockOf(row, today).state);
  return {
    open: rows.length,
    dueSoon: states.filter((s) => s === 'due_soon').length,
    overdue: states.filter((s) => s === 'overdue').length,
    items: rows.slice(0, LIST_LIMIT).map((row, i) => ({
      id: row.id,
      type: row.type,
      dueOn: row.dueOn,
      overdue: states[i] === 'overdue',
    })),
  };
}
