import {
  type Application,
  Assessment,
  AssessmentInvitation,
  AssessmentProvider,
  Attachment,
  type Em,
  type InferEntity,
  type JobStage,
  JobStage as JobStageEntity,
  StageAssessment,
  Tenant,
  type TStoredAssessmentQuestion,
  type TStoredAssessmentScore,
  User,
} from '@candor/db';
import type {
  TApplicationAssessments,
  TAssessment,
  TAssessmentInvitation,
  TStageAssessment,
  ZAssessmentInput,
  ZAssessmentScoreInput,
  ZStageAssessmentInput,
} from '@candor/schemas';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit.service.js';
import { hashToken, newToken } from '../auth/token-hash.js';
import { assertNotRestricted } from '../candidates/restriction.js';
import { isBlindFor, textFilterFor } from '../hiring/blind-review.js';
import { visibleApplication, visibleJob } from '../hiring/job-scope.js';
import { candidateKey, type DataKeys, ensureTenantDataKey, openText, sealFor } from '../keys/data-keys.js';
import { enqueueEmail } from '../mail/outbox.js';
import { AppError } from '../trpc/app-error.js';
import type { Actor } from '../trpc/init.js';
import { providerFor } from './providers.js';

type AssessmentRow = InferEntity<typeof Assessment>;
type InvitationRow = InferEntity<typeof AssessmentInvitation>;
type ApplicationRow = InferEntity<typeof Application>;
type StageRow = InferEntity<typeof JobStage>;

/** The provider name stored for Candor's own assessment page. */
export const CANDOR_PROVIDER = 'candor';

export const maxPointsOf = (questions: readonly TStoredAssessmentQuestion[]) =>
  questions.reduce((sum, q) => sum + q.criteria.reduce((s, c) => s + c.maxPoints, 0), 0);

/** Gives questions and criteria stable ids (kept when an edit keeps them). */
function storedQuestions(input: z.output<typeof ZAssessmentInput>['questions']): TStoredAssessmentQuestion[] {
  const used = new Set(input.flatMap((q) => (q.id ? [q.id] : [])));
  const fresh = (prefix: string, taken: Set<string>) => {
    let n = 0;
    let id: string;
    do id = `${prefix}${++n}`;
    while (taken.has(id));
    taken.add(id);
    return id;
  };
  return input.map((q) => {
    const criteriaIds = new Set(q.criteria.flatMap((c) => (c.id ? [c.id] : [])));
    return {
      id: q.id ?? fresh('q', used),
      prompt: q.prompt,
      modelAnswer: q.modelAnswer?.trim() ? q.modelAnswer.trim() : null,
      criteria: q.criteria.map((c) => ({
        id: c.id ?? fresh('c', criteriaIds),
        name: c.name,
        maxPoints: c.maxPoints,
      })),
    };
  });
}

async function toDto(em: Em, row: AssessmentRow): Promise<TAssessment> {
  const uses = await em.find(StageAssessment, { assessment: row }, { populate: ['stage.job'] });
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    instructions: row.instructions,
    questions: row.questions,
    timeLimitMinutes: row.timeLimitMinutes ?? null,
    allowAttachments: row.allowAttachments,
    providerId: row.provider?.id ?? null,
    maxPoints: maxPointsOf(row.questions),
    usedBy: uses.map((u) => `${u.stage.job.title} - ${u.stage.name}`),
    createdAt: row.createdAt.toISOString(),
  };
}

async function providerRef(em: Em, providerId: string | null) {
  if (!providerId) return null;
  const provider = await em.findOne(AssessmentProvider, providerId);
  if (!provider) throw new AppError('BAD_REQUEST', 'No such provider', { providerId: ['Unknown provider'] });
  return provider;
}

export async function listAssessments(em: Em): Promise<TAssessment[]> {
  const rows = await em.find(Assessment, {}, { orderBy: { createdAt: 'desc', id: 'asc' } });
  return Promise.all(rows.map((r) => toDto(em, r)));
}

export async function getAssessment(em: Em, id: string): Promise<TAssessment> {
  const row = await em.findOne(Assessment, id);
  if (!row) throw new AppError('NOT_FOUND', 'No such assessment');
  return toDto(em, row);
}

