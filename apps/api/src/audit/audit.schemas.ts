import { listParams, listResult, ZAuditEvent } from '@candor/schemas';
import { z } from 'zod';

/*
 * The audit log's filters, pseudonyms and integrity check. They belong in
 * @candor/schemas (audit.ts) next to ZAuditEvent, which they extend; they
 * live here until that file is moved over.
 */

const ZPseudonym = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[0-9a-f]{64}$/, 'A subject pseudonym is 64 hexadecimal characters');

export const ZAuditFilter = z.object({
  action: z.string().max(80).optional(),
  targetType: z.string().max(80).optional(),
  /** Events about one data subject, by pseudonym ... */
  subjectRef: ZPseudonym.optional(),
  /** ... or by candidate id, turned into the pseudonym by the API. */
  candidateId: z.uuid().optional(),
  /** Days in UTC, both inclusive. */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type TAuditFilter = z.output<typeof ZAuditFilter>;

export const ZAuditLogParams = listParams(['at'] as const, ZAuditFilter);

export const ZAuditLogEvent = ZAuditEvent.extend({
  /** Pseudonym of the candidate the event concerns, if any. */
  subjectRef: z.string().nullable(),
  /** Position in the tenant's hash chain; null for events from before the chain. */
  seq: z.number().int().nullable(),
});
export type TAuditLogEvent = z.infer<typeof ZAuditLogEvent>;
export const ZAuditLogResult = listResult(ZAuditLogEvent);

export const ZAuditVerifyResult = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    checked: z.number().int(),
    lastSeq: z.number().int(),
    lastHash: z.string().nullable(),
    /** Events up to this number were deleted by the retention policy (0: none). */
    prunedThroughSeq: z.number().int(),
  }),
  z.object({
    ok: z.literal(false),
    checked: z.number().int(),
    firstBrokenSeq: z.number().int(),
    eventId: z.string().nullable(),
    reason: z.string(),
  }),
]);
export type TAuditVerifyResult = z.infer<typeof ZAuditVerifyResult>;

// Strict: an export request with unknown fields is a mistake, not a request for everything.
export const ZAuditExportInput = z.strictObject({ filter: ZAuditFilter.default({}) });

export const ZAuditExportResult = z.object({
  filename: z.string(),
  csv: z.string(),
  count: z.number().int().min(0),
  /** More events matched than one export holds; narrow the filter. */
  capped: z.boolean(),
});
export type TAuditExportResult = z.infer<typeof ZAuditExportResult>;
