import { type Em, type InferEntity, PrivacyRequest } from '@candor/db';
import { dayOf, requestClock, requestDeadlines, type TRequestStatus } from '@candor/schemas';
import { AppError } from '../../trpc/app-error.js';

export type RequestRow = InferEntity<typeof PrivacyRequest>;

export const OPEN: TRequestStatus[] = ['received', 'verified', 'in_progress'];

/** The deadline that counts for an open request today (see requestClock). */
export function clockOf(
  row: Pick<RequestRow, 'receivedOn' | 'jurisdiction' | 'extendedAt' | 'dueOn' | 'acknowledgedAt' | 'status'>,
  today: string = dayOf(),
) {
  const { acknowledgeBy } = requestDeadlines(row.receivedOn, row.jurisdiction, Boolean(row.extendedAt));
  return requestClock(
    {
      dueOn: row.dueOn,
      acknowledgeBy,
      acknowledged: Boolean(row.acknowledgedAt),
      closed: !OPEN.includes(row.status),
    },
    today,
  );
}

export async function loadRequest(em: Em, id: string): Promise<RequestRow> {
  const row = await em.findOne(PrivacyRequest, id, { populate: ['assignee', 'candidate'] });
  if (!row) throw new AppError('NOT_FOUND', 'No such request');
  return row;
}

/**
 * Data is given out, corrected or erased through a request only once the
 * requester is known to be the person it is about (GDPR Art. 12(6), CCPA
 * regulations §7060): a portal request is verified by the emailed code, one
 * entered by staff by their "verified" step. Hiding the buttons is not enough.
 */
export function assertIdentityVerified(row: RequestRow): void {
  if (row.verification !== 'verified') {
    throw new AppError(
      'PRECONDITION_FAILED',
      'Verify the requester’s identity first: until then their data may not be given out, corrected or erased',
    );
  }
}

export function note(row: RequestRow, action: string, detail: string): void {
  row.actions = [...row.actions, { at: new Date().toISOString(), action, detail }];
}
