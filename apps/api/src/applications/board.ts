import {
  Application,
  ApplicationNote,
  ApplicationTag,
  Candidate,
  applicationCountsByStage,
  candidatesMatching,
  countApplications,
  type Em,
  findPage,
  type InferEntity,
  Job,
  JobStage,
  ormDialectOfEm,
  StageChange,
  tableQuery,
  Tenant,
  User,
} from '@candor/db';
import type {
  TApplication,
  TApplicationListItem,
  TApplicationSource,
  TBoard,
  TNote,
  ZApplicationListParams,
  ZApplicationMoveInput,
  ZApplicationRejectInput,
} from '@candor/schemas';
import { raw } from '@mikro-orm/core';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit.service.js';
import { assertNotRestricted, candidateRestrictionScope, seesRestricted } from '../candidates/restriction.js';
import { dayRange } from '../hiring/date-range.js';
import { candidateKey, type DataKeys, ensureTenantDataKey, openAnswers, openText, sealFor } from '../keys/data-keys.js';
import { blindCandidateRef, identifiableScope, isBlindFor, textFilterFor } from '../hiring/blind-review.js';
import { applicationScope, visibleApplication, visibleJob, visibleJobStages } from '../hiring/job-scope.js';
import { renderEmail } from '../mail/email-templates.service.js';
import { enqueueEmail } from '../mail/outbox.js';
import { hiringSettingsOf } from '../settings/settings.service.js';
import { AppError } from '../trpc/app-error.js';
import type { Actor } from '../trpc/init.js';

type ApplicationRow = InferEntity<typeof Application>;
type CandidateRow = InferEntity<typeof Candidate>;
type StageRow = InferEntity<typeof JobStage>;

const stageRef = (s: StageRow) => ({ id: s.id, name: s.name, kind: s.kind, blindReview: s.blindReview });
const userRef = (u: InferEntity<typeof User> | null | undefined) => (u ? { id: u.id, name: u.name } : null);
const candidateRef = (c: Pick<CandidateRow, 'id' | 'name' | 'email' | 'restrictedAt'>) => ({
  blind: false as const,
  id: c.id,
  name: c.name,
  email: c.email,
  restrictedAt: c.restrictedAt?.toISOString() ?? null,
});

/** Who applied, as this actor may see them: under blind review only the application's alias. */
const candidateRefFor = (actor: Actor, a: ApplicationRow) =>
  isBlindFor(actor, a) ? blindCandidateRef(a.id) : candidateRef(a.candidate);

/**
 * The tags of already visible applications, as plain rows: a board asks for
 * hundreds at once, and making each an entity cost more than reading it.
 */
async function tagsOf(em: Em, ids: string[]): Promise<Map<string, string[]>> {
  const byApp = new Map<string, string[]>();
  if (ids.length === 0) return byApp;
  const query = tableQuery(em, 'application_tag').select('application_id', 'tag').whereIn('application_id', ids);
  for (const row of (await query) as Array<{ application_id: string; tag: string }>) {
    const tags = byApp.get(row.application_id) ?? [];
    tags.push(row.tag);
    byApp.set(row.application_id, tags);
  }
  // Sorted here, as the board sorts its cards' tags: the databases' collations differ.
  for (const tags of byApp.values()) tags.sort();
  return byApp;
}

function toListItem(actor: Actor, a: ApplicationRow, tags: string[], stageEnteredAt: Date | undefined): TApplicationListItem {
  return {
    id: a.id,
    candidate: candidateRefFor(actor, a),
    job: { id: a.job.id, title: a.job.title },
    stage: stageRef(a.stage),
    status: a.status,
    source: a.source,
    // Tags are staff's free text too: a blind reviewer gets them redacted.
    tags: tags.map(textFilterFor(actor, a)),
    appliedAt: a.appliedAt.toISOString(),
    lastActivityAt: a.lastActivityAt.toISOString(),
    stageEnteredAt: (stageEnteredAt ?? a.appliedAt).toISOString(),
  };
}

