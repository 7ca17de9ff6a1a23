import { z } from 'zod';
import { ZUploadedFile } from '../hiring/attachment.js';
import { JURISDICTIONS, REQUEST_TYPES } from '../labels.js';
import { dayOf } from './notice.js';

export { JURISDICTIONS, REQUEST_TYPE_LABELS, REQUEST_TYPES } from '../labels.js';
export const ZRequestType = z.enum(REQUEST_TYPES);
export type TRequestType = z.infer<typeof ZRequestType>;

export const REQUEST_STATUSES = ['received', 'verified', 'in_progress', 'completed', 'refused'] as const;
export const ZRequestStatus = z.enum(REQUEST_STATUSES);
export type TRequestStatus = z.infer<typeof ZRequestStatus>;

export const REQUEST_CHANNELS = ['portal', 'email', 'phone', 'letter', 'in_person'] as const;
export const ZRequestChannel = z.enum(REQUEST_CHANNELS);

export const VERIFICATION_STATES = ['unverified', 'verified', 'failed'] as const;
export const ZVerificationState = z.enum(VERIFICATION_STATES);

/** The legal regime a request's deadlines follow (labels.ts says which). */
export const ZJurisdiction = z.enum(JURISDICTIONS);
export type TJurisdiction = z.infer<typeof ZJurisdiction>;

/** EEA members, the UK, Switzerland (ISO 3166-1 alpha-2). */
const GDPR_COUNTRIES = new Set(
  'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO GB CH'.split(
    ' ',
  ),
);

/** The jurisdiction from the applicant's stated country (and US state); staff can change it. */
export function jurisdictionOf(country: string | null | undefined, usState?: string | null): TJurisdiction {
  const code = (country ?? '').trim().toUpperCase();
  if (GDPR_COUNTRIES.has(code)) return 'eea_uk_ch';
  if (code === 'US' && (usState ?? '').trim().toUpperCase() === 'CA') return 'california';
  return 'other';
}

/** A calendar day as YYYY-MM-DD, computed in UTC. */
type Day = string;

function toDate(day: Day): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

function toDay(date: Date): Day {
  return date.toISOString().slice(0, 10);
}

/**
 * The same day `months` later; when that month is shorter, its last day
 * (31 January + 1 month = 28 or 29 February), as EU Regulation 1182/71
 * counts periods expressed in months.
 */
export function addMonths(day: Day, months: number): Day {
  const date = toDate(day);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return toDay(target);
}

export function addDays(day: Day, days: number): Day {
  const date = toDate(day);
  date.setUTCDate(date.getUTCDate() + days);
  return toDay(date);
}

/** `days` working days (Monday to Friday) after `day`. Public holidays are not known and not skipped. */
export function addBusinessDays(day: Day, days: number): Day {
  let current = day;
  let left = days;
  while (left > 0) {
    current = addDays(current, 1);
    const weekday = toDate(current).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return current;
}

export interface RequestDeadlines {
  /** By when the requester must have been told that the request arrived (California only). */
  acknowledgeBy: Day | null;
  /** The answer is due by this day, extension included when there is one. */
  dueOn: Day;
  /** The latest day the deadline can be extended to. */
  maxExtendedDueOn: Day;
  /** By when the requester must be told of an extension and why. */
  extensionNoticeBy: Day;
}

/**
 * Deadlines from the day a request was received. GDPR Art. 12(3): one month,
 * extendable by two further months, with the reasons given within the
 * first month. CCPA regulations (§7021): acknowledge within 10 business
 * days, answer within 45 calendar days, extendable once by another 45.
 */
export function requestDeadlines(
  receivedOn: Day,
  jurisdiction: TJurisdiction,
  extended: boolean,
): RequestDeadlines {
  if (jurisdiction === 'california') {
    const first = addDays(receivedOn, 45);
    const max = addDays(receivedOn, 90);
    return {
      acknowledgeBy: addBusinessDays(receivedOn, 10),
      dueOn: extended ? max : first,
      maxExtendedDueOn: max,
      extensionNoticeBy: first,
    };
  }
  const first = addMonths(receivedOn, 1);
  const max = addMonths(receivedOn, 3);
  return {
    acknowledgeBy: null,
    dueOn: extended ? max : first,
    maxExtendedDueOn: max,
    extensionNoticeBy: first,
  };
}

export type TDeadlineState = 'on_track' | 'due_soon' | 'overdue' | 'closed';

/** Due within 7 days is "due soon"; past the due day, "overdue". Closed requests have no clock. */
export function deadlineState(dueOn: Day, today: Day, closed: boolean): TDeadlineState {
  if (closed) return 'closed';
  if (today > dueOn) return 'overdue';
  return addDays(today, 7) >= dueOn ? 'due_soon' : 'on_track';
}

/** The next thing a request is waiting for: an acknowledgement (California) until it is sent, then the answer. */
export interface RequestClock {
  kind: 'acknowledge' | 'answer';
  on: Day;
  state: TDeadlineState;
}

/**
 * Where an open request stands against the law: while a California request
 * is not yet acknowledged, its 10-business-day acknowledgement is the
 * deadline that counts (it is always the earlier one); after that, the answer.
 */
export function requestClock(
  request: { dueOn: Day; acknowledgeBy: Day | null; acknowledged: boolean; closed: boolean },
  today: Day,
): RequestClock {
  if (request.acknowledgeBy && !request.acknowledged && !request.closed) {
    return {
      kind: 'acknowledge',
      on: request.acknowledgeBy,
      state: deadlineState(request.acknowledgeBy, today, false),
    };
  }
  return { kind: 'answer', on: request.dueOn, state: deadlineState(request.dueOn, today, request.closed) };
}

const ZIdOf = z.uuid();

/** A request entered by staff (received by email, phone, letter or in person). */
export const ZRequestCreateInput = z.object({
  type: ZRequestType,
  channel: z.enum(['email', 'phone', 'letter', 'in_person']),
  requesterName: z.string().trim().max(120).default(''),
  requesterEmail: z.string().trim().toLowerCase().pipe(z.email('Enter the email address the answer goes to')),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^([A-Z]{2})?$/, 'Use a two-letter country code like DE')
    .default(''),
  usState: z.string().trim().toUpperCase().max(2).default(''),
  details: z.string().trim().max(5000).default(''),
  /** Received on (YYYY-MM-DD, today or earlier, in UTC like every day here): the deadline runs from here; defaults to today. */
  receivedOn: z.iso
    .date('Enter the day the request arrived')
    .refine((day) => day <= dayOf(), 'Today or earlier')
    .optional(),
  /** Someone acting for the subject, and how they proved it. */
  agentName: z.string().trim().max(120).default(''),
  agentProof: z.string().trim().max(2000).default(''),
  /** The agent's signed permission (or the subject's), as a document or a scan. */
  agentProofFile: ZUploadedFile.optional(),
  /** Email the requester that the request arrived and when to expect the answer (required in California). */
  acknowledge: z.boolean().default(true),
});
export type TRequestCreateInput = z.input<typeof ZRequestCreateInput>;

