/**
 * What the privacy model does with each entity, declared beside the entity
 * itself (the second argument of `defineEntity` in entities/define-entity.ts,
 * which cannot be left out). Export, erasure, retention and the record of
 * processing read these policies and the personal annotations, never lists of
 * entity names of their own.
 */

/** A value the database computes for each row, e.g. from the row's own id. */
export interface SqlExpression {
  expression: string;
}

/** Rows about one candidate, found through the subject graph (relations leading to Candidate, or their email address). */
export interface CandidateDataPolicy<P extends string = string> {
  holds: 'candidate';
  /** Where the data comes from (Art. 15(1)(g)), as the person's export says it. */
  source: string;
  /**
   * A candidate's erasure: `delete` their rows, or `anonymize` them (the row
   * stays, e.g. as an anonymous statistic or as proof, with every personal
   * value blanked).
   */
  erasure: 'delete' | 'anonymize';
  /** With `anonymize`: personal properties given a per-row value instead of a blank. */
  anonymizedValues?: Partial<Record<P, SqlExpression>>;
  /** With `anonymize`: other properties set to null with the data, state that ends with it. */
  clearedOnErasure?: readonly P[];
  /**
   * Retention's anonymization of an application (after a rejection): the
   * application itself is `anonymize`d, rows about it holding personal values
   * are `delete`d, and rows that `keep` are about the candidate as a whole or
   * hold nothing personal (erasing the candidate deals with them).
   */
  onApplicationAnonymized: 'anonymize' | 'delete' | 'keep';
  /**
   * The person's export: `all` copies, or the subject's own copy only
   * (`staffCopyNote` says in the staff's copy where to find it);
   * `sentTo` narrows the rows to those addressed to the person.
   */
  export: { copies: 'all'; sentTo?: P } | { copies: 'subject-only'; staffCopyNote: string; sentTo?: P };
  /** Properties naming a file in the file store: the file goes with its row. */
  files?: readonly P[];
  /**
   * A property naming the data key the row's personal values are sealed
   * under, when that is not the candidate's own (a received application not
   * filed yet): the export opens them with it, and an erasure destroys it
   * with the row.
   */
  sealedUnder?: P;
}

/**
 * Staff's own data: never reached by a candidate's export or erasure (not
 * even by an email address they share), listed as staff data in the record
 * of processing. A candidate's export shows a relation to it as a role.
 */
export interface StaffDataPolicy {
  holds: 'staff';
}

/** No one's personal data (company settings, keys, counters, hashes). */
export interface NoPersonalDataPolicy<P extends string = string> {
  holds: 'nobody';
  /** Why nothing here is about a person. */
  because: string;
  /** How a candidate's export shows a relation to a row of it: by this property (a job by its title), not by id. */
  exportLabel?: P;
}

export type PrivacyPolicy<P extends string = string> =
  | CandidateDataPolicy<P>
  | StaffDataPolicy
  | NoPersonalDataPolicy<P>;

const policies = new Map<string, PrivacyPolicy>();

/** Called by defineEntity only. */
export function registerPrivacyPolicy(entity: string, policy: PrivacyPolicy): void {
  if (policies.has(entity)) throw new Error(`Two privacy policies for ${entity}`);
  policies.set(entity, policy);
}

/** The policy declared with the entity (by class name); throws for an entity defined without one. */
export function privacyPolicyOf(entity: string): PrivacyPolicy {
  const policy = policies.get(entity);
  if (!policy)
    throw new Error(
      `${entity} has no privacy policy: define it with defineEntity from entities/define-entity.ts`,
    );
  return policy;
}

/** The policy of an entity the subject graph reached: it must say it holds candidate data. */
export function candidatePolicyOf(entity: string): CandidateDataPolicy {
  const policy = privacyPolicyOf(entity);
  if (policy.holds !== 'candidate')
    throw new Error(
      `${entity} holds a candidate's data (it relates to Candidate), but its privacy policy says ${policy.holds}`,
    );
  return policy;
}
