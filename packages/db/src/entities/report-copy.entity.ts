import { p } from '@mikro-orm/core';
import { notPersonal } from '../privacy.js';
import { defineEntity } from './define-entity.js';

/**
 * The last count of a tenant's hiring reports for one filter (period, job or
 * department), shared by every instance (apps/api/src/reports/report-cache.ts).
 * Only counts: interviewers are kept by user id and their names are read
 * when the copy is served. A row whose `counts` is null holds only a claim:
 * a recount under way that no copy came from yet.
 */
export const ReportCopy = defineEntity(
  {
    name: 'ReportCopy',
    properties: {
      tenantId: notPersonal(p.uuid().primary(), 'the tenant the reports are for'),
      filterKey: notPersonal(p.string().length(200).primary(), 'the period and job or department counted'),
      /** The tenant's change counter (tenant_change) read before counting. */
      generation: notPersonal(p.bigint('number'), 'a count of changes'),
      countedAt: notPersonal(p.datetime().nullable(), 'when the counting started'),
      counts: notPersonal(p.text().nullable(), 'counts and timings, small groups hidden; no names'),
      /** Set while one instance recounts (a lease): the others serve the copy and do not start another. */
      recountClaimedAt: notPersonal(p.datetime().nullable(), 'when a recount was started'),
    },
  },
  { holds: 'nobody', because: 'counts per tenant and filter, no names' },
);
