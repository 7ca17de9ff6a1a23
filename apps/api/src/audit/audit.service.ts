import {
  type AuditChainVerification,
  AuditEvent,
  auditChains,
  type Em,
  GLOBAL_AUDIT_CHAIN,
  type InferEntity,
  Membership,
  TENANT_FILTER,
  Tenant,
  verifyAuditChain,
} from '@candor/db';
import type { z } from 'zod';
import { csvCell } from '../csv.js';
import type { Actor } from '../trpc/init.js';
import type {
  TAuditExportResult,
  TAuditFilter,
  TAuditLogEvent,
  TAuditVerifyResult,
  ZAuditLogParams,
} from './audit.schemas.js';
import { auditSubjectRef } from './audit-subject.js';

type AuditEventRow = InferEntity<typeof AuditEvent>;

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId?: string | null;
  /**
   * The candidate the action concerns (also for actions on their
   * applications). Stored only as a pseudonym (see audit-subject.ts).
   */
  subjectId?: string | null;
}

/**
 * Adds an audit event to the unit of work; it is written by the caller's
 * flush or transaction, so it exists exactly when the audited change does.
 * The flush also appends it to the tenant's hash chain (@candor/db's
 * AuditChainSubscriber).
 */
/** `userId` is null for actions by someone outside Candor's staff (e.g. a candidate answering an offer). */
export function recordAudit(
  em: Em,
  actor: Pick<Actor, 'tenantId' | 'requestId'> & { userId: string | null },
  entry: AuditEntry,
): void {
  em.create(AuditEvent, {
    tenant: em.getReference(Tenant, actor.tenantId),
    actorId: actor.userId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    requestId: actor.requestId,
    subjectRef: entry.subjectId ? auditSubjectRef(entry.subjectId) : null,
  });
}

const DAY_MS = 86_400_000;

/** The tenant's events matching the backoffice's filters. */
function auditWhere(actor: Actor, filter: TAuditFilter) {
  const byCandidate = filter.candidateId ? auditSubjectRef(filter.candidateId) : undefined;
  const subjectRefs = [
    ...new Set([filter.subjectRef, byCandidate].filter((r): r is string => r !== undefined)),
  ];
  const at = {
    ...(filter.from ? { $gte: new Date(filter.from) } : {}),
    ...(filter.to ? { $lt: new Date(new Date(filter.to).getTime() + DAY_MS) } : {}),
  };
  return {
    tenant: actor.tenantId,
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.targetType ? { targetType: filter.targetType } : {}),
    // Two different pseudonyms at once match nothing.
    ...(subjectRefs.length ? { subjectRef: subjectRefs.length === 1 ? subjectRefs[0] : { $in: [] } } : {}),
    ...(filter.from || filter.to ? { at } : {}),
  };
}

export async function listAuditEvents(
  em: Em,
  actor: Actor,
  params: z.output<typeof ZAuditLogParams>,
): Promise<{ data: TAuditLogEvent[]; total: number }> {
  const { page, perPage } = params.pagination;
  const [rows, total] = await em.findAndCount(AuditEvent, auditWhere(actor, params.filter), {
    orderBy: { at: params.sort.order, id: params.sort.order },
    limit: perPage,
    offset: (page - 1) * perPage,
  });
  const actorIds = [...new Set(rows.flatMap((r) => (r.actorId ? [r.actorId] : [])))];
  // Only names of people who are (or were) members here; never other tenants' users.
  const members = actorIds.length
    ? await em.find(Membership, { tenant: actor.tenantId, user: { $in: actorIds } }, { populate: ['user'] })
    : [];
  const names = new Map(members.map((m) => [m.user.id, m.user.name]));
  recordAudit(em, actor, { action: 'audit.list', targetType: 'AuditEvent' });
  await em.flush();
  return {
    total,
    data: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorId: r.actorId ?? null,
      actorLabel: r.actorId ? (names.get(r.actorId) ?? 'Former member') : 'System',
      action: r.action,
      targetType: r.targetType,
      targetId: r.targetId ?? null,
      requestId: r.requestId ?? null,
      subjectRef: r.subjectRef ?? null,
      seq: r.seq ?? null,
    })),
  };
}

/** Recomputes the tenant's own chain (never another tenant's) and records that it was checked. */
export async function verifyTenantAuditLog(em: Em, actor: Actor): Promise<TAuditVerifyResult> {
  const result = await verifyAuditChain(em, actor.tenantId);
  const tenant = await em.findOneOrFail(Tenant, actor.tenantId);
  tenant.auditVerifiedAt = new Date();
  tenant.auditVerifiedIntact = result.ok;
  recordAudit(em, actor, { action: 'audit.verify', targetType: 'AuditEvent' });
  await em.flush();
  return result;
}

export const AUDIT_EXPORT_LIMIT = 25_000;
const EXPORT_BATCH = 1_000;

/** Ids, pseudonyms, action names and hashes: what an export may hold. Never a name or an email. */
const EXPORT_COLUMNS = [
  'seq',
  'at',
  'action',
  'targetType',
  'targetId',
  'subjectRef',
  'actorId',
  'requestId',
  'prevHash',
  'hash',
] as const;

