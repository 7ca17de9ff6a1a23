import {
  MARKETING_PURPOSE,
  TALENT_POOL_PURPOSE,
  type TApplyResult,
  type TCareersNotice,
  type TPublicQuestion,
} from '@candor/schemas';
import type { TCareersJob } from '../careers-job.js';
import type { TenantApplyConfig } from '../pages/apply-page.js';

/** Test and demo data for careers sites. Each call makes fresh, unique values. */

let sequence = 0;
const next = () => ++sequence;

export const DESCRIPTION = `## What you will do
You will design **field robots** with a small team and ship them to farms across Europe.

- Own the motion planning stack end to end
- Work with *hardware* and *software* colleagues

## What you bring
Several years of experience with robotics, control theory and writing careful software.`;

export function seedCareersTenant(
  overrides: Partial<{ slug: string; name: string; primaryColor: string; about: string }> = {},
) {
  const n = next();
  return {
    slug: `acme-${n}`,
    name: 'Acme <Robotics>',
    primaryColor: '#0f766e',
    about: 'We build robots & more.',
    ...overrides,
  };
}

export function seedQuestion(overrides: Partial<TPublicQuestion> = {}): TPublicQuestion {
  const n = next();
  return {
    id: `q${n}`,
    label: `Question ${n}`,
    kind: 'short_text',
    required: false,
    options: [],
    ...overrides,
  };
}

export function seedCareersJob(overrides: Partial<TCareersJob> = {}): TCareersJob {
  const n = next();
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    title: `Robotics Engineer ${n}`,
    department: 'Engineering',
    city: 'Berlin',
    country: 'DE',
    workplace: 'onsite',
    employmentType: 'full_time',
    descriptionMd: DESCRIPTION,
    profileSections: [],
    translations: {},
    salary: { min: 60_000, max: 80_000, currency: 'EUR', period: 'year' },
    status: 'open',
    openedAt: '2026-11-01T09:00:00.000Z',
    closedAt: null,
    validThrough: '2026-12-31T09:00:00.000Z',
    questions: [],
    ...overrides,
  };
}

export function seedNotice(overrides: Partial<TCareersNotice> = {}): TCareersNotice {
  return {
    version: 1,
    effectiveOn: '2026-01-01',
    bodyMd: '# How we handle your application\n\nWe keep it **short**.',
    materialChange: false,
    changeSummary: '',
    ...overrides,
  };
}

export function seedApplyConfig(overrides: Partial<TenantApplyConfig> = {}): TenantApplyConfig {
  return {
    purposes: [
      {
        key: TALENT_POOL_PURPOSE,
        label: 'Keep my profile in the talent pool and contact me about future roles',
        description:
          'We contact you only about roles that fit you; you can leave at any time in the privacy portal.',
        marketing: false,
      },
      {
        key: MARKETING_PURPOSE,
        label: 'Send me news about the company and new roles by email',
        description: 'At most once a month; every email has a link to stop it.',
        marketing: true,
      },
    ],
    minimumAge: 18,
    askSalaryExpectation: false,
    ...overrides,
  };
}

/** The answer to an application, as the server gives it. */
export function seedApplyResult(
  options: { consented?: string[]; refused?: string[]; gpc?: boolean; noticeVersion?: number } = {},
): TApplyResult {
  const n = next();
  return {
    jobTitle: 'Robotics Engineer',
    email: `ada-${n}@example.test`,
    noticeVersion: options.noticeVersion ?? 1,
    gpc: options.gpc ?? false,
    choices: [
      { label: 'Assessing your application for the job you applied to', choice: 'needed' },
      ...(options.consented ?? ['Keep my profile in the talent pool <and> contact me']).map((label) => ({
        label,
        choice: 'consented' as const,
      })),
      ...(options.refused ?? ['Send me news by email']).map((label) => ({
        label,
        choice: 'refused' as const,
      })),
    ],
  };
}