export async function createAssessment(
  em: Em,
  actor: Actor,
  input: z.output<typeof ZAssessmentInput>,
): Promise<TAssessment> {
  const row = em.create(Assessment, {
    tenant: actor.tenantId,
    title: input.title,
    kind: input.kind,
    instructions: input.instructions,
    questions: storedQuestions(input.questions),
    timeLimitMinutes: input.timeLimitMinutes,
    allowAttachments: input.allowAttachments,
    provider: await providerRef(em, input.providerId),
    createdBy: em.getReference(User, actor.userId),
  });
  recordAudit(em, actor, { action: 'assessment.create', targetType: 'Assessment', targetId: row.id });
  await em.flush();
  return toDto(em, row);
}

/** Edits change what later invitations ask; sent ones keep the questions they were sent with. */
export async function updateAssessment(
  em: Em,
  actor: Actor,
  input: z.output<typeof ZAssessmentInput> & { id: string },
): Promise<TAssessment> {
  const row = await em.findOne(Assessment, input.id);
  if (!row) throw new AppError('NOT_FOUND', 'No such assessment');
  row.title = input.title;
  row.kind = input.kind;
  row.instructions = input.instructions;
  row.questions = storedQuestions(input.questions);
  row.timeLimitMinutes = input.timeLimitMinutes;
  row.allowAttachments = input.allowAttachments;
  row.provider = await providerRef(em, input.providerId);
  recordAudit(em, actor, { action: 'assessment.update', targetType: 'Assessment', targetId: row.id });
  await em.flush();
  return toDto(em, row);
}

// ---- stages ----------------------------------------------------------------

export async function stageAssessmentsOf(em: Em, actor: Actor, jobId: string): Promise<TStageAssessment[]> {
  await visibleJob(em, actor, jobId);
  const stages = await em.find(JobStageEntity, { job: jobId }, { orderBy: { position: 'asc' } });
  const links = await em.find(
    StageAssessment,
    { stage: { $in: stages.map((s) => s.id) } },
    { populate: ['assessment'] },
  );
  const byStage = new Map(links.map((l) => [l.stage.id, l]));
  return stages
    .filter((s) => s.kind !== 'rejected' && s.kind !== 'hired')
    .map((s) => {
      const link = byStage.get(s.id);
      return {
        stageId: s.id,
        stageName: s.name,
        assessmentId: link?.assessment.id ?? null,
        assessmentTitle: link?.assessment.title ?? null,
        autoSend: link?.autoSend ?? false,
      };
    });
}

export async function setStageAssessment(
  em: Em,
  actor: Actor,
  input: z.output<typeof ZStageAssessmentInput>,
): Promise<TStageAssessment[]> {
  const stage = await em.findOne(JobStageEntity, input.stageId, { populate: ['job'] });
  if (!stage) throw new AppError('NOT_FOUND', 'No such stage', { stageId: ['Unknown stage'] });
  await visibleJob(em, actor, stage.job.id);
  if (stage.kind === 'rejected' || stage.kind === 'hired')
    throw new AppError('BAD_REQUEST', 'This stage cannot carry an assessment', { stageId: ['Final stage'] });
  const existing = await em.findOne(StageAssessment, { stage });
  if (input.assessmentId === null) {
    if (existing) em.remove(existing);
  } else {
    const assessment = await em.findOne(Assessment, input.assessmentId);
    if (!assessment)
      throw new AppError('BAD_REQUEST', 'No such assessment', { assessmentId: ['Unknown assessment'] });
    if (existing) {
      existing.assessment = assessment;
      existing.autoSend = input.autoSend;
    } else {
      em.create(StageAssessment, { tenant: actor.tenantId, stage, assessment, autoSend: input.autoSend });
    }
  }
  recordAudit(em, actor, { action: 'assessment.stage', targetType: 'JobStage', targetId: stage.id });
  await em.flush();
  return stageAssessmentsOf(em, actor, stage.job.id);
}

// ---- sending ---------------------------------------------------------------

