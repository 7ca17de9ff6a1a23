import { messagesFor } from '@candor/careers';
import { dayOf, type TLocale } from '@candor/schemas';
import { dayIn } from '../mail/candidate-language.js';
import { candidateEmailFooter } from '../mail/email-templates.service.js';

/**
 * The emails about a restriction of processing. Candor's wording, not the
 * tenant's templates (they state the candidate's rights), in the candidate's
 * language (`candidate.locale`), sent with the rights template so the outbox
 * does not hold them while the candidate is restricted (see heldWhileRestricted).
 */
type Tenant = { name: string; slug: string; languageSettings?: unknown };
type RestrictedCandidate = { name: string; restrictedAt: Date; locale?: TLocale };

const TEMPLATE = 'privacy_request';

/** Confirms a restriction that staff entered for the candidate (asked for by phone or letter). */
export function restrictedEmail(tenant: Tenant, candidate: RestrictedCandidate, publicUrl: string) {
  const locale = candidate.locale ?? 'en';
  const t = messagesFor(locale);
  const since = dayIn(dayOf(candidate.restrictedAt), locale);
  return {
    template: TEMPLATE,
    subject: t.emailRestrictionSubject(tenant.name).replace(/[\r\n]+/g, ' '),
    text: `${t.emailRestrictionBody(candidate.name, tenant.name, since)}${candidateEmailFooter(tenant, publicUrl, locale)}`,
  };
}

/** Tells the candidate, before their data is used again, that the restriction is lifted (Art. 18(3)). */
export function restrictionLiftedEmail(tenant: Tenant, candidate: RestrictedCandidate, publicUrl: string) {
  const locale = candidate.locale ?? 'en';
  const t = messagesFor(locale);
  const since = dayIn(dayOf(candidate.restrictedAt), locale);
  return {
    template: TEMPLATE,
    subject: t.emailRestrictionLiftedSubject(tenant.name).replace(/[\r\n]+/g, ' '),
    text: `${t.emailRestrictionLiftedBody(candidate.name, tenant.name, since)}${candidateEmailFooter(tenant, publicUrl, locale)}`,
  };
}