/** When each application made its latest stage move, in one grouped query. */
async function stageEnteredAt(em: Em, ids: string[]): Promise<Map<string, Date>> {
  if (ids.length === 0) return new Map();
  const rows = await em
    .createQueryBuilder(StageChange, 's')
    .select(['s.application', raw('max(s.at) as entered')])
    .where({ application: { $in: ids } })
    .groupBy('s.application')
    .execute<Array<{ application: string; entered: Date | number | string }>>('all', true);
  return new Map(rows.map((r) => [r.application, new Date(r.entered)]));
}

async function toListItems(em: Em, actor: Actor, rows: ApplicationRow[]): Promise<TApplicationListItem[]> {
  const ids = rows.map((r) => r.id);
  const [tags, entered] = await Promise.all([tagsOf(em, ids), stageEnteredAt(em, ids)]);
  return rows.map((r) => toListItem(actor, r, tags.get(r.id) ?? [], entered.get(r.id)));
}


/**
 * Ids of applications with a tag, as a sub-query rather than a list of ids:
 * a tag can sit on tens of thousands of applications. MikroORM takes a knex
 * query as the value of `$in`; its types only know arrays.
 */
function taggedWith(em: Em, tenantId: string, tag: string): string[] {
  // The query builder's knex query skips the tenant filter: name the tenant (and use its index).
  return em
    .createQueryBuilder(ApplicationTag, 't')
    .select('t.application')
    .where({ tenant: tenantId, tag })
    .getKnexQuery() as unknown as string[];
}

export async function listApplications(em: Em, actor: Actor, params: z.output<typeof ZApplicationListParams>) {
  const { page, perPage } = params.pagination;
  const f = params.filter;
  const scope = await applicationScope(em, actor);
  if (f.jobId && scope.job && !scope.job.$in.includes(f.jobId)) return { data: [], total: 0 };
  const applied = dayRange(f.appliedFrom, f.appliedTo);
  // Each condition on the candidate on its own, so that none replaces another.
  const onCandidate = [
    ...(f.candidateId ? [{ candidate: f.candidateId }] : []),
    ...(f.q ? [{ candidate: await candidatesMatching(em, actor.tenantId, f.q) }] : []),
    // A search by name, tag or a candidate's id must not tell a blind reviewer who is behind an alias.
    ...(f.q || f.candidateId || f.tag ? [identifiableScope(actor)] : []),
  ];
  const where = {
    ...scope,
    ...(f.jobId ? { job: f.jobId } : {}),
    ...(f.stageId ? { stage: f.stageId } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.source ? { source: f.source } : {}),
    ...(applied ? { appliedAt: applied } : {}),
    // A semi-join, not a list of ids: a tag can sit on tens of thousands of applications.
    ...(f.tag ? { id: { $in: taggedWith(em, actor.tenantId, f.tag) } } : {}),
    ...(onCandidate.length ? { $and: onCandidate } : {}),
  };
  // A filter of only jobs, a stage and a status is counted by the maintained counts, not by reading the matches.
  const countable = !f.source && !applied && !f.tag && onCandidate.length === 0;
  const { rows, total, capped } = await findPage(em, Application, where, {
    populate: ['candidate', 'job', 'stage'],
    orderBy: [{ [params.sort.field]: params.sort.order }, { id: params.sort.order === 'ASC' ? 'asc' : 'desc' }],
    page,
    perPage,
    after: params.pagination.after,
    count: countable
      ? () =>
          countApplications(em, {
            tenantId: actor.tenantId,
            withRestricted: seesRestricted(actor),
            jobIds: f.jobId ? [f.jobId] : scope.job?.$in,
            stageId: f.stageId,
            status: f.status,
          })
      : undefined,
  });
  recordAudit(em, actor, { action: 'application.list', targetType: 'Application' });
  await em.flush();
  return { data: await toListItems(em, actor, rows), total, capped };
}

