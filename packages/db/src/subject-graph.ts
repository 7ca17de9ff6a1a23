import type { TDataCategory } from '@candor/schemas';
import { type EntityMetadata, type EntityProperty, ReferenceKind } from '@mikro-orm/core';
import type { Em } from './orm.js';
import { categoryOf } from './privacy.js';
import { type CandidateDataPolicy, candidatePolicyOf, privacyPolicyOf } from './privacy-policy.js';

/**
 * Where a data subject's (a candidate's) data lives, derived from the
 * entities themselves: every entity whose relations lead to Candidate
 * (Application -> candidate, Scorecard -> interview -> application ->
 * candidate ...) holds data about that candidate, and the personal
 * annotations on its properties say which values are personal and of what
 * category. Exports, erasure and the record of processing read this graph,
 * so a new entity or column is covered the moment it is declared; what they
 * do with each entity is its privacy policy, which must say it holds
 * candidate data exactly when the graph reaches it.
 */

export interface SubjectEntity {
  /** Entity name, e.g. `Scorecard`. */
  entity: string;
  /** The relation path from this entity to the candidate, e.g. ['interview', 'application', 'candidate']; null when only the email links it. */
  path: string[] | null;
  /** A property holding an email address (category `user.contact.email`): rows with the candidate's address are theirs too. */
  emailProperty: string | null;
  /** Personal properties and their categories. */
  personal: Array<{ property: string; category: TDataCategory }>;
  /** Scalar properties that are not personal (ids, dates, states), kept as context in exports. */
  context: string[];
  /** Many-to-one relations other than the path, as (property, target entity). */
  relations: Array<{ property: string; target: string }>;
  /** What export, erasure and retention do with it (declared with the entity). */
  policy: CandidateDataPolicy;
}

function manyToOnes(meta: EntityMetadata): EntityProperty[] {
  return Object.values(meta.properties).filter((p) => p.kind === ReferenceKind.MANY_TO_ONE);
}

/** Shortest many-to-one paths to Candidate, breadth-first over reversed relations. */
function pathsToCandidate(all: EntityMetadata[]): Map<string, string[]> {
  const paths = new Map<string, string[]>([['Candidate', []]]);
  let frontier = ['Candidate'];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const meta of all) {
      if (paths.has(meta.className)) continue;
      for (const relation of manyToOnes(meta)) {
        const targetPath = paths.get(relation.type);
        if (targetPath && frontier.includes(relation.type)) {
          paths.set(meta.className, [relation.name, ...targetPath]);
          next.push(meta.className);
          break;
        }
      }
    }
    frontier = next;
  }
  return paths;
}

/**
 * Every entity that holds data about a candidate: those whose relations
 * lead to Candidate, and those with an email property outside staff
 * accounts (a message in the outbox to their address). Ordered for
 * deletion: the entities furthest from the candidate first, Candidate last.
 */
export function subjectGraph(em: Em): SubjectEntity[] {
  const all = Object.values(em.getMetadata().getAll()).filter((m) => !m.embeddable && !m.virtual);
  const paths = pathsToCandidate(all);
  const nodes: SubjectEntity[] = [];
  for (const meta of all) {
    const props = Object.values(meta.properties);
    const path = paths.get(meta.className) ?? null;
    // Staff accounts hold staff's own email; a candidate's erasure or export never reaches them.
    const email =
      meta.className === 'Candidate' || privacyPolicyOf(meta.className).holds === 'staff'
        ? undefined
        : props.find((p) => categoryOf(meta.className, p.name) === 'user.contact.email');
    if (!path && !email) continue;
    nodes.push({
      entity: meta.className,
      path,
      emailProperty: email?.name ?? null,
      personal: props.flatMap((p) => {
        const category = categoryOf(meta.className, p.name);
        return category ? [{ property: p.name, category }] : [];
      }),
      context: props
        .filter((p) => p.kind === ReferenceKind.SCALAR && !categoryOf(meta.className, p.name))
        .map((p) => p.name),
      relations: manyToOnes(meta)
        .filter((p) => p.name !== path?.[0])
        .map((p) => ({ property: p.name, target: p.type })),
      policy: candidatePolicyOf(meta.className),
    });
  }
  const reached = new Set(nodes.map((n) => n.entity));
  const unreached = all.filter(
    (m) => !reached.has(m.className) && privacyPolicyOf(m.className).holds === 'candidate',
  );
  if (unreached.length > 0) {
    throw new Error(
      `${unreached.map((m) => m.className).join(', ')}: privacy policy says candidate data, but no relation or email address leads to a candidate`,
    );
  }
  const depth = (n: SubjectEntity) => (n.path ? n.path.length : Number.MAX_SAFE_INTEGER);
  return nodes.sort((a, b) => depth(b) - depth(a) || a.entity.localeCompare(b.entity));
}

/**
 * A filter selecting the rows of `node` that belong to the candidate (by
 * relation or by their email address), or to any of several candidates
 * when given lists.
 */
export function subjectWhere(
  node: SubjectEntity,
  candidateId: string | string[],
  email: string | string[],
): Record<string, unknown> {
  const match = (value: string | string[]) => (Array.isArray(value) ? { $in: value } : value);
  const alternatives: Array<Record<string, unknown>> = [];
  if (node.path?.length === 0) alternatives.push({ id: match(candidateId) });
  else if (node.path) {
    alternatives.push(
      node.path.reduceRight<Record<string, unknown>>(
        (inner, property) => ({ [property]: inner }),
        match(candidateId) as never,
      ),
    );
  }
  if (node.emailProperty) alternatives.push({ [node.emailProperty]: match(email) });
  return alternatives.length === 1 ? (alternatives[0] as Record<string, unknown>) : { $or: alternatives };
}
