import { dayOf } from '@candor/schemas';
import { privacyFooter as footer } from '../mail/outbox.js';

/**
 * The emails about a restriction of processing. Candor's wording, not the
 * tenant's templates (they state the candidate's rights), sent with the
 * rights template so the outbox does not hold them while the candidate is
 * restricted (see heldWhileRestricted).
 */
type Tenant = { name: string; slug: string };

const TEMPLATE = 'privacy_request';

/** Confirms a restriction that staff entered for the candidate (asked for by phone or letter). */
export function restrictedEmail(
  tenant: Tenant,
  candidate: { name: string; restrictedAt: Date },
  publicUrl: string,
) {
  return {
    template: TEMPLATE,
    subject: `${tenant.name}: processing of your data is restricted`,
    text: `Hello ${candidate.name},\n\nAs you asked, ${tenant.name} has restricted the processing of your data from ${dayOf(candidate.restrictedAt)} (GDPR Art. 18). Your data is kept but not used: your applications do not move on and you get no emails about them until the restriction is lifted. ${tenant.name} will tell you before lifting it.\n\nIf you did not ask for this, tell ${tenant.name} at once.\n${footer(tenant, publicUrl)}`,
  };
}

/** Tells the candidate, before their data is used again, that the restriction is lifted (Art. 18(3)). */
export function restrictionLiftedEmail(
  tenant: Tenant,
  candidate: { name: string; restrictedAt: Date },
  publicUrl: string,
) {
  return {
    template: TEMPLATE,
    subject: `${tenant.name}: processing of your data is no longer restricted`,
    text: `Hello ${candidate.name},\n\n${tenant.name} is lifting the restriction of processing of your data that has applied since ${dayOf(candidate.restrictedAt)} (GDPR Art. 18). From now on your data will be processed again: your applications can move on in the hiring process, and you may get emails about them.\n\nIf you think the restriction should stay, tell ${tenant.name} or use your privacy portal (link below).\n${footer(tenant, publicUrl)}`,
  };
}
