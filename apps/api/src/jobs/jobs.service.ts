import {
  Application,
  applicationCountsByJob,
  containsPattern,
  type Em,
  HiringTeamMember,
  type InferEntity,
  Job,
  type JobCounts,
  JobStage,
  likeIgnoringCase,
  Membership,
  User,
} from '@candor/db';
import {
  JOB_TRANSITIONS,
  pipelineProblems,
  type TJob,
  type TJobListItem,
  type TJobStatus,
  type ZJobCreateInput,
  type ZJobListParams,
  type ZJobStagesInput,
  type ZJobUpdateInput,
} from '@candor/schemas';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit.service.js';
import { seesRestricted } from '../candidates/restriction.js';
import { visibleJob, visibleJobIds } from '../hiring/job-scope.js';
import { shortId } from '../hiring/short-id.js';
import { hiringSettingsOf } from '../settings/settings.service.js';
import { AppError } from '../trpc/app-error.js';
import type { Actor } from '../trpc/init.js';

type JobRow = InferEntity<typeof Job>;
type StageRow = InferEntity<typeof JobStage>;
type TeamRow = InferEntity<typeof HiringTeamMember>;
type Counts = Map<string, JobCounts>;

function salaryOf(job: JobRow): TJob['salary'] {
  if (job.salaryMin == null || job.salaryMax == null || !job.salaryCurrency || !job.salaryPeriod) return null;
  return {
    min: job.salaryMin,
    max: job.salaryMax,
    currency: job.salaryCurrency,
    period: job.salaryPeriod as NonNullable<TJob['salary']>['period'],
  };
}

function toListItem(job: JobRow, team: TeamRow[], counts: Counts): TJobListItem {
  return {
    id: job.id,
    title: job.title,
    department: job.department,
    city: job.city ?? null,
    country: job.country ?? null,
    workplace: job.workplace as TJob['workplace'],
    employmentType: job.employmentType as TJob['employmentType'],
    salary: salaryOf(job),
    status: job.status,
    statusChangedAt: job.statusChangedAt.toISOString(),
    statusChangedBy: job.statusChangedBy
      ? { id: job.statusChangedBy.id, name: job.statusChangedBy.name }
      : null,
    openedAt: job.openedAt?.toISOString() ?? null,
    createdAt: job.createdAt.toISOString(),
    hiringTeam: team.map((m) => ({
      userId: m.user.id,
      name: m.user.name,
      email: m.user.email,
      role: m.role as TJob['hiringTeam'][number]['role'],
    })),
    timeZone: job.timeZone ?? null,
    applicationCounts: counts.get(job.id) ?? { active: 0, total: 0 },
  };
}

function toJob(job: JobRow, stages: StageRow[], team: TeamRow[], counts: Counts): TJob {
  return {
    ...toListItem(job, team, counts),
    descriptionMd: job.descriptionMd,
    translations: job.translations ?? {},
    profileSections: job.profileSections ?? [],
    stages: stages.map((s) => ({
      id: s.id,
      name: s.name,
      kind: s.kind,
      position: s.position,
      blindReview: s.blindReview,
      targetDays: s.targetDays ?? null,
    })),
    questions: job.questions.map((q) => ({
      id: q.id,
      label: q.label,
      kind: q.kind,
      required: q.required,
      options: q.options,
      knockoutAnswer: q.knockoutAnswer,
    })),
    criteria: job.criteria,
  };
}

/**
 * Active and total applications per job, from the maintained counts (no
 * scan). Those of candidates who restricted processing count only for
 * whoever may see them (restriction.ts), as everywhere else.
 */
function applicationCounts(
  em: Em,
  actor: Pick<Actor, 'role' | 'tenantId'>,
  jobIds: string[],
): Promise<Counts> {
  return applicationCountsByJob(em, {
    tenantId: actor.tenantId,
    withRestricted: seesRestricted(actor),
    jobIds,
  });
}

async function teamsOf(em: Em, jobIds: string[]): Promise<Map<string, TeamRow[]>> {
  const rows = jobIds.length
    ? await em.find(HiringTeamMember, { job: { $in: jobIds } }, { populate: ['user'] })
    : [];
  const byJob = new Map<string, TeamRow[]>();
  for (const row of rows) byJob.set(row.job.id, [...(byJob.get(row.job.id) ?? []), row]);
  return byJob;
}

export async function listJobs(em: Em, actor: Actor, params: z.output<typeof ZJobListParams>) {
  const { page, perPage } = params.pagination;
  const { q, status, department, updatedSince } = params.filter;
  const visible = await visibleJobIds(em, actor);
  const where = {
    ...(visible ? { id: { $in: visible } } : {}),
    ...(status ? { status } : {}),
    ...(department ? { department } : {}),
    ...(updatedSince ? { updatedAt: { $gte: new Date(updatedSince) } } : {}),
    ...(q ? { title: likeIgnoringCase(em, containsPattern(q)) } : {}),
  };
  const [rows, total] = await em.findAndCount(Job, where, {
    populate: ['statusChangedBy'],
    orderBy: [{ [params.sort.field]: params.sort.order }, { id: 'asc' }],
    limit: perPage,
    offset: (page - 1) * perPage,
  });
  const ids = rows.map((j) => j.id);
  const [teams, counts] = await Promise.all([teamsOf(em, ids), applicationCounts(em, actor, ids)]);
  return { data: rows.map((j) => toListItem(j, teams.get(j.id) ?? [], counts)), total };
}

