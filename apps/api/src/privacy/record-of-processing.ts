import { type Em, entities, privacyPolicyOf, subjectGraph, Tenant } from '@candor/db';
import {
  DATA_CATEGORIES,
  isConsentBasis,
  isSpecialCategory,
  isTransfer,
  LEGAL_BASES,
  PURPOSES,
  periodLabel,
  purposesInUse,
  type TDataCategory,
  type TPrivacySettings,
  type TPurposeInUse,
  TRANSFER_SAFEGUARD_LABELS,
  type TRetentionPolicy,
  type TRetentionPolicyVersion,
  type TRetentionRule,
} from '@candor/schemas';
import { diversitySettingsOf } from '../diversity/survey.service.js';
import { letterPdf } from '../offers/letter-pdf.js';
import { currentRetentionPolicy } from '../retention/retention-policy.service.js';
import { privacySettingsOf } from './privacy-settings.service.js';

/** Where staff data lives, as the entities' privacy policies say; the subject graph holds what is about applicants. */
const STAFF_ENTITIES = entities
  .map((e) => e.meta.className)
  .filter((name) => privacyPolicyOf(name).holds === 'staff');

const SECURITY_MEASURES = [
  'Access by role (owner, admin, recruiter, hiring manager); hiring managers see only the jobs whose hiring team they are on',
  'Tenant isolation enforced in one place for every query',
  'Passwords hashed with argon2id; sessions in httpOnly cookies with origin checks',
  'Files stored under random names, type-checked on upload, downloaded only through an authorized, audited endpoint',
  'A hash-chained, tamper-evident audit log of staff actions, naming data subjects only by pseudonym',
  'Consent receipts signed with the company key; signing keys stored encrypted under a master key',
  'No personal data in application logs; no cookies or trackers on the careers site',
];

/** Text the company typed, on one line, so it cannot start a list item or heading of its own. */
function inline(text: string): string {
  return text
    .trim()
    .replace(/\s*\n\s*/g, ', ')
    .replace(/\s+/g, ' ');
}

const RECIPIENT_ROLE_LABELS = { processor: 'processor', controller: 'independent controller' } as const;

function controllerSection(tenantName: string, settings: TPrivacySettings): string {
  const { dpo } = settings;
  const dpoLine =
    dpo.name || dpo.email
      ? [inline(dpo.name), dpo.email && (dpo.name ? `(${dpo.email})` : dpo.email)].filter(Boolean).join(' ')
      : 'No data protection officer designated';
  return [
    `- **Name:** ${tenantName}`,
    `- **Address:** ${inline(settings.controllerAddress) || 'not set (Privacy settings)'}`,
    `- **Privacy contact:** ${settings.contactEmail || 'not set (Privacy settings)'}`,
    `- **Data protection officer:** ${dpoLine}`,
  ].join('\n');
}

function recipientsSection(settings: TPrivacySettings): string {
  return [
    "- The company's recruiters, admins and the hiring team of each job (internal)",
    '- Candor, as processor, hosting the system',
    ...settings.recipients.map(
      (r) => `- **${inline(r.name)}** (${RECIPIENT_ROLE_LABELS[r.role]}, ${r.country}): ${inline(r.purpose)}`,
    ),
  ].join('\n');
}

function transfersSection(settings: TPrivacySettings): string {
  const transfers = settings.recipients.filter(isTransfer);
  if (transfers.length === 0) return 'None';
  return transfers
    .map((r) => `- **${inline(r.name)}** to ${r.country}: ${TRANSFER_SAFEGUARD_LABELS[r.safeguard]}`)
    .join('\n');
}

/** One rule of the policy: its label, what it does after how long, and the countries with another period. */
function ruleLine(policy: TRetentionPolicy, rule: TRetentionRule): string {
  const overrides = policy.overrides
    .filter((o) => o.ruleId === rule.id)
    .map((o) => `${o.country}: ${periodLabel(o.period)}`);
  const what = rule.action === 'erase' ? 'erased' : 'anonymized';
  return `${inline(rule.label)}: ${what} after ${periodLabel(rule.period)}${overrides.length ? ` (${overrides.join('; ')})` : ''}`;
}

/** The retention periods in force (Art. 30(1)(f)), rule by rule, with their per-country overrides. */
function retentionSection({ version, policy }: TRetentionPolicyVersion): string {
  const source = version === 0 ? "Candor's default retention policy" : `retention policy version ${version}`;
  const rules = policy.rules.filter((r) => r.enabled);
  if (rules.length === 0)
    return `- Automatic retention: every rule of the ${source} is switched off; data is kept until it is erased.`;
  return [
    `- Automatic retention (${source}), carried out by Candor without anyone having to remember:`,
    ...rules.map((rule) => `  - ${ruleLine(policy, rule)}`),
    '- Data under a legal hold is kept until the hold ends, and reported.',
  ].join('\n');
}

/** Why an optional catalogue purpose can be off for a tenant, and where it is turned on. */
const NOT_IN_USE_BECAUSE: Record<(typeof PURPOSES)[keyof typeof PURPOSES]['inUseWhen'], string> = {
  always: 'always in use',
  consent_purpose: 'not offered as a consent purpose in the Privacy settings',
  diversity_survey: 'the diversity survey is off in the Diversity settings',
};