export async function getApplication(em: Em, actor: Actor, keys: DataKeys, id: string): Promise<TApplication> {
  const app = await visibleApplication(em, actor, id);
  recordAudit(em, actor, { action: 'application.read', targetType: 'Application', targetId: id, subjectId: app.candidate.id });
  await em.flush();
  return toApplication(em, actor, keys, app);
}

/** The candidate's data key, for opening what is stored sealed; null once it was destroyed. */
function keyOf(em: Em, keys: DataKeys, app: ApplicationRow): Promise<Buffer | null> {
  return candidateKey(em, keys, { tenantId: app.tenant.id, candidateId: app.candidate.id });
}

async function toApplication(em: Em, actor: Actor, keys: DataKeys, app: ApplicationRow): Promise<TApplication> {
  const [history, notes, tags, stages, settings, key] = await Promise.all([
    em.find(StageChange, { application: app }, { populate: ['fromStage', 'toStage', 'by'], orderBy: { at: 'asc' } }),
    em.find(ApplicationNote, { application: app }, { populate: ['author'], orderBy: { createdAt: 'desc' } }),
    tagsOf(em, [app.id]),
    em.find(JobStage, { job: app.job }, { orderBy: { position: 'asc' } }),
    hiringSettingsOf(em, app.tenant.id),
    keyOf(em, keys, app),
  ]);
  if (app.decidedBy) await em.populate(app, ['decidedBy']);
  if (app.hrExportedBy) await em.populate(app, ['hrExportedBy']);
  if (app.identityRevealedBy) await em.populate(app, ['identityRevealedBy']);
  const reason = settings.rejectionReasons.find((r) => r.id === app.rejectionReasonId);
  const shown = textFilterFor(actor, app);
  return {
    ...toListItem(actor, app, tags.get(app.id) ?? [], history.at(-1)?.at),
    candidate: isBlindFor(actor, app)
      ? blindCandidateRef(app.id)
      : { ...candidateRef(app.candidate), phone: app.candidate.phone ?? null },
    blindReview: {
      stageIsBlind: app.stage.blindReview,
      revealed: app.identityRevealedAt ? { at: app.identityRevealedAt.toISOString(), by: userRef(app.identityRevealedBy) } : null,
    },
    answers: openAnswers(key, app.answers).map((a) => ({ ...a, answer: shown(a.answer) })),
    stageHistory: history.map((h) => ({
      id: h.id,
      from: h.fromStage ? stageRef(h.fromStage) : null,
      to: stageRef(h.toStage),
      by: userRef(h.by),
      at: h.at.toISOString(),
    })),
    notes: notes.map((n) => toNote(key, n, shown)),
    rejection:
      app.status === 'rejected' && app.rejectionReasonId
        ? {
            reasonId: app.rejectionReasonId,
            reasonLabel: reason?.label ?? app.rejectionReasonId,
            note: shown(openText(key, app.rejectionNote) ?? ''),
            at: (app.decidedAt ?? app.lastActivityAt).toISOString(),
            by: userRef(app.decidedBy),
          }
        : null,
    jobStages: stages.map(stageRef),
    noticeVersion: app.noticeVersion ?? null,
    coverLetter: mapNullable(openText(key, app.coverLetter), shown),
    salaryExpectation: app.salaryExpectation ?? null,
    hrExport: app.hrExportedAt ? { at: app.hrExportedAt.toISOString(), by: userRef(app.hrExportedBy) } : null,
  };
}

function toNote(key: Buffer | null, n: InferEntity<typeof ApplicationNote>, shown: (text: string) => string): TNote {
  return { id: n.id, body: shown(openText(key, n.body)), author: userRef(n.author), createdAt: n.createdAt.toISOString() };
}

const mapNullable = <T, U>(value: T | null, f: (value: T) => U): U | null => (value === null ? null : f(value));

/**
 * Puts a candidate into a job's first stage, with the first line of its
 * stage history. Used by staff (sourced, referral) and by the careers site.
 */
