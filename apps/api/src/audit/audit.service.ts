import { AuditEvent, type Em, Membership, Tenant } from '@candor/db';
import type { TAuditEvent, ZAuditListParams } from '@candor/schemas';
import type { z } from 'zod';
import type { Actor } from '../trpc/init.js';

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId?: string | null;
}

/**
 * Adds an audit event to the unit of work; it is written by the caller's
 * flush or transaction, so it exists exactly when the audited change does.
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
  });
}

export async function listAuditEvents(
  em: Em,
  actor: Actor,
  params: z.output<typeof ZAuditListParams>,
): Promise<{ data: TAuditEvent[]; total: number }> {
  const { page, perPage } = params.pagination;
  const [rows, total] = await em.findAndCount(
    AuditEvent,
    {
      tenant: actor.tenantId,
      ...(params.filter.action ? { action: params.filter.action } : {}),
      ...(params.filter.targetType ? { targetType: params.filter.targetType } : {}),
    },
    { orderBy: { at: params.sort.order, id: params.sort.order }, limit: perPage, offset: (page - 1) * perPage },
  );
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
    })),
  };
}

