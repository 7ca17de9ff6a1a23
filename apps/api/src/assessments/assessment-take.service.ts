import {
  AssessmentInvitation,
  Attachment,
  type Em,
  type InferEntity,
  TENANT_FILTER,
  type TStoredAssessmentAnswer,
} from '@candor/db';
import { ASSESSMENT_ANSWER_MAX, MAX_ATTACHMENT_BYTES } from '@candor/schemas';
import { type SniffedFile, storeSealedAttachments } from '../attachments/attachments.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { hashToken } from '../auth/token-hash.js';
import type { FileStore } from '../files/file-store.js';
import { sniffDocument } from '../files/sniff.js';
import { candidateKey, type DataKeys, ensureTenantDataKey, openText, sealFor } from '../keys/data-keys.js';

/**
 * The candidate's side of an assessment (/assessments/<token>): the intro
 * page, Start (which sets the deadline: started + limit), saving and
 * submitting. The time limit is the server's: after the deadline nothing
 * changes, and what was saved counts as submitted. `now` is a parameter so
 * tests can move the clock.
 */

type InvitationRow = InferEntity<typeof AssessmentInvitation>;

const byToken = { filters: { [TENANT_FILTER]: false } } as const;
const MINUTE = 60_000;

export type TakeView =
  | { kind: 'invalid' }
  | {
      kind: 'intro' | 'questions' | 'done';
      companyName: string;
      jobTitle: string;
      title: string;
      instructions: string;
      timeLimitMinutes: number | null;
      allowAttachments: boolean;
      deadlineAt: Date | null;
      questions: Array<{ id: string; prompt: string; answer: string }>;
      attachments: string[];
      submittedByDeadline: boolean;
    };

async function invitationByToken(em: Em, token: string): Promise<InvitationRow | null> {
  const row = await em.findOne(
    AssessmentInvitation,
    { tokenHash: hashToken(token) },
    { ...byToken, populate: ['application.candidate', 'application.job', 'tenant', 'assessment'] },
  );
  if (!row || row.status === 'withdrawn') return null;
  // A restricted candidate's data is not processed; a decided application needs no assessment.
  if (row.application.candidate.restrictedAt) return null;
  if (row.application.status !== 'active' && (row.status === 'invited' || row.status === 'started'))
    return null;
  return row;
}

/** Past the deadline what was saved is the submission: recorded the first time anyone looks. */
function closeIfLate(row: InvitationRow, now: Date): boolean {
  if (row.status !== 'started' || !row.deadlineAt || row.deadlineAt > now) return false;
  row.status = 'submitted';
  row.submittedAt = row.deadlineAt;
  row.submittedByDeadline = true;
  return true;
}

async function viewOf(em: Em, keys: DataKeys, row: InvitationRow): Promise<TakeView> {
  const key =
    row.answers?.length && row.status !== 'invited'
      ? await candidateKey(em, keys, { tenantId: row.tenant.id, candidateId: row.application.candidate.id })
      : null;
  const answers = new Map((row.answers ?? []).map((a) => [a.questionId, a.answer]));
  const files = row.attachmentIds?.length
    ? await em.find(Attachment, { id: { $in: row.attachmentIds } }, byToken)
    : [];
  return {
    kind: row.status === 'invited' ? 'intro' : row.status === 'started' ? 'questions' : 'done',
    companyName: row.tenant.name,
    jobTitle: row.application.job.title,
    title: row.assessment.title,
    instructions: row.assessment.instructions,
    timeLimitMinutes: row.timeLimitMinutes ?? null,
    allowAttachments: row.allowAttachments,
    deadlineAt: row.deadlineAt ?? null,
    questions: row.questions.map((q) => ({
      id: q.id,
      prompt: q.prompt,
      answer: answers.has(q.id) ? openText(key, answers.get(q.id) ?? '') : '',
    })),
    attachments: files.map((f) => f.filename),
    submittedByDeadline: row.submittedByDeadline,
  };
}

/** What the link shows now (closing a started assessment whose time ran out). */
export async function openAssessment(
  em: Em,
  keys: DataKeys,
  token: string,
  now = new Date(),
): Promise<TakeView> {
  const row = await invitationByToken(em, token);
  if (!row) return { kind: 'invalid' };
  if (closeIfLate(row, now)) await em.flush();
  return viewOf(em, keys, row);
}

