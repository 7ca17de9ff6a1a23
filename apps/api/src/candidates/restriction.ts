import {
  COMPOSED_MESSAGE_TEMPLATES,
  EMAIL_TEMPLATES,
  roleCan,
  type TEmailTemplateKey,
  type TPermission,
} from '@candor/schemas';
import { AppError } from '../trpc/app-error.js';
import type { Actor } from '../trpc/init.js';

/**
 * Restriction of processing (GDPR Art. 18): the one rule every staff
 * procedure follows while a candidate's `restrictedAt` is set. Their data is
 * kept but not used:
 *
 * - Those who answer privacy requests (owners, admins) still see the
 *   candidate and their applications, to answer requests and to lift the
 *   restriction. Everyone else finds neither: not in lists, the board or
 *   searches, and "not found" on their pages, as for any record they cannot see.
 * - Nobody changes them until it is lifted: no stage moves or rejections,
 *   notes, tags, scorecards, interviews, offers, files, edits, merges or
 *   adding to a job (`assertNotRestricted`). Stopping something already under
 *   way (cancelling an interview, withdrawing an offer, recording that the
 *   candidate withdrew) stays possible: it ends processing rather than using the data.
 * - Hiring emails about them wait in the outbox; emails about their rights go out.
 * - They may still apply on the careers site (applying is their own act, and
 *   refusing would tell the form's sender that the address is restricted). The
 *   application is stored and held like the rest: hidden, frozen, unprocessed.
 *   Its confirmation goes out, saying it is held: it answers the person's own
 *   request and carries their consent receipt, and it moves nothing forward.
 *
 * Reading for the candidate's own export (privacy portal, access requests)
 * and legal holds are not staff hiring work and do not go through this.
 */

/** Who sees restricted candidates, and may restrict processing or lift it: those who answer privacy requests. */
export const MANAGES_RESTRICTION = 'requests.manage' satisfies TPermission;

export function seesRestricted(actor: Pick<Actor, 'role'>): boolean {
  return roleCan(actor.role, MANAGES_RESTRICTION);
}

/** A where-clause fragment for `Candidate` queries: restricted candidates only for those who see them. */
export function candidateRestrictionScope(actor: Pick<Actor, 'role'>): { restrictedAt?: null } {
  return seesRestricted(actor) ? {} : { restrictedAt: null };
}

/** The same for entities with a `candidate` relation (applications, attachments). */
export function byCandidateRestrictionScope(actor: Pick<Actor, 'role'>): {
  candidate?: { restrictedAt: null };
} {
  return seesRestricted(actor) ? {} : { candidate: { restrictedAt: null } };
}

/**
 * The same for `Application` queries, on the application's own copy of the
 * flag (kept by database triggers), so lists and counts need no join.
 */
export function applicationRestrictionScope(actor: Pick<Actor, 'role'>): { candidateRestricted?: false } {
  return seesRestricted(actor) ? {} : { candidateRestricted: false };
}

/**
 * Refuses a change about candidates who restricted processing. `consequence`
 * completes "A candidate asked to restrict processing of their data: ...";
 * `field` names the input the refusal is about, for the form.
 */
export function assertNotRestricted(
  candidates: { restrictedAt?: Date | null } | ReadonlyArray<{ restrictedAt?: Date | null }>,
  consequence = 'nothing about them can change',
  field?: string,
): void {
  const list = Array.isArray(candidates) ? candidates : [candidates];
  if (!list.some((c) => c.restrictedAt)) return;
  throw new AppError(
    'PRECONDITION_FAILED',
    `A candidate asked to restrict processing of their data: ${consequence} until that is lifted`,
    field ? { [field]: ['Restricted at the candidate’s request'] } : undefined,
  );
}

/** The tenant template that confirms an applicant's own application (see above): not held. */
const OWN_REQUEST_TEMPLATES: ReadonlySet<string> = new Set([
  'application_received',
] satisfies TEmailTemplateKey[]);

/**
 * Whether an outbox email waits while the candidate it is about is
 * restricted: the hiring emails (the tenant's templates, messages staff
 * wrote) do; emails about the
 * candidate's rights (privacy requests, the portal, restriction and its
 * lifting) and the confirmation of their own application do not.
 */
export function heldWhileRestricted(template: string): boolean {
  const composed: string[] = Object.values(COMPOSED_MESSAGE_TEMPLATES);
  return (
    (Object.hasOwn(EMAIL_TEMPLATES, template) && !OWN_REQUEST_TEMPLATES.has(template)) ||
    composed.includes(template) ||
    HELD_HIRING_LINKS.has(template)
  );
}

/** Hiring emails with a link for the candidate that are not tenant templates (docs/assessments.md). */
const HELD_HIRING_LINKS: ReadonlySet<string> = new Set(['assessment_invitation']);
