import type { TCareersTenant } from '@candor/schemas';
import type { TCareersJob } from './careers-job.js';
import { SafeHtml, scriptJson } from './html.js';
import { renderMarkdown } from './markdown.js';

const EMPLOYMENT_TYPES: Record<TCareersJob['employmentType'], string> = {
  full_time: 'FULL_TIME',
  part_time: 'PART_TIME',
  contract: 'CONTRACTOR',
  temporary: 'TEMPORARY',
  internship: 'INTERN',
};

const UNITS = { year: 'YEAR', month: 'MONTH', hour: 'HOUR' } as const;

/** schema.org JobPosting for an open job (https://developers.google.com/search/docs/appearance/structured-data/job-posting). */
export function jobPosting(
  job: TCareersJob,
  tenant: TCareersTenant,
  siteUrl: string,
  /** The site has the job's apply form. */
  directApply = false,
  /** The language of the title and description (BCP 47). */
  inLanguage?: string,
): Record<string, unknown> {
  const posting: Record<string, unknown> = {
    '@context': 'https://schema.org/',
    '@type': 'JobPosting',
    title: job.title,
    // Search engines expect the description as HTML; ours is the escaped rendering.
    description: renderMarkdown(job.descriptionMd).value || job.title,
    identifier: { '@type': 'PropertyValue', name: tenant.name, value: job.id },
    datePosted: job.openedAt,
    hiringOrganization: { '@type': 'Organization', name: tenant.name, sameAs: siteUrl },
    employmentType: EMPLOYMENT_TYPES[job.employmentType],
    directApply,
    url: `${siteUrl}jobs/${job.id}/`,
  };
  if (inLanguage) posting.inLanguage = inLanguage;
  if (job.validThrough) posting.validThrough = job.validThrough;
  if (job.workplace === 'remote') {
    posting.jobLocationType = 'TELECOMMUTE';
    if (job.country) posting.applicantLocationRequirements = { '@type': 'Country', name: job.country };
  } else {
    const address: Record<string, string> = { '@type': 'PostalAddress' };
    if (job.city) address.addressLocality = job.city;
    if (job.country) address.addressCountry = job.country;
    posting.jobLocation = { '@type': 'Place', address };
  }
  if (job.salary) {
    posting.baseSalary = {
      '@type': 'MonetaryAmount',
      currency: job.salary.currency,
      value: {
        '@type': 'QuantitativeValue',
        minValue: job.salary.min,
        maxValue: job.salary.max,
        unitText: UNITS[job.salary.period],
      },
    };
  }
  return posting;
}

/** The JSON-LD element; see `scriptJson` for the escaping. */
export function jsonLdScript(data: unknown): SafeHtml {
  return new SafeHtml(`<script type="application/ld+json">${scriptJson(data)}</script>`);
}
