import { createHash } from 'node:crypto';
import type { Application, InferEntity, JobStage } from '@candor/db';
import { REVIEWS_BLIND, type TBlindCandidateRef } from '@candor/schemas';
import { AppError } from '../trpc/app-error.js';
import type { Actor } from '../trpc/init.js';
import { type CandidateIdentity, redactorFor } from './redaction.js';

/**
 * Blind review, decided in one place: an application is blind for an actor
 * when the actor's role reviews blind (hiring managers, who are also the
 * interviewers recruiters invite), the application sits in a stage of its
 * job marked for blind review, and no recruiter has revealed the identity.
 * Services shape their output through these helpers; the output schemas
 * (see @candor/schemas hiring/blind-review.ts) refuse identifying fields in
 * the blind shapes.
 */
type BlindCheckable = Pick<InferEntity<typeof Application>, 'id' | 'identityRevealedAt'> & {
  stage: Pick<InferEntity<typeof JobStage>, 'blindReview'>;
};

export function reviewsBlind(actor: Pick<Actor, 'role'>): boolean {
  return REVIEWS_BLIND.includes(actor.role);
}

export function isBlindFor(actor: Pick<Actor, 'role'>, app: BlindCheckable): boolean {
  return reviewsBlind(actor) && app.stage.blindReview && !app.identityRevealedAt;
}

/** Applications in blind review, as a where-clause fragment on `Application`. */
export const IN_BLIND_REVIEW = { stage: { blindReview: true }, identityRevealedAt: null } as const;

/**
 * For an actor who reviews blind, the applications they may look up by
 * anything identifying (a search, a candidate): those not in blind review.
 * Empty for everyone else.
 */
export function identifiableScope(actor: Pick<Actor, 'role'>) {
  return reviewsBlind(actor) ? { $not: IN_BLIND_REVIEW } : {};
}

/** "Candidate 7F3K": stable for one application, unrelated across the same person's applications. */
export function blindAlias(applicationId: string): string {
  const code = createHash('sha256')
    .update(`blind-review:${applicationId}`)
    .digest('hex')
    .slice(0, 4)
    .toUpperCase();
  return `Candidate ${code}`;
}

export function blindCandidateRef(applicationId: string): TBlindCandidateRef {
  return { blind: true, alias: blindAlias(applicationId), restrictedAt: null };
}

/**
 * The text fields of a blind application as the reviewer reads them: with
 * the candidate's identity and anything dating them replaced. Identity when
 * not blind.
 */
export function textFilterFor(
  actor: Pick<Actor, 'role'>,
  app: BlindCheckable & { candidate: CandidateIdentity },
): (text: string) => string {
  if (!isBlindFor(actor, app)) return (text) => text;
  const redact = redactorFor(app.candidate);
  return (text) => redact(text).text;
}

/** Originals (files, letters) of a blind application are not for the reviewer: they carry the identity. */
export function assertNotBlind(actor: Pick<Actor, 'role'>, app: BlindCheckable, what: string): void {
  if (isBlindFor(actor, app)) {
    throw new AppError('FORBIDDEN', `This application is in blind review: ${what}`);
  }
}