/**
 * Creates the invitation and queues the candidate's email with the link
 * (Candor's page, or the external provider's), inside the caller's
 * transaction. Nothing goes to a candidate who restricted processing.
 */
export async function inviteToAssessment(
  tx: Em,
  options: {
    tenant: InferEntity<typeof Tenant>;
    app: ApplicationRow;
    assessment: AssessmentRow;
    createdBy: string | null;
    publicUrl: string;
  },
): Promise<InvitationRow | null> {
  const { tenant, app, assessment, publicUrl } = options;
  if (app.candidate.restrictedAt || app.status !== 'active') return null;
  const provider = await providerFor(tx, assessment.provider?.id ?? null);
  const token = newToken();
  const row = tx.create(AssessmentInvitation, {
    tenant: tenant.id,
    application: app,
    assessment,
    provider: provider.id,
    status: 'invited',
    tokenHash: provider.id === CANDOR_PROVIDER ? hashToken(token) : null,
    questions: assessment.questions,
    timeLimitMinutes: assessment.timeLimitMinutes ?? null,
    allowAttachments: assessment.allowAttachments,
    maxPoints: maxPointsOf(assessment.questions),
    createdBy: options.createdBy ? tx.getReference(User, options.createdBy) : null,
  });
  const { url } = provider.createInvitation({
    invitationId: row.id,
    token,
    publicUrl,
    assessmentTitle: assessment.title,
  });
  const limit = assessment.timeLimitMinutes
    ? `Once you press Start you have ${assessment.timeLimitMinutes} minutes; what you saved by then is sent.`
    : 'There is no time limit; you can save your answers and come back.';
  enqueueEmail(tx, {
    tenantId: tenant.id,
    candidateId: app.candidate.id,
    applicationId: app.id,
    to: app.candidate.email,
    template: 'assessment_invitation',
    subject: `${tenant.name}: ${assessment.title}`,
    text: [
      `Hello ${app.candidate.name},`,
      '',
      `As the next step of your application for ${app.job.title} at ${tenant.name}, we would like you to complete "${assessment.title}".`,
      '',
      url,
      '',
      limit,
      '',
      tenant.name,
    ].join('\n'),
  });
  return row;
}

/** Staff send an assessment by hand from the application page. */
export async function sendAssessment(
  em: Em,
  actor: Actor,
  publicUrl: string,
  keys: DataKeys,
  input: { applicationId: string; assessmentId: string },
): Promise<TApplicationAssessments> {
  const app = await visibleApplication(em, actor, input.applicationId);
  assertNotRestricted(app.candidate, 'no assessment can be sent');
  if (app.status !== 'active') throw new AppError('PRECONDITION_FAILED', `This application is ${app.status}`);
  const assessment = await em.findOne(Assessment, input.assessmentId);
  if (!assessment)
    throw new AppError('BAD_REQUEST', 'No such assessment', { assessmentId: ['Unknown assessment'] });
  const tenant = await em.findOneOrFail(Tenant, actor.tenantId);
  await em.transactional(async (tx) => {
    await inviteToAssessment(tx, { tenant, app, assessment, createdBy: actor.userId, publicUrl });
    recordAudit(tx, actor, {
      action: 'assessment.send',
      targetType: 'Application',
      targetId: app.id,
      subjectId: app.candidate.id,
    });
    await tx.flush();
  });
  return assessmentsOf(em, actor, keys, app.id);
}

/**
 * Applications that entered a stage carrying an assessment with automatic
 * sending get it (once per assessment and application), inside the move's
 * transaction.
 */
export async function sendStageAssessments(
  tx: Em,
  actor: Actor,
  publicUrl: string,
  stage: StageRow,
  apps: readonly ApplicationRow[],
): Promise<number> {
  if (!apps.length) return 0;
  const link = await tx.findOne(StageAssessment, { stage, autoSend: true }, { populate: ['assessment'] });
  if (!link) return 0;
  const already = await tx.find(AssessmentInvitation, {
    application: { $in: apps.map((a) => a.id) },
    assessment: link.assessment,
    status: { $ne: 'withdrawn' },
  });
  const invited = new Set(already.map((r) => r.application.id));
  const tenant = await tx.findOneOrFail(Tenant, actor.tenantId);
  let sent = 0;
  for (const app of apps) {
    if (invited.has(app.id)) continue;
    const row = await inviteToAssessment(tx, {
      tenant,
      app,
      assessment: link.assessment,
      createdBy: actor.userId,
      publicUrl,
    });
    if (!row) continue;
    recordAudit(tx, actor, {
      action: 'assessment.send',
      targetType: 'Application',
      targetId: app.id,
      subjectId: app.candidate.id,
    });
    sent++;
  }
  return sent;
}