async function loadJob(em: Em, actor: Pick<Actor, 'role' | 'tenantId'>, job: JobRow): Promise<TJob> {
  const [stages, teams, counts] = await Promise.all([
    em.find(JobStage, { job }, { orderBy: { position: 'asc' } }),
    teamsOf(em, [job.id]),
    applicationCounts(em, actor, [job.id]),
  ]);
  await em.populate(job, ['statusChangedBy']);
  return toJob(job, stages, teams.get(job.id) ?? [], counts);
}

export async function getJob(em: Em, actor: Actor, id: string): Promise<TJob> {
  return loadJob(em, actor, await visibleJob(em, actor, id));
}

/** Team members must be active members of the tenant. */
async function checkTeam(em: Em, actor: Actor, team: ReadonlyArray<{ userId: string }>): Promise<void> {
  const ids = [...new Set(team.map((m) => m.userId))];
  if (ids.length !== team.length) {
    throw new AppError('BAD_REQUEST', 'Each person can be on the team once', {
      hiringTeam: ['Listed twice'],
    });
  }
  if (ids.length === 0) return;
  const found = await em.count(Membership, { tenant: actor.tenantId, user: { $in: ids }, status: 'active' });
  if (found !== ids.length) {
    throw new AppError('BAD_REQUEST', 'Only active members of this organisation can be on the team', {
      hiringTeam: ['Not an active member'],
    });
  }
}

async function checkDepartment(em: Em, actor: Actor, department: string): Promise<void> {
  const settings = await hiringSettingsOf(em, actor.tenantId);
  if (!settings.departments.includes(department)) {
    throw new AppError('BAD_REQUEST', 'Pick one of the departments from the settings', {
      department: ['Unknown department'],
    });
  }
}

function applyFields(job: JobRow, input: Partial<z.output<typeof ZJobCreateInput>>): void {
  if (input.title !== undefined) job.title = input.title;
  if (input.department !== undefined) job.department = input.department;
  if (input.city !== undefined) job.city = input.city;
  if (input.country !== undefined) job.country = input.country;
  if (input.workplace !== undefined) job.workplace = input.workplace;
  if (input.employmentType !== undefined) job.employmentType = input.employmentType;
  if (input.descriptionMd !== undefined) job.descriptionMd = input.descriptionMd;
  if (input.timeZone !== undefined) job.timeZone = input.timeZone;
  if (input.translations !== undefined) job.translations = input.translations;
  if (input.profileSections !== undefined) job.profileSections = input.profileSections;
  if (input.salary !== undefined) {
    job.salaryMin = input.salary?.min ?? null;
    job.salaryMax = input.salary?.max ?? null;
    job.salaryCurrency = input.salary?.currency ?? null;
    job.salaryPeriod = input.salary?.period ?? null;
  }
  if (input.questions !== undefined) {
    job.questions = input.questions.map((q) => ({ ...q, id: q.id ?? shortId() }));
  }
  if (input.criteria !== undefined) {
    job.criteria = input.criteria.map((c) => ({
      id: c.id ?? shortId(),
      name: c.name,
      description: c.description,
    }));
  }
}

function replaceTeam(
  em: Em,
  actor: Actor,
  job: JobRow,
  existing: TeamRow[],
  team: z.output<typeof ZJobCreateInput>['hiringTeam'],
) {
  for (const member of existing) em.remove(member);
  for (const member of team) {
    em.create(HiringTeamMember, {
      tenant: actor.tenantId,
      job,
      user: em.getReference(User, member.userId),
      role: member.role,
    });
  }
}

/** A published job must state its pay when the tenant promised pay transparency. */
async function checkPayTransparency(em: Em, actor: Actor, job: JobRow): Promise<void> {
  if (job.status !== 'open') return;
  const settings = await hiringSettingsOf(em, actor.tenantId);
  if (settings.payTransparency && !salaryOf(job)) {
    throw new AppError(
      'BAD_REQUEST',
      'This organisation publishes salary ranges: add one before opening the job',
      {
        salary: ['Required with pay transparency'],
      },
    );
  }
}

export async function createJob(
  em: Em,
  actor: Actor,
  input: z.output<typeof ZJobCreateInput>,
): Promise<TJob> {
  await checkDepartment(em, actor, input.department);
  await checkTeam(em, actor, input.hiringTeam);
  const settings = await hiringSettingsOf(em, actor.tenantId);
  const job = await em.transactional(async (tx) => {
    const job = tx.create(Job, {
      tenant: actor.tenantId,
      title: input.title,
      department: input.department,
      workplace: input.workplace,
      employmentType: input.employmentType,
      status: 'draft',
      statusChangedBy: tx.getReference(User, actor.userId),
      questions: [],
      criteria: [],
    });
    applyFields(job, input);
    settings.pipelineTemplate.forEach((stage, position) => {
      tx.create(JobStage, { tenant: actor.tenantId, job, name: stage.name, kind: stage.kind, position });
    });
    replaceTeam(tx, actor, job, [], input.hiringTeam);
    recordAudit(tx, actor, { action: 'job.create', targetType: 'Job', targetId: job.id });
    await tx.flush();
    return job;
  });
  return loadJob(em, actor, job);
}

