import { ApplicationNote, type Em, type InferEntity, JobStage, StageChange } from '@candor/db';
import type { TApplication, TNote } from '@candor/schemas';
import { recordAudit } from '../audit/audit.service.js';
import { blindCandidateRef, isBlindFor, textFilterFor } from '../hiring/blind-review.js';
import { visibleApplication } from '../hiring/job-scope.js';
import { candidateKey, type DataKeys, openAnswers, openText } from '../keys/data-keys.js';
import { hiringSettingsOf } from '../settings/settings.service.js';
import type { Actor } from '../trpc/init.js';
import { type ApplicationRow, candidateRef, stageRef, userRef } from './application-refs.js';
import { tagsOf, toListItem } from './list-items.js';

export async function getApplication(
  em: Em,
  actor: Actor,
  keys: DataKeys,
  id: string,
): Promise<TApplication> {
  const app = await visibleApplication(em, actor, id);
  recordAudit(em, actor, {
    action: 'application.read',
    targetType: 'Application',
    targetId: id,
    subjectId: app.candidate.id,
  });
  await em.flush();
  return toApplication(em, actor, keys, app);
}

/** The candidate's data key, for opening what is stored sealed; null once it was destroyed. */
function keyOf(em: Em, keys: DataKeys, app: ApplicationRow): Promise<Buffer | null> {
  return candidateKey(em, keys, { tenantId: app.tenant.id, candidateId: app.candidate.id });
}

export async function toApplication(
  em: Em,
  actor: Actor,
  keys: DataKeys,
  app: ApplicationRow,
): Promise<TApplication> {
  const [history, notes, tags, stages, settings, key] = await Promise.all([
    em.find(
      StageChange,
      { application: app },
      { populate: ['fromStage', 'toStage', 'by'], orderBy: { at: 'asc' } },
    ),
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
      revealed: app.identityRevealedAt
        ? { at: app.identityRevealedAt.toISOString(), by: userRef(app.identityRevealedBy) }
        : null,
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

export function toNote(
  key: Buffer | null,
  n: InferEntity<typeof ApplicationNote>,
  shown: (text: string) => string,
): TNote {
  return {
    id: n.id,
    body: shown(openText(key, n.body)),
    author: userRef(n.author),
    createdAt: n.createdAt.toISOString(),
  };
}

const mapNullable = <T, U>(value: T | null, f: (value: T) => U): U | null =>
  value === null ? null : f(value);