export async function createApplicationIn(
  tx: Em,
  actor: Pick<Actor, 'tenantId'> & { userId: string | null },
  input: { candidate: CandidateRow; jobId: string; source: TApplicationSource; answers?: ApplicationRow['answers'] },
): Promise<ApplicationRow> {
  const job = await tx.findOne(Job, input.jobId);
  if (!job) throw new AppError('NOT_FOUND', 'No such job', { jobId: ['Unknown job'] });
  if (job.status === 'archived') throw new AppError('PRECONDITION_FAILED', 'This job is archived', { jobId: ['Archived'] });
  if (await tx.findOne(Application, { job, candidate: input.candidate })) {
    throw new AppError('CONFLICT', 'This candidate already applied to this job', { jobId: ['Already applied'] });
  }
  const first = await tx.findOne(JobStage, { job, kind: 'applied' });
  if (!first) throw new Error('job has no applied stage');
  const by = actor.userId ? tx.getReference(User, actor.userId) : null;
  const app = tx.create(Application, {
    tenant: actor.tenantId,
    candidate: input.candidate,
    job,
    stage: first,
    status: 'active',
    source: input.source,
    answers: input.answers ?? [],
  });
  tx.create(StageChange, { tenant: actor.tenantId, application: app, fromStage: null, toStage: first, by });
  input.candidate.lastActivityAt = new Date();
  return app;
}

export async function createApplication(
  em: Em,
  actor: Actor,
  keys: DataKeys,
  input: { candidateId: string; jobId: string; source: TApplicationSource },
): Promise<TApplication> {
  await visibleJob(em, actor, input.jobId);
  const app = await em.transactional(async (tx) => {
    const candidate = await tx.findOne(Candidate, { id: input.candidateId, ...candidateRestrictionScope(actor) });
    if (!candidate) throw new AppError('NOT_FOUND', 'No such candidate', { candidateId: ['Unknown candidate'] });
    assertNotRestricted(candidate, 'they cannot be added to a job', 'candidateId');
    const app = await createApplicationIn(tx, actor, { candidate, jobId: input.jobId, source: input.source });
    recordAudit(tx, actor, { action: 'application.create', targetType: 'Application', targetId: app.id, subjectId: candidate.id });
    await tx.flush();
    return app;
  });
  return getApplication(em, actor, keys, app.id);
}

/**
 * Moves an application to a stage with a line of stage history. `byUserId`
 * is null when the candidate moved it (accepting an offer). Shared by every
 * action that changes the stage.
 */
export function moveToStage(tx: Em, app: ApplicationRow, stage: StageRow, byUserId: string | null): void {
  if (app.stage.id === stage.id) return;
  tx.create(StageChange, {
    tenant: app.tenant.id,
    application: app,
    fromStage: app.stage,
    toStage: stage,
    by: byUserId ? tx.getReference(User, byUserId) : null,
  });
  app.stage = stage;
  app.lastActivityAt = new Date();
  app.candidate.lastActivityAt = app.lastActivityAt;
}

/** Loads the applications for a bulk action; all must exist, be visible and not restricted, or nothing happens. */
async function applicationsForUpdate(tx: Em, actor: Actor, ids: string[]): Promise<ApplicationRow[]> {
  const rows = await tx.find(Application, { id: { $in: ids }, ...(await applicationScope(tx, actor)) }, { populate: ['candidate', 'job', 'stage'] });
  if (rows.length !== new Set(ids).size) throw new AppError('NOT_FOUND', 'Some applications no longer exist');
  assertNotRestricted(rows.map((r) => r.candidate), 'their applications cannot move', 'ids');
  return rows;
}

/**
 * Moves applications to a stage of their job. Moving to the hired stage
 * hires, moving out of rejected reopens; rejection has its own action
 * because it needs a reason.
 */