// ---- the application page ---------------------------------------------------

/** Status as shown: a started invitation whose deadline passed counts as submitted (the page submits it on next touch). */
export function effectiveStatus(row: Pick<InvitationRow, 'status' | 'deadlineAt'>, now = new Date()) {
  return row.status === 'started' && row.deadlineAt && row.deadlineAt <= now ? 'submitted' : row.status;
}

export async function assessmentsOf(
  em: Em,
  actor: Actor,
  keys: DataKeys,
  applicationId: string,
): Promise<TApplicationAssessments> {
  const app = await visibleApplication(em, actor, applicationId);
  const [rows, available] = await Promise.all([
    em.find(
      AssessmentInvitation,
      { application: app },
      { populate: ['assessment'], orderBy: { invitedAt: 'asc', id: 'asc' } },
    ),
    em.find(Assessment, {}, { orderBy: { title: 'asc' } }),
  ]);
  const key = rows.some((r) => r.answers?.length || r.scores?.length)
    ? await candidateKey(em, keys, { tenantId: actor.tenantId, candidateId: app.candidate.id })
    : null;
  const shown = textFilterFor(actor, app);
  const blind = isBlindFor(actor, app);
  const attachmentIds = rows.flatMap((r) => r.attachmentIds ?? []);
  const files = attachmentIds.length ? await em.find(Attachment, { id: { $in: attachmentIds } }) : [];
  const userIds = [...new Set(rows.flatMap((r) => (r.scores ?? []).flatMap((s) => s.byUserId ?? [])))];
  const users = userIds.length ? await em.find(User, { id: { $in: userIds } }) : [];
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  if (rows.some((r) => r.status !== 'invited')) {
    recordAudit(em, actor, {
      action: 'assessment.read',
      targetType: 'Application',
      targetId: app.id,
      subjectId: app.candidate.id,
    });
    await em.flush();
  }
  return {
    available: available.map((a) => ({ id: a.id, title: a.title })),
    invitations: rows.map((row): TAssessmentInvitation => {
      const answers = new Map((row.answers ?? []).map((a) => [a.questionId, a.answer]));
      const status = effectiveStatus(row);
      const open = status === 'invited' || status === 'started';
      return {
        id: row.id,
        assessmentId: row.assessment.id,
        title: row.assessment.title,
        kind: row.assessment.kind,
        provider: row.provider === CANDOR_PROVIDER ? 'Candor' : 'External provider',
        status,
        invitedAt: row.invitedAt.toISOString(),
        startedAt: row.startedAt?.toISOString() ?? null,
        deadlineAt: row.deadlineAt?.toISOString() ?? null,
        submittedAt: row.submittedAt?.toISOString() ?? row.deadlineAt?.toISOString() ?? null,
        timeLimitMinutes: row.timeLimitMinutes ?? null,
        submittedByDeadline: row.submittedByDeadline || (status === 'submitted' && row.status === 'started'),
        // Answers in progress are the candidate's draft: shown only once submitted.
        questions: row.questions.map((q) => ({
          ...q,
          answer: open ? null : answers.has(q.id) ? shown(openText(key, answers.get(q.id) ?? '')) : null,
        })),
        attachments: open
          ? []
          : files
              .filter((f) => row.attachmentIds?.includes(f.id))
              .map((f, i) => ({ id: f.id, label: blind ? `File ${i + 1}` : f.filename })),
        scores: (row.scores ?? []).map((s) => ({
          questionId: s.questionId,
          criterionId: s.criterionId,
          points: s.points,
          maxPoints:
            row.questions.find((q) => q.id === s.questionId)?.criteria.find((c) => c.id === s.criterionId)
              ?.maxPoints ?? 0,
          comment: shown(openText(key, s.comment)),
          byName: s.byUserId ? (nameOf.get(s.byUserId) ?? null) : null,
        })),
        totalPoints: row.totalPoints ?? null,
        maxPoints: row.maxPoints,
        externalResultUrl: row.externalResultUrl ?? null,
      };
    }),
  };
}

