import {
  DEFAULT_DIVERSITY_SETTINGS,
  DEFAULT_PRIVACY_SETTINGS,
  defaultNoticeMd,
  TALENT_POOL_PURPOSE,
  type TPrivacySettings,
} from '@candor/schemas';
import { Application, ConsentEvent, Disclosure, PrivacyNotice, Tenant } from '../entities/index.js';
import type { Em } from '../orm.js';

const DAY = 24 * 60 * 60 * 1000;

/** What the demo tenants record for the Art. 30 record, by slug: acme shows a DPO and transfers; the others record none. */
const DEMO_PROCESSING: Record<string, Pick<TPrivacySettings, 'controllerAddress' | 'dpo' | 'recipients'>> = {
  acme: {
    controllerAddress: 'Acme Robotics GmbH, Robotergasse 7, 10115 Berlin, Germany',
    dpo: { name: 'Dana Protection', email: 'dpo@acme.example' },
    recipients: [
      {
        name: 'Postmark (email delivery)',
        role: 'processor',
        purpose: 'Delivers the emails sent to applicants and staff',
        country: 'US',
        safeguard: 'scc',
        notifyEmail: '',
        hrExport: false,
      },
      {
        name: 'Personio (HR system)',
        role: 'processor',
        purpose: 'Receives hires with "Export to HR" for onboarding and payroll',
        country: 'DE',
        safeguard: 'none',
        notifyEmail: 'privacy@personio.example',
        hrExport: true,
      },
      {
        name: 'Checkr background checks',
        role: 'controller',
        purpose: 'Background checks of candidates who receive an offer',
        country: 'US',
        safeguard: 'scc',
        notifyEmail: 'privacy@checkr.example',
        hrExport: false,
      },
    ],
  },
};

/**
 * A demo tenant's privacy setup: its contact address (and for acme its DPO
 * and recipients), and notice version 1
 * in effect since before the first demo application, so the careers site
 * takes applications from the first start.
 */
export async function seedDemoPrivacy(tx: Em, tenantId: string, contactEmail: string): Promise<void> {
  const tenant = await tx.findOneOrFail(Tenant, tenantId);
  tenant.privacySettings = { ...DEFAULT_PRIVACY_SETTINGS, contactEmail, ...DEMO_PROCESSING[tenant.slug] };
  // acme runs the voluntary diversity survey (UK/EU wording), so a demo applicant is invited to it.
  // With a demo's few dozen respondents only the smallest k (5) leaves some counts to show.
  if (tenant.slug === 'acme')
    tenant.diversitySettings = { ...DEFAULT_DIVERSITY_SETTINGS, enabled: true, k: 5 };
  // acme tells the people it adds itself from the candidates list (Art. 14), so the demo has a queue.
  if (tenant.slug === 'acme')
    tenant.privacySettings = { ...tenant.privacySettings, sourcedNotice: 'by_hand' };
  const publishedAt = new Date(Date.now() - 200 * DAY);
  tx.create(PrivacyNotice, {
    tenant,
    version: 1,
    bodyMd: defaultNoticeMd(tenant.name),
    effectiveOn: publishedAt.toISOString().slice(0, 10),
    materialChange: false,
    changeSummary: '',
    publishedAt,
    publishedBy: null,
    updatedAt: publishedAt,
  });
  await seedDemoConsents(tx, tenantId);
  if (tenant.slug === 'acme') await seedDemoDisclosures(tx, tenantId);
}

/**
 * acme's latest hire went to the background-check company the day after
 * accepting the offer and to HR a few days later, so the candidate page and the person's portal show a
 * disclosure log, and an erasure of theirs tells exactly those two.
 */
async function seedDemoDisclosures(tx: Em, tenantId: string): Promise<void> {
  const [hire] = await tx.find(
    Application,
    { tenant: tenantId, status: 'hired' },
    { orderBy: { decidedAt: 'desc', id: 'asc' }, limit: 1, populate: ['candidate'] },
  );
  if (!hire?.decidedAt) return;
  // The background check ran the day after the offer was accepted, the export to HR a few days later.
  const checkedAt = new Date(hire.decidedAt.getTime() + DAY);
  const exportedAt = new Date(Math.min(Date.now() - DAY, hire.decidedAt.getTime() + 4 * DAY));
  hire.hrExportedAt = exportedAt;
  const base = { tenant: tenantId, candidate: hire.candidate, application: hire, disclosedBy: null };
  tx.create(Disclosure, {
    ...base,
    recipientName: 'Checkr background checks',
    recipientKind: 'controller',
    recipientCountry: 'US',
    safeguard: 'scc',
    notifyEmail: 'privacy@checkr.example',
    categories: ['user.contact.email', 'user.name', 'user.professional.history'],
    purpose: 'Background check after the accepted offer',
    via: 'manual',
    disclosedAt: checkedAt,
  });
  tx.create(Disclosure, {
    ...base,
    recipientName: 'Personio (HR system)',
    recipientKind: 'processor',
    recipientCountry: 'DE',
    safeguard: 'none',
    notifyEmail: 'privacy@personio.example',
    // What hire.json held for this hire, as the API's Export to HR records it: only the values the candidate has.
    categories: [
      'user.contact.email',
      'user.name',
      'user.recruitment.application',
      ...(hire.candidate.phone ? (['user.contact.phone_number'] as const) : []),
      ...(hire.candidate.location ? (['user.contact.address'] as const) : []),
    ],
    purpose: 'Receives hires with "Export to HR" for onboarding and payroll',
    via: 'hr_export',
    disclosedAt: exportedAt,
  });
}

/**
 * The consent decisions of the demo's careers-site applicants, made under
 * version 1 when they applied: every third joined the talent pool, every
 * seventh agreed to news. (Real applications also get a signed receipt; the
 * seed has no signing key, so these have none.)
 */
async function seedDemoConsents(tx: Em, tenantId: string): Promise<void> {
  const applications = await tx.find(
    Application,
    { tenant: tenantId, source: 'careers_site' },
    { orderBy: { appliedAt: 'asc', id: 'asc' }, populate: ['candidate'] },
  );
  const { consentPurposes } = DEFAULT_PRIVACY_SETTINGS;
  const seen = new Set<string>();
  applications.forEach((application, i) => {
    application.noticeVersion = 1;
    if (seen.has(application.candidate.id)) return; // one set of decisions per person, at their first application
    seen.add(application.candidate.id);
    for (const purpose of consentPurposes) {
      const given = purpose.key === TALENT_POOL_PURPOSE ? i % 3 === 0 : i % 7 === 0;
      tx.create(ConsentEvent, {
        tenant: tenantId,
        candidate: application.candidate,
        application,
        purpose: purpose.key,
        purposeLabel: purpose.label,
        decision: given ? 'given' : 'refused',
        noticeVersion: 1,
        channel: 'careers_apply',
        gpc: false,
        receipt: null,
        occurredAt: application.appliedAt,
      });
    }
  });
}
