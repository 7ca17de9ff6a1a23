import type { Application, Candidate, InferEntity, JobStage, User } from '@candor/db';
import { blindCandidateRef, isBlindFor } from '../hiring/blind-review.js';
import type { Actor } from '../trpc/init.js';

export type ApplicationRow = InferEntity<typeof Application>;
export type CandidateRow = InferEntity<typeof Candidate>;
export type StageRow = InferEntity<typeof JobStage>;

export const stageRef = (s: StageRow) => ({
  id: s.id,
  name: s.name,
  kind: s.kind,
  blindReview: s.blindReview,
});
export const userRef = (u: InferEntity<typeof User> | null | undefined) =>
  u ? { id: u.id, name: u.name } : null;
export const candidateRef = (c: Pick<CandidateRow, 'id' | 'name' | 'email' | 'restrictedAt'>) => ({
  blind: false as const,
  id: c.id,
  name: c.name,
  email: c.email,
  restrictedAt: c.restrictedAt?.toISOString() ?? null,
});

/** Who applied, as this actor may see them: under blind review only the application's alias. */
export const candidateRefFor = (actor: Actor, a: ApplicationRow) =>
  isBlindFor(actor, a) ? blindCandidateRef(a.id) : candidateRef(a.candidate);
