import { ApplicationNote, ApplicationTag, type Em, User } from '@candor/db';
import type { TApplication, TNote } from '@candor/schemas';
import { recordAudit } from '../audit/audit.service.js';
import { assertNotRestricted } from '../candidates/restriction.js';
import { textFilterFor } from '../hiring/blind-review.js';
import { visibleApplication } from '../hiring/job-scope.js';
import { candidateKey, type DataKeys, sealFor } from '../keys/data-keys.js';
import { notifyMentions } from '../notifications/events.js';
import type { Actor } from '../trpc/init.js';
import { toApplication, toNote } from './application-detail.js';

export async function addNote(
  em: Em,
  actor: Actor,
  keys: DataKeys,
  input: { applicationId: string; body: string },
): Promise<TNote> {
  const app = await visibleApplication(em, actor, input.applicationId);
  assertNotRestricted(app.candidate, 'no notes can be added about them');
  const key = await candidateKey(
    em,
    keys,
    { tenantId: actor.tenantId, candidateId: app.candidate.id },
    { create: true },
  );
  const note = em.create(ApplicationNote, {
    tenant: actor.tenantId,
    application: app,
    author: em.getReference(User, actor.userId),
    body: sealFor(key, input.body),
  });
  app.lastActivityAt = new Date();
  await notifyMentions(em, actor, app, input.body);
  recordAudit(em, actor, {
    action: 'application.note',
    targetType: 'Application',
    targetId: app.id,
    subjectId: app.candidate.id,
  });
  await em.flush();
  await em.populate(note, ['author']);
  return toNote(key, note, textFilterFor(actor, app));
}

export async function setTags(
  em: Em,
  actor: Actor,
  keys: DataKeys,
  input: { id: string; tags: string[] },
): Promise<TApplication> {
  const app = await visibleApplication(em, actor, input.id);
  assertNotRestricted(app.candidate, 'their applications cannot be tagged');
  await em.transactional(async (tx) => {
    const wanted = new Set(input.tags);
    const current = await tx.find(ApplicationTag, { application: app });
    for (const row of current) if (!wanted.has(row.tag)) tx.remove(row);
    const have = new Set(current.map((r) => r.tag));
    for (const tag of wanted)
      if (!have.has(tag)) tx.create(ApplicationTag, { tenant: actor.tenantId, application: app, tag });
    recordAudit(tx, actor, {
      action: 'application.tags',
      targetType: 'Application',
      targetId: app.id,
      subjectId: app.candidate.id,
    });
    await tx.flush();
  });
  return toApplication(em, actor, keys, app);
}