export async function moveApplications(em: Em, actor: Actor, input: z.output<typeof ZApplicationMoveInput>) {
  return em.transactional(async (tx) => {
    const stage = await tx.findOne(JobStage, input.stageId);
    if (!stage) throw new AppError('NOT_FOUND', 'No such stage', { stageId: ['Unknown stage'] });
    if (stage.kind === 'rejected') {
      throw new AppError('BAD_REQUEST', 'Use Reject to move applications to the rejected stage', { stageId: ['Use Reject'] });
    }
    const apps = await applicationsForUpdate(tx, actor, input.ids);
    if (apps.some((a) => a.job.id !== stage.job.id)) {
      throw new AppError('BAD_REQUEST', 'All applications must belong to the job of the stage', { stageId: ['Other job'] });
    }
    let updated = 0;
    let skipped = 0;
    for (const app of apps) {
      if (app.stage.id === stage.id || app.status === 'withdrawn') {
        skipped++;
        continue;
      }
      moveToStage(tx, app, stage, actor.userId);
      app.status = stage.kind === 'hired' ? 'hired' : 'active';
      if (app.status === 'active') {
        app.rejectionReasonId = null;
        app.rejectionNote = null;
      }
      if (stage.kind === 'hired') {
        app.decidedAt = new Date();
        app.decidedBy = tx.getReference(User, actor.userId);
      }
      recordAudit(tx, actor, { action: 'application.move', targetType: 'Application', targetId: app.id, subjectId: app.candidate.id });
      updated++;
    }
    await tx.flush();
    return { updated, skipped };
  });
}

/**
 * Rejects applications with a reason, and queues the tenant's rejection
 * email to go out after the chosen delay (so a rejection is not instant).
 */
export async function rejectApplications(
  em: Em,
  actor: Actor,
  keys: DataKeys,
  input: z.output<typeof ZApplicationRejectInput>,
  publicUrl: string,
) {
  const settings = await hiringSettingsOf(em, actor.tenantId);
  if (!settings.rejectionReasons.some((r) => r.id === input.reasonId)) {
    throw new AppError('BAD_REQUEST', 'Pick one of the rejection reasons', { reasonId: ['Unknown reason'] });
  }
  // The note is sealed per candidate; a tenant key is committed before the transaction names it.
  if (input.note) await ensureTenantDataKey(em, keys, actor.tenantId);
  return em.transactional(async (tx) => {
    const tenant = await tx.findOneOrFail(Tenant, actor.tenantId);
    const apps = await applicationsForUpdate(tx, actor, input.ids);
    const rejectedStages = new Map(
      (await tx.find(JobStage, { job: { $in: [...new Set(apps.map((a) => a.job.id))] }, kind: 'rejected' })).map((s) => [s.job.id, s]),
    );
    let updated = 0;
    let skipped = 0;
    for (const app of apps) {
      const stage = rejectedStages.get(app.job.id);
      if (!stage || app.status !== 'active') {
        skipped++;
        continue;
      }
      moveToStage(tx, app, stage, actor.userId);
      app.status = 'rejected';
      app.rejectionReasonId = input.reasonId;
      app.rejectionNote = input.note
        ? sealFor(await candidateKey(tx, keys, { tenantId: actor.tenantId, candidateId: app.candidate.id }, { create: true }), input.note)
        : null;
      app.decidedAt = new Date();
      app.decidedBy = tx.getReference(User, actor.userId);
      if (input.emailDelayHours !== null) {
        enqueueEmail(tx, {
          tenantId: tenant.id,
          candidateId: app.candidate.id,
          to: app.candidate.email,
          sendAfter: new Date(Date.now() + input.emailDelayHours * 3_600_000),
          ...renderEmail(tenant, 'rejection', { candidate_name: app.candidate.name, job_title: app.job.title }, publicUrl),
        });
      }
      recordAudit(tx, actor, { action: 'application.reject', targetType: 'Application', targetId: app.id, subjectId: app.candidate.id });
      updated++;
    }
    await tx.flush();
    return { updated, skipped };
  });
}

/**
 * Records that the candidate withdrew (told a recruiter); the application
 * leaves the pipeline. Allowed under a restriction of processing: it stops
 * processing, on the candidate's own word.
 */