export const ZRequestTransitionInput = z.discriminatedUnion('to', [
  z.object({ id: ZIdOf, to: z.literal('verified') }),
  z.object({ id: ZIdOf, to: z.literal('in_progress') }),
  z.object({
    id: ZIdOf,
    to: z.literal('completed'),
    answer: z.string().trim().min(1, 'Write the answer sent to the requester').max(5000),
  }),
  z.object({
    id: ZIdOf,
    to: z.literal('refused'),
    reason: z.string().trim().min(1, 'Give the legal reason for refusing').max(1000),
    answer: z.string().trim().min(1, 'Write the answer sent to the requester').max(5000),
  }),
]);

export const ZRequestExtendInput = z.object({
  id: ZIdOf,
  reason: z.string().trim().min(10, 'Explain why: the requester is told').max(1000),
});

/** Attaches (or replaces) the authorized agent's proof on a request. */
export const ZRequestProofInput = ZUploadedFile.extend({ id: ZIdOf });

export const ZRequestAssignInput = z.object({ id: ZIdOf, assigneeId: ZIdOf.nullable() });
export const ZRequestNoteInput = z.object({ id: ZIdOf, body: z.string().trim().min(1).max(5000) });
export const ZRequestJurisdictionInput = z.object({ id: ZIdOf, jurisdiction: ZJurisdiction });

export const ZPrivacyRequest = z.object({
  id: ZIdOf,
  type: ZRequestType,
  channel: z.string(),
  requesterName: z.string().nullable(),
  requesterEmail: z.string(),
  candidateId: z.string().nullable(),
  agentName: z.string().nullable(),
  agentProof: z.string().nullable(),
  agentProofFile: z
    .object({ filename: z.string(), contentType: z.string(), size: z.number().int() })
    .nullable(),
  details: z.string(),
  country: z.string().nullable(),
  jurisdiction: ZJurisdiction,
  verification: ZVerificationState,
  status: ZRequestStatus,
  /** When the request was recorded in Candor; for a portal request, the moment it arrived. */
  receivedAt: z.iso.datetime(),
  /** The day the request arrived (YYYY-MM-DD), from which its deadlines run. */
  receivedOn: z.iso.date(),
  dueOn: z.string(),
  deadline: z.enum(['on_track', 'due_soon', 'overdue', 'closed']),
  acknowledgeBy: z.string().nullable(),
  acknowledgedAt: z.iso.datetime().nullable(),
  /** What the request waits for next, and by when. */
  clock: z.object({
    kind: z.enum(['acknowledge', 'answer']),
    on: z.string(),
    state: z.enum(['on_track', 'due_soon', 'overdue', 'closed']),
  }),
  maxExtendedDueOn: z.string(),
  extendedAt: z.iso.datetime().nullable(),
  extensionReason: z.string().nullable(),
  assignee: z.object({ id: ZIdOf, name: z.string() }).nullable(),
  refusalReason: z.string().nullable(),
  answer: z.string().nullable(),
  actions: z.array(z.object({ at: z.string(), action: z.string(), detail: z.string() })),
  lastError: z.string().nullable(),
  completedAt: z.iso.datetime().nullable(),
  notes: z.array(
    z.object({ id: ZIdOf, body: z.string(), author: z.string().nullable(), createdAt: z.iso.datetime() }),
  ),
});
export type TPrivacyRequest = z.infer<typeof ZPrivacyRequest>;

// Strict: every field has a default, so unknown keys would otherwise pass as an empty filter.
export const ZRequestListParams = z.strictObject({
  status: z.enum(['open', ...REQUEST_STATUSES]).default('open'),
  type: ZRequestType.optional(),
});

export const ZRequestCounts = z.object({
  open: z.number().int(),
  dueSoon: z.number().int(),
  overdue: z.number().int(),
});