/** Start: the clock begins (once; pressing it again changes nothing). */
export async function startAssessment(
  em: Em,
  keys: DataKeys,
  token: string,
  requestId: string,
  now = new Date(),
): Promise<TakeView> {
  const row = await invitationByToken(em, token);
  if (!row) return { kind: 'invalid' };
  if (row.status === 'invited') {
    row.status = 'started';
    row.startedAt = now;
    row.deadlineAt = row.timeLimitMinutes ? new Date(now.getTime() + row.timeLimitMinutes * MINUTE) : null;
    row.application.lastActivityAt = now;
    recordAudit(
      em,
      { userId: null, tenantId: row.tenant.id, requestId },
      {
        action: 'assessment.started',
        targetType: 'Application',
        targetId: row.application.id,
        subjectId: row.application.candidate.id,
      },
    );
    await em.flush();
  } else if (closeIfLate(row, now)) await em.flush();
  return viewOf(em, keys, row);
}

export type SaveOutcome =
  | { kind: 'invalid' }
  | { kind: 'late'; view: TakeView }
  | { kind: 'errors'; errors: Record<string, string>; view: TakeView }
  | { kind: 'saved' | 'submitted'; view: TakeView };

/** Checks answers before anything is stored: too long, or a file that is not a document. */
export async function fileOf(file: File | null): Promise<SniffedFile | { error: string } | null> {
  if (!file || file.size === 0) return null;
  if (file.size > MAX_ATTACHMENT_BYTES) return { error: 'The file is larger than 10 MB' };
  const bytes = Buffer.from(await file.arrayBuffer());
  const { contentType, problem } = await sniffDocument(bytes);
  if (!contentType) return { error: problem ?? 'Upload a PDF, Word (.docx) or OpenDocument (.odt) file' };
  return { kind: 'other', filename: file.name.slice(0, 200) || 'answer', contentType, bytes };
}

/**
 * Saves the answers (and a file, where allowed), sealed under the
 * candidate's key; with `submit` the assessment is handed in. After the
 * deadline nothing changes: the page says the time is up and what was
 * saved was sent.
 */
export async function saveAnswers(
  em: Em,
  deps: DataKeys & { files: FileStore },
  token: string,
  input: { answers: Record<string, string>; submit: boolean; file: SniffedFile | null },
  requestId: string,
  now = new Date(),
): Promise<SaveOutcome> {
  const row = await invitationByToken(em, token);
  if (!row) return { kind: 'invalid' };
  if (closeIfLate(row, now)) {
    await em.flush();
    return { kind: 'late', view: await viewOf(em, deps, row) };
  }
  if (row.status !== 'started') return { kind: 'late', view: await viewOf(em, deps, row) };
  const errors: Record<string, string> = {};
  for (const q of row.questions) {
    if ((input.answers[q.id] ?? '').length > ASSESSMENT_ANSWER_MAX)
      errors[q.id] = `Keep this answer under ${ASSESSMENT_ANSWER_MAX.toLocaleString('en')} characters`;
  }
  if (Object.keys(errors).length) {
    const view = await viewOf(em, deps, row);
    if (view.kind !== 'invalid')
      view.questions = view.questions.map((q) => ({ ...q, answer: input.answers[q.id] ?? q.answer }));
    return { kind: 'errors', errors, view };
  }
  const candidateRef = { tenantId: row.tenant.id, candidateId: row.application.candidate.id };
  await ensureTenantDataKey(em, deps, row.tenant.id);
  const key = await candidateKey(em, deps, candidateRef, { create: true });
  const answers: TStoredAssessmentAnswer[] = row.questions.map((q) => ({
    questionId: q.id,
    answer: sealFor(key, (input.answers[q.id] ?? '').trim()),
  }));
  const apply = () => {
    row.answers = answers;
    if (input.submit) {
      row.status = 'submitted';
      row.submittedAt = now;
      row.application.lastActivityAt = now;
    }
    recordAudit(
      em,
      { userId: null, tenantId: row.tenant.id, requestId },
      {
        action: input.submit ? 'assessment.submitted' : 'assessment.saved',
        targetType: 'Application',
        targetId: row.application.id,
        subjectId: row.application.candidate.id,
      },
    );
  };
  if (input.file && row.allowAttachments) {
    const [stored] = await storeSealedAttachments(
      em,
      deps,
      {
        tenantId: row.tenant.id,
        candidate: row.application.candidate,
        application: row.application,
        uploadedBy: null,
        inboundEmail: null,
      },
      [input.file],
      apply,
    );
    if (stored) {
      row.attachmentIds = [...(row.attachmentIds ?? []), stored.id];
      await em.flush();
    }
  } else {
    apply();
    await em.flush();
  }
  return { kind: input.submit ? 'submitted' : 'saved', view: await viewOf(em, deps, row) };
}