export async function withdrawApplication(em: Em, actor: Actor, keys: DataKeys, input: { id: string; note: string }) {
  const app = await visibleApplication(em, actor, input.id);
  if (app.status !== 'active') throw new AppError('PRECONDITION_FAILED', `This application is already ${app.status}`);
  const key = input.note ? await candidateKey(em, keys, { tenantId: actor.tenantId, candidateId: app.candidate.id }, { create: true }) : null;
  app.status = 'withdrawn';
  app.decidedAt = new Date();
  app.decidedBy = em.getReference(User, actor.userId);
  app.lastActivityAt = app.decidedAt;
  if (key) {
    em.create(ApplicationNote, {
      tenant: actor.tenantId,
      application: app,
      author: em.getReference(User, actor.userId),
      body: sealFor(key, `Withdrawn: ${input.note}`),
    });
  }
  recordAudit(em, actor, { action: 'application.withdraw', targetType: 'Application', targetId: app.id, subjectId: app.candidate.id });
  await em.flush();
  return toApplication(em, actor, keys, app);
}

export async function addNote(em: Em, actor: Actor, keys: DataKeys, input: { applicationId: string; body: string }): Promise<TNote> {
  const app = await visibleApplication(em, actor, input.applicationId);
  assertNotRestricted(app.candidate, 'no notes can be added about them');
  const key = await candidateKey(em, keys, { tenantId: actor.tenantId, candidateId: app.candidate.id }, { create: true });
  const note = em.create(ApplicationNote, {
    tenant: actor.tenantId,
    application: app,
    author: em.getReference(User, actor.userId),
    body: sealFor(key, input.body),
  });
  app.lastActivityAt = new Date();
  recordAudit(em, actor, { action: 'application.note', targetType: 'Application', targetId: app.id, subjectId: app.candidate.id });
  await em.flush();
  await em.populate(note, ['author']);
  return toNote(key, note, textFilterFor(actor, app));
}

export async function setTags(em: Em, actor: Actor, keys: DataKeys, input: { id: string; tags: string[] }): Promise<TApplication> {
  const app = await visibleApplication(em, actor, input.id);
  assertNotRestricted(app.candidate, 'their applications cannot be tagged');
  await em.transactional(async (tx) => {
    const wanted = new Set(input.tags);
    const current = await tx.find(ApplicationTag, { application: app });
    for (const row of current) if (!wanted.has(row.tag)) tx.remove(row);
    const have = new Set(current.map((r) => r.tag));
    for (const tag of wanted) if (!have.has(tag)) tx.create(ApplicationTag, { tenant: actor.tenantId, application: app, tag });
    recordAudit(tx, actor, { action: 'application.tags', targetType: 'Application', targetId: app.id, subjectId: app.candidate.id });
    await tx.flush();
  });
  return toApplication(em, actor, keys, app);
}

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
      ? knex.raw(`(select string_agg(t.tag, chr(31)) from application_tag t where t.application_id = a.id) as tags`)
      : knex.raw(`(select group_concat(t.tag, char(31)) from application_tag t where t.application_id = a.id) as tags`);
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
        candidate: { name: r.candidate_name, email: r.candidate_email, phone: r.candidate_phone, location: r.candidate_location, links: [] },
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
export async function board(em: Em, actor: Actor, input: { jobId: string; perColumn: number }): Promise<TBoard> {
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

/**
 * Reveals the candidate's identity to the job's reviewers (for example at
 * the offer stage): blind review no longer applies to this application. It
 * cannot be taken back, since they will have seen it, and it is audited.
 */
export async function revealIdentity(em: Em, actor: Actor, keys: DataKeys, id: string): Promise<TApplication> {
  const app = await visibleApplication(em, actor, id);
  if (!app.identityRevealedAt) {
    app.identityRevealedAt = new Date();
    app.identityRevealedBy = em.getReference(User, actor.userId);
    recordAudit(em, actor, { action: 'application.identity_reveal', targetType: 'Application', targetId: app.id, subjectId: app.candidate.id });
    await em.flush();
  }
  return toApplication(em, actor, keys, app);
}
