import { type TCareersJob, validThroughFor } from '@candor/careers';
import { type InferEntity, Job, type Orm, TENANT_FILTER, Tenant } from '@candor/db';
import {
  careersPrivacyOf,
  LOGO_FILE_NAMES,
  languageSettingsOf,
  type TCareersTenant,
  type TSalaryRange,
} from '@candor/schemas';
import { diversitySettingsOf } from '../diversity/survey.service.js';
import type { FileStore } from '../files/file-store.js';
import { activeSigningKey, publicSigningKeys } from '../keys/signing-keys.service.js';
import type { Logger } from '../logging/logger.js';
import { publishedNotices } from '../privacy/notices.service.js';
import { privacySettingsOf } from '../privacy/privacy-settings.service.js';
import { currentRetentionPolicy } from '../retention/retention-policy.service.js';
import type { CareersSiteStore } from '../storage/careers-site.js';
import { publicQuestions, tenantApplyConfig } from './apply-config.js';

type JobRow = InferEntity<typeof Job>;

function salaryOf(job: JobRow): TSalaryRange | null {
  if (job.salaryMin == null || job.salaryMax == null || !job.salaryCurrency || !job.salaryPeriod) return null;
  return {
    min: job.salaryMin,
    max: job.salaryMax,
    currency: job.salaryCurrency,
    period: job.salaryPeriod as TSalaryRange['period'],
  };
}

/** The public part of a job, as the careers site shows it. */
function careersJobOf(job: JobRow, now: Date): TCareersJob {
  const open = job.status === 'open';
  return {
    id: job.id,
    title: job.title,
    department: job.department,
    city: job.city ?? null,
    country: job.country ?? null,
    workplace: job.workplace as TCareersJob['workplace'],
    employmentType: job.employmentType as TCareersJob['employmentType'],
    descriptionMd: job.descriptionMd,
    salary: salaryOf(job),
    status: open ? 'open' : 'closed',
    openedAt: job.openedAt?.toISOString() ?? null,
    closedAt: open ? null : (job.closedAt?.toISOString() ?? null),
    validThrough: open && job.openedAt ? validThroughFor(job.openedAt, now).toISOString() : null,
    questions: publicQuestions(job),
    profileSections: job.profileSections ?? [],
    translations: job.translations ?? {},
  };
}

type TenantRow = InferEntity<typeof Tenant>;

/** What the site shows of the tenant itself. */
export function careersTenantOf(tenant: TenantRow): TCareersTenant {
  return { slug: tenant.slug, name: tenant.name, primaryColor: tenant.primaryColor, about: tenant.about };
}

/** The logo's file name on the site, when the tenant has one. */
export function logoFileOf(tenant: TenantRow): string | null {
  return tenant.logoKey && tenant.logoType
    ? (LOGO_FILE_NAMES[tenant.logoType as keyof typeof LOGO_FILE_NAMES] ?? null)
    : null;
}

/**
 * Regenerates tenants' static careers sites from the database. Called at
 * start for every tenant and after changes that show on the site: jobs,
 * branding, privacy settings and notices, the retention policy and the
 * diversity survey's settings (the privacy page and apply form state them).
 */
export function createCareersPublisher(options: {
  orm: Orm;
  /** Where the sites go: a folder (`diskCareersSite`) or a bucket (`s3CareersSite`); storage/careers-site.ts. */
  site: CareersSiteStore;
  publicUrl: string;
  logger: Logger;
  files: FileStore;
  masterKey: Buffer;
}) {
  const { orm, site, publicUrl, logger } = options;
  // One publish at a time per tenant: a later change always lands last.
  const queues = new Map<string, Promise<void>>();

  async function render(tenantId: string): Promise<void> {
    const em = orm.em.fork();
    em.setFilterParams(TENANT_FILTER, { tenantId });
    const tenant = await em.findOne(Tenant, tenantId);
    if (!tenant) return;
    const jobs = await em.find(
      Job,
      { status: { $in: ['open', 'closed'] } },
      { orderBy: { createdAt: 'asc' } },
    );
    const now = new Date();
    // The receipt-signing key exists before the first receipt, so the published key set always covers it.
    await activeSigningKey(em, tenantId, options.masterKey);
    await em.flush();
    const logoFile = logoFileOf(tenant);
    const assets: Record<string, string | Uint8Array> = {
      'jwks.json': `${JSON.stringify({ keys: await publicSigningKeys(em) }, null, 2)}\n`,
    };
    if (logoFile && tenant.logoKey) assets[logoFile] = await options.files.read(tenant.logoKey);
    const settings = await privacySettingsOf(em, tenantId);
    // What the privacy page says is what this tenant does: its consent purposes, survey, recipients and periods in force.
    const privacy = careersPrivacyOf({
      consentPurposes: settings.consentPurposes,
      recipients: settings.recipients,
      diversitySurvey: diversitySettingsOf(tenant).enabled,
      backgroundChecks: settings.backgroundChecks.enabled,
      policy: (await currentRetentionPolicy(em, tenantId)).policy,
    });
    await site.write({
      tenant: careersTenantOf(tenant),
      jobs: jobs.map((job) => careersJobOf(job, now)),
      baseUrl: publicUrl,
      notices: await publishedNotices(em),
      languages: languageSettingsOf(tenant.languageSettings),
      apply: tenantApplyConfig(settings),
      privacy,
      logoFile,
      assets,
    });
    logger.info('careers site published', { tenantId, jobs: jobs.length });
  }

  function publish(tenantId: string): Promise<void> {
    const next = (queues.get(tenantId) ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => render(tenantId));
    queues.set(tenantId, next);
    void next
      .finally(() => {
        if (queues.get(tenantId) === next) queues.delete(tenantId);
      })
      .catch(() => undefined);
    return next;
  }

  async function publishAll(): Promise<void> {
    const tenants = await orm.em.fork().find(Tenant, {}, { fields: ['id'] });
    for (const tenant of tenants) await publish(tenant.id);
  }

  return { publish, publishAll };
}
