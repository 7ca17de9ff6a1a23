import type { TCareersTenant } from '@candor/schemas';
import type { TCareersJob } from './careers-job.js';
import { jobPosting } from './job-posting.js';
import { renderMarkdown } from './markdown.js';

/**
 * Job feeds for job boards and aggregators, written with the rest of the
 * site (so they change exactly when the site does):
 *
 * - `jobs.xml`: the XML layout job boards ingest (Indeed's `<source>` /
 *   `<job>` with CDATA fields; Adzuna, Jooble, Talent.com and others read the
 *   same one);
 * - `jobs.json`: a JSON Feed 1.1 (https://jsonfeed.org/version/1.1) whose
 *   items each carry the job's schema.org JobPosting under `_job_posting`,
 *   the same data search engines get from the job page.
 *
 * Only open jobs are listed, in the site's default language; nothing about
 * applicants or the hiring team is in a careers job to begin with.
 */

export interface FeedInput {
  tenant: TCareersTenant;
  /** Open jobs in the default language, in the order the site lists them. */
  jobs: TCareersJob[];
  /** The site's root address, ending in `/` (e.g. `https://x.example/careers/acme/`). */
  siteUrl: string;
  /** Ids of the jobs that have an apply form on the site (a notice is in effect). */
  applyable: ReadonlySet<string>;
  /** When the feed was built (the feeds' own date; jobs carry theirs). */
  builtAt: Date;
  /** The language of the jobs' wording (BCP 47). */
  locale: string;
}

const JOB_TYPES: Record<TCareersJob['employmentType'], string> = {
  full_time: 'fulltime',
  part_time: 'parttime',
  contract: 'contract',
  temporary: 'temporary',
  internship: 'internship',
};

const PERIODS: Record<NonNullable<TCareersJob['salary']>['period'], string> = {
  year: 'per year',
  month: 'per month',
  hour: 'per hour',
};

/** Text inside CDATA: the one sequence that would end it early is split across two sections. */
function cdata(value: string): string {
  return `<![CDATA[${value.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

function jobUrl(siteUrl: string, job: TCareersJob): string {
  return `${siteUrl}jobs/${job.id}/`;
}

function salaryText(salary: NonNullable<TCareersJob['salary']>): string {
  return `${salary.min}-${salary.max} ${salary.currency} ${PERIODS[salary.period]}`;
}

function xmlJob(input: FeedInput, job: TCareersJob): string {
  const fields: Array<[string, string]> = [
    ['title', job.title],
    ['date', new Date(job.openedAt ?? input.builtAt).toUTCString()],
    ['referencenumber', job.id],
    ['url', jobUrl(input.siteUrl, job)],
    ['company', input.tenant.name],
    ['sourcename', input.tenant.name],
    ['city', job.city ?? ''],
    ['country', job.country ?? ''],
    ['remotetype', job.workplace === 'remote' ? 'Fully remote' : job.workplace === 'hybrid' ? 'Hybrid' : ''],
    ['category', job.department],
    ['jobtype', JOB_TYPES[job.employmentType]],
    ['description', renderMarkdown(job.descriptionMd).value || job.title],
  ];
  if (job.salary) fields.push(['salary', salaryText(job.salary)]);
  if (input.applyable.has(job.id)) fields.push(['applyurl', `${jobUrl(input.siteUrl, job)}apply/`]);
  if (job.validThrough) fields.push(['expirationdate', new Date(job.validThrough).toUTCString()]);
  return `<job>\n${fields.map(([name, value]) => `  <${name}>${cdata(value)}</${name}>`).join('\n')}\n</job>`;
}

/** The Indeed-style XML feed of the open jobs. */
export function jobFeedXml(input: FeedInput): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<source>',
    `<publisher>${cdata(input.tenant.name)}</publisher>`,
    `<publisherurl>${cdata(input.siteUrl)}</publisherurl>`,
    `<lastBuildDate>${cdata(input.builtAt.toUTCString())}</lastBuildDate>`,
    ...input.jobs.map((job) => xmlJob(input, job)),
    '</source>',
    '',
  ].join('\n');
}

/** The JSON Feed 1.1 of the open jobs, each with its JobPosting. */
export function jobFeedJson(input: FeedInput): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: `${input.tenant.name}: open positions`,
    home_page_url: input.siteUrl,
    feed_url: `${input.siteUrl}jobs.json`,
    language: input.locale,
    items: input.jobs.map((job) => ({
      id: job.id,
      url: jobUrl(input.siteUrl, job),
      title: job.title,
      content_html: renderMarkdown(job.descriptionMd).value || job.title,
      date_published: job.openedAt ?? undefined,
      tags: [job.department],
      _job_posting: jobPosting(job, input.tenant, input.siteUrl, input.applyable.has(job.id), input.locale),
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
