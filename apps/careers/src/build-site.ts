import { lstat, mkdir, readlink, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { type TCareersTenant, ZCareersTenant } from '@candor/schemas';
import { type TCareersJob, ZCareersJob } from './careers-job.js';
import { placeLabel, slugify } from './format.js';
import { type Locale, type Messages, messagesFor } from './i18n/index.js';
import { type JobFilter, renderIndexPage } from './pages/index-page.js';
import { renderJobPage } from './pages/job-page.js';
import { renderPrivacyPage } from './pages/privacy-page.js';

export interface CareersSiteInput {
  tenant: TCareersTenant;
  /** The tenant's open and closed jobs; closed ones get a page but are not listed. */
  jobs?: TCareersJob[];
  /** The public origin the site is served from, e.g. `https://candor.example` (for sitemap and JSON-LD). */
  baseUrl?: string;
  locale?: Locale;
}

/** Groups open jobs by one property; each group becomes a pre-rendered filter page (no JavaScript needed). */
function filterBy(
  key: JobFilter['key'],
  label: string,
  jobs: TCareersJob[],
  groupOf: (job: TCareersJob) => string,
): JobFilter {
  const groups = new Map<string, TCareersJob[]>();
  for (const job of jobs) groups.set(groupOf(job), [...(groups.get(groupOf(job)) ?? []), job]);
  const taken = new Set<string>();
  const values = [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([value, list]) => ({ slug: slugify(value, taken), label: value, jobs: list }));
  return { key, label, values };
}

function filtersFor(jobs: TCareersJob[], t: Messages): JobFilter[] {
  return [
    filterBy('departments', t.filterDepartment, jobs, (job) => job.department),
    filterBy('locations', t.filterLocation, jobs, (job) => placeLabel(job, t)),
    filterBy('types', t.filterType, jobs, (job) => t.employmentTypes[job.employmentType]),
  ].filter((filter) => filter.values.length > 1); // one value narrows nothing
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Renders every page of one tenant's site to a map of relative path -> file content. */
export function renderTenantSite(input: CareersSiteInput): Map<string, string> {
  const tenant = ZCareersTenant.parse(input.tenant);
  const jobs = (input.jobs ?? []).map((job) => ZCareersJob.parse(job));
  const t = messagesFor(input.locale);
  const siteUrl = `${(input.baseUrl ?? 'http://localhost').replace(/\/+$/, '')}/careers/${tenant.slug}/`;
  const open = jobs
    .filter((job) => job.status === 'open')
    .sort((a, b) => a.department.localeCompare(b.department) || a.title.localeCompare(b.title));
  const filters = filtersFor(open, t);

  const files = new Map<string, string>([
    ['index.html', renderIndexPage({ tenant, t, jobs: open, filters })],
    ['privacy/index.html', renderPrivacyPage(tenant, t)],
  ]);
  for (const filter of filters) {
    for (const value of filter.values) {
      files.set(
        `${filter.key}/${value.slug}/index.html`,
        renderIndexPage({ tenant, t, jobs: value.jobs, filters, current: { key: filter.key, ...value } }),
      );
    }
  }
  for (const job of jobs) files.set(`jobs/${job.id}/index.html`, renderJobPage(job, tenant, t, siteUrl));

  const urls = [siteUrl, ...open.map((job) => `${siteUrl}jobs/${job.id}/`), `${siteUrl}privacy/`];
  files.set(
    'sitemap.xml',
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls
      .map((url) => `<url><loc>${escapeXml(url)}</loc></url>`)
      .join('\n')}\n</urlset>\n`,
  );
  files.set('robots.txt', `User-agent: *\nAllow: /\nSitemap: ${siteUrl}sitemap.xml\n`);
  return files;
}

/**
 * Writes one tenant's site into `<outDir>/<slug>/`, so visitors never see
 * half a site or none: the files go into a fresh folder, and `<slug>` is a
 * symbolic link that is swapped to it with one atomic rename. Where links
 * cannot be made (Windows without the right), the folder is renamed into
 * place instead, leaving a moment with no site.
 */
export async function writeTenantSite(outDir: string, input: CareersSiteInput): Promise<string> {
  const files = renderTenantSite(input);
  const slug = input.tenant.slug;
  const target = join(outDir, slug);
  const version = `.${slug}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}`;
  const staging = join(outDir, version);
  await mkdir(staging, { recursive: true });
  for (const [path, content] of files) {
    const file = join(staging, path);
    await mkdir(join(file, '..'), { recursive: true });
    await writeFile(file, content);
  }
  const current = await lstat(target).catch(() => null);
  const previous = current?.isSymbolicLink() ? await readlink(target) : null;
  const link = `${staging}.link`;
  try {
    await symlink(process.platform === 'win32' ? staging : version, link, 'junction');
    if (current && !current.isSymbolicLink()) await rename(target, `${staging}.old`); // a folder from before links
    await rename(link, target);
  } catch {
    await rm(link, { force: true });
    await rm(target, { recursive: true, force: true });
    await rename(staging, target);
  }
  await rm(`${staging}.old`, { recursive: true, force: true });
  if (previous && basename(previous) !== version) await rm(join(outDir, basename(previous)), { recursive: true, force: true });
  return target;
}
