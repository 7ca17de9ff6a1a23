import { type Em, subjectGraph, Tenant } from '@candor/db';
import {
  DATA_CATEGORIES,
  isTransfer,
  LEGAL_BASES,
  PURPOSES,
  type TDataCategory,
  type TPrivacySettings,
  periodLabel,
  type TRetentionPolicyVersion,
  TRANSFER_SAFEGUARD_LABELS,
} from '@candor/schemas';
import { letterPdf } from '../offers/letter-pdf.js';
import { currentRetentionPolicy } from '../retention/retention-policy.service.js';
import { privacySettingsOf } from './privacy-settings.service.js';

/** Where staff data lives; everything else in the graph is about applicants. */
const STAFF_ENTITIES = ['User', 'Membership', 'Session', 'PasswordToken', 'AuditEvent'];

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
  return text.trim().replace(/\s*\n\s*/g, ', ').replace(/\s+/g, ' ');
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
  return transfers.map((r) => `- **${inline(r.name)}** to ${r.country}: ${TRANSFER_SAFEGUARD_LABELS[r.safeguard]}`).join('\n');
}


/** The retention periods in force (Art. 30(1)(f)), rule by rule, with their per-country overrides. */
function retentionSection({ version, policy }: TRetentionPolicyVersion): string {
  const source = version === 0 ? "Candor's default retention policy" : `retention policy version ${version}`;
  const rules = policy.rules.filter((r) => r.enabled);
  if (rules.length === 0) return `- Automatic retention: every rule of the ${source} is switched off; data is kept until it is erased.`;
  return [
    `- Automatic retention (${source}), carried out by Candor without anyone having to remember:`,
    ...rules.map((rule) => {
      const overrides = policy.overrides
        .filter((o) => o.ruleId === rule.id)
        .map((o) => `${o.country}: ${periodLabel(o.period)}`);
      const what = rule.action === 'erase' ? 'erased' : 'anonymized';
      return `  - ${inline(rule.label)}: ${what} after ${periodLabel(rule.period)}${overrides.length ? ` (${overrides.join('; ')})` : ''}`;
    }),
    '- Data under a legal hold is kept until the hold ends, and reported.',
  ].join('\n');
}

/**
 * The record of processing activities (GDPR Art. 30(1)) of one tenant,
 * generated from the data catalogue (which entity holds which categories),
 * the purposes and legal bases, and the tenant's privacy settings, so it
 * says what the system actually does. Markdown; `recordOfProcessingPdf`
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
  const consentPurposes = settings.consentPurposes.filter((p) => p.enabled);
  const purposes = [
    [PURPOSES.recruitment.label, LEGAL_BASES[PURPOSES.recruitment.legalBasis].article, 'Applicants'],
    ...consentPurposes.map((p) => [p.label, LEGAL_BASES['gdpr.6.1.a'].article, 'Applicants who consented']),
    [PURPOSES.security.label, LEGAL_BASES[PURPOSES.security.legalBasis].article, 'Staff users'],
  ];
  return `# Record of processing activities: ${tenant.name}

Generated by Candor on ${now.toISOString().slice(0, 10)} from the data catalogue and the company's settings (GDPR Art. 30(1)).

## Controller
${controllerSection(tenant.name, settings)}

## Purposes and legal bases
${purposes.map(([purpose, basis, subjects]) => `- **${purpose}**: ${basis}; data subjects: ${subjects}`).join('\n')}

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
  return letterPdf({ heading: title.replace(/^# /, ''), subheading: 'GDPR Art. 30(1)', body, footer: 'Generated by Candor' });
}
