import { ConsentEvent, type Em, OutboxEmail } from '@candor/db';
import { COMPOSED_MESSAGE_TEMPLATES, type TMessageSkipReason } from '@candor/schemas';
import { privacySettingsOf } from '../privacy/privacy-settings.service.js';
import { ERASED_EMAIL_SUFFIX } from '../retention/find-due.js';

/**
 * Of these candidates, those with live marketing consent: their latest
 * decision on one of the tenant's marketing purposes (privacy settings,
 * `marketing: true`) is "given". An objection to marketing withdraws them
 * all, so it needs no check of its own.
 */
export async function withMarketingConsent(
  em: Em,
  tenantId: string,
  candidateIds: string[],
): Promise<Set<string>> {
  if (candidateIds.length === 0) return new Set();
  const settings = await privacySettingsOf(em, tenantId);
  const purposes = settings.consentPurposes.filter((p) => p.marketing).map((p) => p.key);
  if (purposes.length === 0) return new Set();
  const events = await em.find(
    ConsentEvent,
    { candidate: { $in: candidateIds }, purpose: { $in: purposes } },
    { fields: ['candidate', 'purpose', 'decision'], orderBy: { occurredAt: 'asc', id: 'asc' } },
  );
  const latest = new Map<string, string>();
  for (const e of events) latest.set(`${e.candidate.id}:${e.purpose}`, e.decision);
  return new Set(
    [...latest.entries()].filter(([, decision]) => decision === 'given').map(([key]) => key.split(':')[0]!),
  );
}

/**
 * Why a message may not go to this candidate, or null when it may:
 * no hiring email to a candidate who restricted processing (Art. 18), none
 * to an erased or anonymized one (their address reaches no one), and no
 * marketing without live marketing consent.
 */
export function skipReason(
  candidate: { id: string; email: string; restrictedAt?: Date | null },
  marketing: boolean,
  consented: ReadonlySet<string>,
): TMessageSkipReason | null {
  if (candidate.email.endsWith(ERASED_EMAIL_SUFFIX)) return 'no_address';
  if (candidate.restrictedAt) return 'restricted';
  if (marketing && !consented.has(candidate.id)) return 'no_consent';
  return null;
}

/**
 * Takes back the candidate's marketing messages still waiting in the outbox
 * once they have no live marketing consent (withdrawn in the portal, or an
 * unsubscribe): written while they consented, they must not go out after.
 * Deleted, like any message never sent. Returns how many.
 */
export async function withdrawPendingMarketing(
  em: Em,
  tenantId: string,
  candidateId: string,
): Promise<number> {
  await em.flush();
  if ((await withMarketingConsent(em, tenantId, [candidateId])).has(candidateId)) return 0;
  return em.nativeDelete(OutboxEmail, {
    candidate: candidateId,
    template: COMPOSED_MESSAGE_TEMPLATES.marketing,
    status: 'pending',
  });
}
