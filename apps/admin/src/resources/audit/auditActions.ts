import type { ListRequest } from '../../providers/listRequest';
import { trpc } from '../../trpc';

type AuditListInput = NonNullable<Parameters<typeof trpc.audit.list.query>[0]>;
export type AuditFilter = NonNullable<AuditListInput['filter']>;
export type AuditVerifyResult = Awaited<ReturnType<typeof trpc.audit.verify.query>>;

const FILTER_KEYS = [
  'action',
  'targetType',
  'subjectRef',
  'candidateId',
  'from',
  'to',
] as const satisfies ReadonlyArray<keyof AuditFilter>;

/**
 * react-admin's filter values as the API's audit filter: only the known
 * keys, and no empty inputs (a cleared text field sends "", which would
 * otherwise be a filter for the empty string).
 */
export function auditFilterOf(values: Record<string, unknown> | undefined): AuditFilter {
  const filter: AuditFilter = {};
  for (const key of FILTER_KEYS) {
    const value = values?.[key];
    if (typeof value === 'string' && value.trim() !== '') filter[key] = value.trim();
  }
  return filter;
}

/** A react-admin list request as `audit.list` input: the log sorts by time only. */
export function auditListInput(request: ListRequest): AuditListInput {
  return {
    ...(request.pagination ? { pagination: request.pagination } : {}),
    sort: { field: 'at', order: request.sort?.order === 'ASC' ? 'ASC' : 'DESC' },
    filter: auditFilterOf(request.filter),
  };
}

/**
 * The audit log's integrity check and CSV export. On the dataProvider (see
 * dataProvider.ts) so their errors reach the authProvider's `checkError`.
 */
export const auditActions = {
  verifyAuditLog: () => trpc.audit.verify.query(),
  exportAuditLog: (filterValues: Record<string, unknown>) =>
    trpc.audit.export.query({ filter: auditFilterOf(filterValues) }),
};

export type AuditActions = typeof auditActions;
