import { messagesFor } from '@candor/careers';
import { Application, Candidate, type Em } from '@candor/db';
import { dayOf, type TJobTranslations, type TLocale } from '@candor/schemas';
import { dayIn, jobTitleIn } from '../mail/candidate-language.js';
import { candidateEmailFooter } from '../mail/email-templates.service.js';
import { enqueueEmail } from '../mail/outbox.js';

/**
 * Not a tenant template (the tenant cannot word it away), and not a hiring
 * email: it tells the owner of an address about their own data, so it goes
 * out while processing is restricted too (see heldWhileRestricted).
 */
export const ALREADY_APPLIED_TEMPLATE = 'application_already_received';

type Tenant = { id: string; name: string; slug: string; languageSettings?: unknown };

/**
 * The email to the owner of an address that was used to apply again for a
 * role they had applied for, in the owner's language (not the second form's:
 * whoever sent it may be someone else).
 */
export function alreadyAppliedEmail(
  tenant: Pick<Tenant, 'name' | 'slug' | 'languageSettings'>,
  input: { candidateName: string; jobTitle: string; appliedAt: Date; locale?: TLocale },
  publicUrl: string,
) {
  const locale = input.locale ?? 'en';
  const t = messagesFor(locale);
  return {
    template: ALREADY_APPLIED_TEMPLATE,
    subject: t.emailAlreadyAppliedSubject(input.jobTitle, tenant.name).replace(/[\r\n]+/g, ' '),
    text: `${t.emailAlreadyAppliedBody(input.candidateName, input.jobTitle, tenant.name, dayIn(dayOf(input.appliedAt), locale))}${candidateEmailFooter(tenant, publicUrl, locale)}`,
  };
}

/**
 * A second application with the same address to the same job. The person
 * sending the form gets the same answer as for a first application (the
 * caller's business); the owner of the address learns what happened by
 * email, queued in the caller's transaction. Nothing from the second form
 * is written: the application stays as first sent.
 */
export async function tellAlreadyApplied(
  tx: Em,
  tenant: Tenant,
  job: { id: string; title: string; translations?: TJobTranslations | null },
  email: string,
  publicUrl: string,
): Promise<void> {
  const candidate = await tx.findOne(Candidate, { email });
  const application = candidate ? await tx.findOne(Application, { candidate, job: job.id }) : null;
  // Gone in between (erased or merged away): there is nobody to tell.
  if (!candidate || !application) return;
  enqueueEmail(tx, {
    tenantId: tenant.id,
    candidateId: candidate.id,
    to: candidate.email,
    ...alreadyAppliedEmail(
      tenant,
      {
        candidateName: candidate.name,
        jobTitle: jobTitleIn(job, candidate.locale, tenant),
        appliedAt: application.appliedAt,
        locale: candidate.locale,
      },
      publicUrl,
    ),
  });
}