export async function updateJob(
  em: Em,
  actor: Actor,
  input: z.output<typeof ZJobUpdateInput>,
): Promise<TJob> {
  const job = await visibleJob(em, actor, input.id);
  if (job.status === 'archived')
    throw new AppError('PRECONDITION_FAILED', 'An archived job cannot be changed');
  if (input.department !== undefined && input.department !== job.department)
    await checkDepartment(em, actor, input.department);
  if (input.hiringTeam) await checkTeam(em, actor, input.hiringTeam);
  await em.transactional(async (tx) => {
    applyFields(job, input);
    checkCountry(job);
    await checkPayTransparency(tx, actor, job);
    if (input.hiringTeam)
      replaceTeam(tx, actor, job, await tx.find(HiringTeamMember, { job }), input.hiringTeam);
    recordAudit(tx, actor, { action: 'job.update', targetType: 'Job', targetId: job.id });
    await tx.flush();
  });
  return loadJob(em, actor, job);
}

/**
 * Onsite and hybrid jobs need a country; so does a remote job once it is
 * open, because job search engines require remote postings to say where
 * applicants may live (applicantLocationRequirements).
 */
function checkCountry(job: Pick<JobRow, 'workplace' | 'country' | 'status'>): void {
  if (job.country) return;
  if (job.workplace !== 'remote') {
    throw new AppError('BAD_REQUEST', 'Onsite and hybrid jobs need a country', { country: ['Required'] });
  }
  if (job.status === 'open') {
    throw new AppError('BAD_REQUEST', 'Say in which country applicants to this remote job may live', {
      country: ['Required for an open remote job'],
    });
  }
}

export async function setJobStatus(em: Em, actor: Actor, id: string, status: TJobStatus): Promise<TJob> {
  const job = await visibleJob(em, actor, id);
  const current: TJobStatus = job.status;
  if (current === status) return loadJob(em, actor, job);
  if (!JOB_TRANSITIONS[current].includes(status)) {
    throw new AppError('PRECONDITION_FAILED', `A ${current} job cannot become ${status}`, {
      status: [`Allowed next: ${JOB_TRANSITIONS[current].join(', ') || 'none'}`],
    });
  }
  const now = new Date();
  job.status = status;
  job.statusChangedAt = now;
  job.statusChangedBy = em.getReference(User, actor.userId);
  if (status === 'open') {
    job.openedAt ??= now;
    job.closedAt = null;
  }
  if (status === 'closed') job.closedAt = now;
  checkCountry(job);
  await checkPayTransparency(em, actor, job);
  recordAudit(em, actor, { action: `job.${status}`, targetType: 'Job', targetId: job.id });
  await em.flush();
  return loadJob(em, actor, job);
}

/**
 * Replaces the job's pipeline: stages keep their ids (and applications)
 * when renamed or reordered; a stage that still holds applications cannot go.
 */
export async function setJobStages(
  em: Em,
  actor: Actor,
  input: z.output<typeof ZJobStagesInput>,
): Promise<TJob> {
  const job = await visibleJob(em, actor, input.id);
  const problem = pipelineProblems(input.stages);
  if (problem) throw new AppError('BAD_REQUEST', problem, { stages: [problem] });
  await em.transactional(async (tx) => {
    const existing = await tx.find(JobStage, { job });
    const byId = new Map(existing.map((s) => [s.id, s]));
    const kept = new Set<string>();
    input.stages.forEach((stage, position) => {
      if (stage.id) {
        const row = byId.get(stage.id);
        if (!row)
          throw new AppError('BAD_REQUEST', 'A stage does not belong to this job', {
            stages: ['Unknown stage'],
          });
        row.name = stage.name;
        row.kind = stage.kind;
        row.position = position;
        row.blindReview = stage.blindReview;
        row.targetDays = stage.targetDays;
        kept.add(row.id);
      } else {
        tx.create(JobStage, {
          tenant: actor.tenantId,
          job,
          name: stage.name,
          kind: stage.kind,
          position,
          blindReview: stage.blindReview,
          targetDays: stage.targetDays,
        });
      }
    });
    for (const row of existing.filter((s) => !kept.has(s.id))) {
      if ((await tx.count(Application, { stage: row })) > 0) {
        throw new AppError('CONFLICT', `Move the applications out of "${row.name}" before removing it`, {
          stages: ['Stage still has applications'],
        });
      }
      tx.remove(row);
    }
    recordAudit(tx, actor, { action: 'job.stages_update', targetType: 'Job', targetId: job.id });
    await tx.flush();
  });
  return loadJob(em, actor, job);
}