function csvRow(row: AuditEventRow): string {
  const values: Record<(typeof EXPORT_COLUMNS)[number], string | number | null> = {
    seq: row.seq ?? null,
    at: row.at.toISOString(),
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId ?? null,
    subjectRef: row.subjectRef ?? null,
    actorId: row.actorId ?? null,
    requestId: row.requestId ?? null,
    prevHash: row.prevHash ?? null,
    hash: row.hash ?? null,
  };
  return EXPORT_COLUMNS.map((c) => csvCell(values[c])).join(',');
}

/**
 * The filtered events as CSV, oldest first, with their chain positions and
 * hashes so an auditor can recompute them. Read in batches (keyset on time
 * and id) up to AUDIT_EXPORT_LIMIT events.
 */
export async function exportAuditEvents(
  em: Em,
  actor: Actor,
  filter: TAuditFilter,
): Promise<TAuditExportResult> {
  const where = auditWhere(actor, filter);
  const lines = [EXPORT_COLUMNS.join(',')];
  let after: { at: Date; id: string } | null = null;
  let capped = false;
  while (lines.length - 1 < AUDIT_EXPORT_LIMIT) {
    const keyset: object = after
      ? { $or: [{ at: { $gt: after.at } }, { at: after.at, id: { $gt: after.id } }] }
      : {};
    const rows: AuditEventRow[] = await em.find(
      AuditEvent,
      { $and: [where, keyset] },
      { orderBy: { at: 'asc', id: 'asc' }, limit: EXPORT_BATCH, disableIdentityMap: true },
    );
    for (const row of rows) {
      if (lines.length - 1 === AUDIT_EXPORT_LIMIT) {
        capped = true;
        break;
      }
      lines.push(csvRow(row));
    }
    const last = rows.at(-1);
    if (!last || rows.length < EXPORT_BATCH) break;
    after = { at: last.at, id: last.id };
  }
  if (!capped && lines.length - 1 === AUDIT_EXPORT_LIMIT) {
    capped = (await em.count(AuditEvent, where)) > AUDIT_EXPORT_LIMIT;
  }
  recordAudit(em, actor, { action: 'audit.export', targetType: 'AuditEvent' });
  await em.flush();
  return {
    filename: `audit-log-${new Date().toISOString().slice(0, 10)}.csv`,
    csv: `${lines.join('\r\n')}\r\n`,
    count: lines.length - 1,
    capped,
  };
}

/** Labels a chain for the operator: the tenant's slug, or what is left of it. */
async function chainLabels(em: Em, chains: string[]): Promise<Map<string, string>> {
  const tenantIds = chains.filter((c) => c !== GLOBAL_AUDIT_CHAIN);
  const tenants = tenantIds.length
    ? await em.find(Tenant, { id: { $in: tenantIds } }, { filters: { [TENANT_FILTER]: false } })
    : [];
  const slugs = new Map(tenants.map((t) => [t.id, t.slug]));
  return new Map(
    chains.map((c) => [
      c,
      c === GLOBAL_AUDIT_CHAIN ? 'global (no tenant)' : `${slugs.get(c) ?? 'deleted tenant'} (${c})`,
    ]),
  );
}

const events = (n: number) => `${n} ${n === 1 ? 'event' : 'events'}`;

export function describeVerification(label: string, result: AuditChainVerification): string {
  if (result.ok) {
    return `ok      ${label}: ${events(result.checked)}${result.lastHash ? `, last hash ${result.lastHash}` : ''}`;
  }
  const event = result.eventId ? ` (event id ${result.eventId})` : '';
  const intact = result.checked ? `; the ${events(result.checked)} before it are intact` : '';
  return `BROKEN  ${label}: first broken link at seq ${result.firstBrokenSeq}${event}: ${result.reason}${intact}`;
}

/**
 * What `pnpm audit:verify` does: verifies one tenant's chain (by slug) or
 * every chain, and says which is intact and where the first broken link is.
 */
export async function verifyAuditChainsCommand(
  em: Em,
  options: { tenantSlug?: string } = {},
): Promise<{ ok: boolean; lines: string[] }> {
  let chains: string[];
  if (options.tenantSlug) {
    const tenant = await em.findOne(
      Tenant,
      { slug: options.tenantSlug },
      { filters: { [TENANT_FILTER]: false } },
    );
    if (!tenant) return { ok: false, lines: [`No tenant with the slug "${options.tenantSlug}"`] };
    chains = [tenant.id];
  } else {
    chains = await auditChains(em);
  }
  const labels = await chainLabels(em, chains);
  const lines: string[] = [];
  let ok = true;
  for (const chain of chains) {
    const result = await verifyAuditChain(em, chain);
    ok &&= result.ok;
    lines.push(describeVerification(labels.get(chain) ?? chain, result));
  }
  if (!chains.length) lines.push('No audit events yet');
  return { ok, lines };
}
