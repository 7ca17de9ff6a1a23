import { type Em, User } from '@candor/db';
import type { TApplication } from '@candor/schemas';
import { recordAudit } from '../audit/audit.service.js';
import { visibleApplication } from '../hiring/job-scope.js';
import type { DataKeys } from '../keys/data-keys.js';
import type { Actor } from '../trpc/init.js';
import { toApplication } from './application-detail.js';

/**
 * Reveals the candidate's identity to the job's reviewers (for example at
 * the offer stage): blind review no longer applies to this application. It
 * cannot be taken back, since they will have seen it, and it is audited.
 */
export async function revealIdentity(
  em: Em,
  actor: Actor,
  keys: DataKeys,
  id: string,
): Promise<TApplication> {
  const app = await visibleApplication(em, actor, id);
  if (!app.identityRevealedAt) {
    app.identityRevealedAt = new Date();
    app.identityRevealedBy = em.getReference(User, actor.userId);
    recordAudit(em, actor, {
      action: 'application.identity_reveal',
      targetType: 'Application',
      targetId: app.id,
      subjectId: app.candidate.id,
    });
    await em.flush();
  }
  return toApplication(em, actor, keys, app);
}
