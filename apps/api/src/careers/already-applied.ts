import { Application, Candidate, type Em } from '@candor/db';
import { dayOf } from '@candor/schemas';
import { enqueueEmail, privacyFooter } from '../mail/outbox.js';

/**
 * Not a tenant template (the tenant cannot word it away), and not a hiring
 * email: it tells the owner of an address about their own data, so it goes
 * out while processing is restricted too (see heldWhileRestricted).
 */
export const ALREADY_APPLIED_TEMPLATE = 'application_already_received';

type Tenant = { id: string; name: string; slug: string };

/** The email to the owner of an address that was used to apply again for a role they had applied for. */
export function alreadyAppliedEmail(
  tenant: Pick<Tenant, 'name' | 'slug'>,
  input: { candidateName: string; jobTitle: string; appliedAt: Date },
  publicUrl: string,
) {
  return {
    template: ALREADY_APPLIED_TEMPLATE,
    subject: `Your application for ${input.jobTitle} at ${tenant.name}`.replace(/[\r\n]+/g, ' '),
    text: `Hello ${input.candidateName},\n\nSomeone sent an application for the ${input.jobTitle} role at ${tenant.name} with this email address. You already applied for this role on ${dayOf(input.appliedAt)}, so nothing was changed: ${tenant.name} keeps your application as you first sent it, and the new form was not stored.\n\nIf this wasn't you, ignore this email.\n${privacyFooter(tenant, publicUrl)}`,
  };
}

/**
 * A second application with the same address to the same job. The person
 * sending the form gets the same answer as for a first application (the
 * caller's business); the owner of the address learns what happened by
 * email. Nothing from the second form is written: the application stays as
 * first sent.
 */
export async function tellAlreadyApplied(
  em: Em,
  tenant: Tenant,
  job: { id: string; title: string },
  email: string,
  publicUrl: string,
): Promise<void> {
  await em.transactional(async (tx) => {
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
        { candidateName: candidate.name, jobTitle: job.title, appliedAt: application.appliedAt },
        publicUrl,
      ),
    });
  });
}
