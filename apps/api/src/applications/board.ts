import {
  applicationCountsByStage,
  type Em,
  type InferEntity,
  type Job,
  ormDialectOfEm,
  tableQuery,
} from '@candor/db';
import type { TApplicationListItem, TBoard } from '@candor/schemas';
import { recordAudit } from '../audit/audit.service.js';
import { seesRestricted } from '../candidates/restriction.js';
import { blindCandidateRef, isBlindFor, textFilterFor } from '../hiring/blind-review.js';
import { visibleJobStages } from '../hiring/job-scope.js';
import type { Actor } from '../trpc/init.js';
import { candidateRef, type StageRow, stageRef } from './application-refs.js';

type BoardCardRow = {
  id: string;
  stage_id: string;
  status: TApplicationListItem['status'];
  source: TApplicationListItem['source'];
  applied_at: Date | number | string;
  last_activity_at: Date | number | string;
  candidate_id: string;
  candidate_name: string;
  candidate_email: string;
  candidate_restricted_at: Date | number | string | null;
  candidate_phone: string | null;
  candidate_location: string | null;
  identity_revealed_at: Date | number | string | null;
  /** The latest stage move (the stage history's last entry). */
  entered_at: Date | number | string | null;
  /** The application's tags joined by TAG_SEPARATOR, in no particular order. */
  tags: string | null;
};

/** Joins an application's tags in one column: a control character, which a tag (ZTag) cannot hold. */
const TAG_SEPARATOR = '\u001f';

/**
 * The board's cards as a plain projection in one statement: the cards
 * `chosen` names (a sub-query of application ids), each with its candidate,
 * tags and latest stage move. A board shows 400 cards; reading their tags
 * and history separately meant two more statements with 400 parameters each,
 * and hydrating entities cost more than reading.
 * (Dates come back as epoch milliseconds from SQLite, as Date from PostgreSQL.)
 */
async function boardCards(
  em: Em,
  actor: Actor,
  job: InferEntity<typeof Job>,
  stages: Map<string, StageRow>,
  chosen: ReturnType<typeof tableQuery>,
): Promise<TApplicationListItem[]> {
  const knex = em.getKnex();
  const joinedTags =
    ormDialectOfEm(em) === 'postgresql'
      ? knex.raw(
          `(select string_agg(t.tag, chr(31)) from application_tag t where t.application_id = a.id) as tags`,
        )
      : knex.raw(
          `(select group_concat(t.tag, char(31)) from application_tag t where t.application_id = a.id) as tags`,
        );
  const rows: BoardCardRow[] = await tableQuery(em, 'application as a')
    .join(chosen.as('chosen'), 'chosen.id', 'a.id')
    .join('candidate as c', 'c.id', 'a.candidate_id')
    .select(
      'a.id',
      'a.stage_id',
      'a.status',
      'a.source',
      'a.applied_at',
      'a.last_activity_at',
      'c.id as candidate_id',
      'c.name as candidate_name',
      'c.email as candidate_email',
      'c.restricted_at as candidate_restricted_at',
      'c.phone as candidate_phone',
      'c.location as candidate_location',
      'a.identity_revealed_at',
      knex.raw('(select max(s.at) from stage_change s where s.application_id = a.id) as entered_at'),
      joinedTags,
    );
  return rows
    .map((r) => {
      const appliedAt = new Date(r.applied_at);
      const stage = stages.get(r.stage_id)!;
      const identityRevealedAt = r.identity_revealed_at === null ? null : new Date(r.identity_revealed_at);
      const shown = textFilterFor(actor, {
        id: r.id,
        stage,
        identityRevealedAt,
        candidate: {
          name: r.candidate_name,
          email: r.candidate_email,
          phone: r.candidate_phone,
          location: r.candidate_location,
          links: [],
        },
      });
      return {
        id: r.id,
        candidate: isBlindFor(actor, { id: r.id, stage, identityRevealedAt })
          ? blindCandidateRef(r.id)
          : candidateRef({
              id: r.candidate_id,
              name: r.candidate_name,
              email: r.candidate_email,
              restrictedAt: r.candidate_restricted_at === null ? null : new Date(r.candidate_restricted_at),
            }),
        job: { id: job.id, title: job.title },
        stage: stageRef(stage),
        status: r.status,
        source: r.source,
        tags: (r.tags ? r.tags.split(TAG_SEPARATOR).sort() : []).map(shown),
        appliedAt: appliedAt.toISOString(),
        lastActivityAt: new Date(r.last_activity_at).toISOString(),
        stageEnteredAt: (r.entered_at === null ? appliedAt : new Date(r.entered_at)).toISOString(),
      };
    })
    .sort((a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt) || b.id.localeCompare(a.id));
}

/** One column per stage with its count and most recently active cards. */
export async function board(
  em: Em,
  actor: Actor,
  input: { jobId: string; perColumn: number },
): Promise<TBoard> {
  const { job, stages } = await visibleJobStages(em, actor, input.jobId);
  const knex = em.getKnex();
  const withRestricted = seesRestricted(actor);
  // Raw SQL bypasses the ORM's tenant filter. The job above was loaded through
  // it, and an application always belongs to its job's tenant, so the job id
  // alone scopes these reads. Restricted candidates' cards count and show only
  // for those who see them (the application carries the flag: no join).
  // Each column's first cards are the first rows of the board index for its
  // stage, one limited read per column in a single statement; the counts are
  // the maintained ones (../application-counts.ts).
  const firstCards = stages.map((stage, i) => {
    const column = knex('application')
      .select('id')
      .where({ job_id: job.id, stage_id: stage.id })
      .orderBy([
        { column: 'last_activity_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(input.perColumn);
    if (!withRestricted) column.where('candidate_restricted', false);
    return knex.select('id').from(column.as(`column${i}`));
  });
  const [counts, cards] = await Promise.all([
    applicationCountsByStage(em, { tenantId: actor.tenantId, withRestricted, jobIds: [job.id] }),
    firstCards.length
      ? boardCards(
          em,
          actor,
          job,
          new Map(stages.map((stage) => [stage.id, stage])),
          firstCards.slice(1).reduce((all, next) => all.unionAll(next), firstCards[0]!),
        )
      : Promise.resolve([]),
  ]);
  recordAudit(em, actor, { action: 'application.board', targetType: 'Job', targetId: job.id });
  await em.flush();
  return {
    job: { id: job.id, title: job.title, status: job.status },
    columns: stages.map((stage) => ({
      stage: stageRef(stage),
      count: counts.get(stage.id) ?? 0,
      cards: cards.filter((card) => card.stage.id === stage.id),
    })),
  };
}