/** A reviewer's points per criterion (with comments); the latest points for a criterion count. */
export async function scoreAssessment(
  em: Em,
  actor: Actor,
  keys: DataKeys,
  input: z.output<typeof ZAssessmentScoreInput>,
): Promise<TApplicationAssessments> {
  const row = await em.findOne(AssessmentInvitation, input.invitationId, { populate: ['application'] });
  if (!row) throw new AppError('NOT_FOUND', 'No such assessment');
  const app = await visibleApplication(em, actor, row.application.id);
  assertNotRestricted(app.candidate, 'no scores can be added');
  const status = effectiveStatus(row);
  if (status !== 'submitted' && status !== 'scored')
    throw new AppError('PRECONDITION_FAILED', 'The candidate has not submitted this assessment yet');
  const errors: Record<string, string[]> = {};
  input.scores.forEach((s, i) => {
    const criterion = row.questions
      .find((q) => q.id === s.questionId)
      ?.criteria.find((c) => c.id === s.criterionId);
    if (!criterion) errors[`scores.${i}.criterionId`] = ['Unknown criterion'];
    else if (s.points > criterion.maxPoints)
      errors[`scores.${i}.points`] = [`At most ${criterion.maxPoints}`];
  });
  if (Object.keys(errors).length) throw new AppError('BAD_REQUEST', 'Check the points', errors);
  await ensureTenantDataKey(em, keys, actor.tenantId);
  const key = await candidateKey(
    em,
    keys,
    { tenantId: actor.tenantId, candidateId: app.candidate.id },
    { create: true },
  );
  const merged = new Map<string, TStoredAssessmentScore>(
    (row.scores ?? []).map((s) => [`${s.questionId}/${s.criterionId}`, s]),
  );
  for (const s of input.scores) {
    merged.set(`${s.questionId}/${s.criterionId}`, {
      questionId: s.questionId,
      criterionId: s.criterionId,
      points: s.points,
      comment: s.comment ? sealFor(key, s.comment) : '',
      byUserId: actor.userId,
    });
  }
  row.scores = [...merged.values()];
  row.totalPoints = row.scores.reduce((sum, s) => sum + s.points, 0);
  if (row.status === 'started') {
    row.submittedAt = row.deadlineAt;
    row.submittedByDeadline = true;
    row.tokenHash = null;
  }
  row.status = 'scored';
  row.scoredAt = new Date();
  recordAudit(em, actor, {
    action: 'assessment.score',
    targetType: 'Application',
    targetId: app.id,
    subjectId: app.candidate.id,
  });
  await em.flush();
  return assessmentsOf(em, actor, keys, app.id);
}

/** Staff take back an unanswered link (a wrong assessment, or sent by mistake). */
export async function withdrawInvitation(
  em: Em,
  actor: Actor,
  keys: DataKeys,
  id: string,
): Promise<TApplicationAssessments> {
  const row = await em.findOne(AssessmentInvitation, id, { populate: ['application'] });
  if (!row) throw new AppError('NOT_FOUND', 'No such assessment');
  const app = await visibleApplication(em, actor, row.application.id);
  if (effectiveStatus(row) !== 'invited' && effectiveStatus(row) !== 'started')
    throw new AppError('PRECONDITION_FAILED', 'Only an assessment not yet submitted can be withdrawn');
  row.status = 'withdrawn';
  row.tokenHash = null;
  recordAudit(em, actor, {
    action: 'assessment.withdraw',
    targetType: 'Application',
    targetId: app.id,
    subjectId: app.candidate.id,
  });
  await em.flush();
  return assessmentsOf(em, actor, keys, app.id);
}