/** One purpose in use: basis, whose data, special categories, and how long under the policy in force. */
function purposeLine(policy: TRetentionPolicy, purpose: TPurposeInUse): string {
  const catalogue = purpose.catalogue ? PURPOSES[purpose.catalogue] : null;
  const name =
    catalogue && catalogue.label !== purpose.label
      ? `**${catalogue.label}** (asked as "${inline(purpose.label)}")`
      : `**${inline(purpose.label)}**`;
  const basis = LEGAL_BASES[purpose.legalBasis];
  const consent = isConsentBasis(purpose.legalBasis);
  const subjects =
    purpose.subjects === 'staff' ? 'Staff users' : consent ? 'Applicants who consented' : 'Applicants';
  const special = purpose.categories.some(isSpecialCategory) ? '; special-category data (Art. 9)' : '';
  const rules = purpose.retention.flatMap((r) => {
    const rule = policy.rules.find((x) => x.id === r.ruleId);
    return rule ? [ruleLine(policy, rule)] : [];
  });
  const until = [...(consent ? ['until consent is withdrawn'] : []), ...rules];
  return `- ${name}: ${basis.article}, ${basis.label.toLowerCase()}; data subjects: ${subjects}${special}; retention: ${
    until.length ? until.join('; ') : 'until erased on request (no retention rule in force)'
  }`;
}

/**
 * Every purpose of the catalogue: those this tenant uses (the catalogue's
 * optional ones by the tenant's wording, plus its own consent purposes)
 * with basis and retention, then a line naming the optional ones it does
 * not use and why, so the section can never silently miss a purpose.
 */
function purposesSection(purposes: TPurposeInUse[], policy: TRetentionPolicy): string {
  const unused = purposes.filter((p) => !p.inUse && p.catalogue);
  return [
    ...purposes.filter((p) => p.inUse).map((p) => purposeLine(policy, p)),
    ...(unused.length
      ? [
          `- Not in use by this company: ${unused
            .map(
              (p) =>
                `**${p.label}** (${p.catalogue ? NOT_IN_USE_BECAUSE[PURPOSES[p.catalogue].inUseWhen] : ''})`,
            )
            .join('; ')}`,
        ]
      : []),
  ].join('\n');
}

/**
 * The record of processing activities (GDPR Art. 30(1)) of one tenant,
 * generated from the data catalogue (which entity holds which categories),
 * the purpose catalogue (purposesInUse: the tenant's consent purposes,
 * diversity survey and retention policy in force), and the tenant's
 * privacy settings, so it says what the system actually does. Markdown; `recordOfProcessingPdf`
 * renders the same text.
 */
export async function recordOfProcessing(em: Em, tenantId: string, now: Date = new Date()): Promise<string> {
  const tenant = await em.findOneOrFail(Tenant, tenantId);
  const settings = await privacySettingsOf(em, tenantId);
  const applicantCategories = new Map<TDataCategory, Set<string>>();
  for (const node of subjectGraph(em)) {
    for (const { category } of node.personal) {
      applicantCategories.set(category, (applicantCategories.get(category) ?? new Set()).add(node.entity));
    }
  }
  const retention = await currentRetentionPolicy(em, tenantId);
  const purposes = purposesInUse({
    consentPurposes: settings.consentPurposes,
    diversitySurvey: diversitySettingsOf(tenant).enabled,
    backgroundChecks: settings.backgroundChecks.enabled,
    policy: retention.policy,
  });
  return `# Record of processing activities: ${tenant.name}

Generated by Candor on ${now.toISOString().slice(0, 10)} from the data catalogue and the company's settings (GDPR Art. 30(1)).

## Controller
${controllerSection(tenant.name, settings)}

## Purposes and legal bases
${purposesSection(purposes, retention.policy)}

## Categories of data subjects
- Applicants and candidates (people who applied, or whom the hiring team added)
- Staff users of the backoffice (${STAFF_ENTITIES.join(', ')})

## Categories of personal data about applicants
${[...applicantCategories]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(
    ([category, entities]) =>
      `- **${DATA_CATEGORIES[category].label}** (\`${category}\`)${DATA_CATEGORIES[category].special ? ', special category (Art. 9)' : ''}: held in ${[...entities].sort().join(', ')}`,
  )
  .join('\n')}

## Recipients
${recipientsSection(settings)}

## Transfers to third countries
${transfersSection(settings)}

## Time limits for erasure
- Applicants can have their data erased at any time through the privacy portal; erasure removes every value listed above (applications are kept only as anonymous statistics).
- Consent-based purposes end when consent is withdrawn.
${retentionSection(retention)}

## Technical and organisational security measures
${[...SECURITY_MEASURES, ...settings.securityMeasures.map(inline)].map((m) => `- ${m}`).join('\n')}
`;
}

/** The record as a PDF (the markdown's text, in the offer letter's plain layout). */
export async function recordOfProcessingPdf(em: Em, tenantId: string): Promise<Buffer> {
  const markdown = await recordOfProcessing(em, tenantId);
  const [title = '', ...rest] = markdown.split('\n');
  const body = rest
    .join('\n')
    .replace(/^## /gm, '')
    .replace(/\*\*/g, '')
    .replace(/`/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return letterPdf({
    heading: title.replace(/^# /, ''),
    subheading: 'GDPR Art. 30(1)',
    body,
    footer: 'Generated by Candor',
  });
}
