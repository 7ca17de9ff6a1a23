import { existsSync } from 'node:fs';
import { lstat, mkdir, readdir, readFile, readlink, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  careersPrivacyOf,
  DEFAULT_RETENTION_POLICY,
  dayOf,
  noticeInEffect,
  type TCareersNotice,
  type TCareersPrivacy,
  type TCareersTenant,
  type TLanguageSettings,
  type TLocale,
  type TNoticeTranslations,
  ZApplyConfig,
  ZCareersNotice,
  ZCareersPrivacy,
  ZCareersTenant,
  ZLanguageSettings,
  ZNoticeTranslations,
} from '@candor/schemas';
import { type TCareersJob, type TCareersJobInput, ZCareersJob } from './careers-job.js';
import { placeLabel, slugify } from './format.js';
import { type Locale, type Messages, messagesFor } from './i18n/index.js';
import { type FeedInput, jobFeedJson, jobFeedXml } from './job-feeds.js';
import { renderApplyPage, type TenantApplyConfig } from './pages/apply-page.js';
import { type JobFilter, renderIndexPage } from './pages/index-page.js';
import { renderJobPage } from './pages/job-page.js';
import { renderNotFoundPage } from './pages/not-found-page.js';
import { renderNoticeVersionPage, renderPrivacyPage } from './pages/privacy-page.js';
import { isMultilingual, type Site, siteOf } from './site.js';

export interface CareersSiteInput {
  tenant: TCareersTenant;
  /** The tenant's open and closed jobs; closed ones get a page but are not listed. */
  jobs?: TCareersJobInput[];
  /** The public origin the site is served from, e.g. `https://candor.example` (for sitemap and JSON-LD). */
  baseUrl?: string;
  /** The language of a one-language site, when `languages` is not given (English by default). */
  locale?: Locale;
  /**
   * The tenant's languages. With more than one, each language's pages are
   * under `<locale>/`, and the default language's also at the root (the API
   * sends the entry page on to the visitor's language).
   */
  languages?: TLanguageSettings;
  /**
   * The published privacy notice versions (any order), each with its text in
   * other languages. Open jobs get an apply form while one is in effect.
   */
  notices?: Array<TCareersNotice & { translations?: TNoticeTranslations | null }>;
  /** The day notices are judged on, YYYY-MM-DD; today (UTC) when not given. */
  today?: string;
  /** The tenant-wide part of the apply form; no optional purposes, age 18 and no salary question when not given. */
  apply?: TenantApplyConfig;
  /**
   * What the privacy page says this tenant does (`careersPrivacyOf` its settings, survey and retention
   * policy in force); when not given, the apply form's purposes under the default policy, no recipients.
   */
  privacy?: TCareersPrivacy;
  /** The logo's file name at the site root (see `assets`), e.g. `logo.png`; the initial-letter badge when absent. */
  logoFile?: string | null;
  /** Extra files written as they are, by path relative to the site root (the logo's bytes, `jwks.json`). */
  assets?: Record<string, string | Uint8Array>;
}

const DEFAULT_APPLY: TenantApplyConfig = { purposes: [], minimumAge: 18, askSalaryExpectation: false };
const ZTenantApplyConfig = ZApplyConfig.pick({
  purposes: true,
  minimumAge: true,
  askSalaryExpectation: true,
});

/** A relative path inside the site: segments of safe characters, none starting with a dot. */
const ASSET_PATH = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

/**
 * The built browser scripts (`vite build` puts them in dist/islands). This
 * file sits one folder below the package root both as source (src/) and
 * built (dist/), so the same relative path finds them either way.
 */
const ISLANDS_DIR = fileURLToPath(new URL('../dist/islands/', import.meta.url));

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

/** A job as one language shows it: its translation there, else the default wording (and says which). */
function jobIn(job: TCareersJob, locale: TLocale, languages: TLanguageSettings) {
  const translation = locale === languages.defaultLocale ? undefined : job.translations[locale];
  return translation
    ? {
        job: { ...job, title: translation.title, descriptionMd: translation.descriptionMd },
        contentLocale: locale,
      }
    : { job, contentLocale: languages.defaultLocale };
}

/** The notices as one language shows them: each version's own text in that language, where it has one. */
function noticesIn(
  notices: TCareersNotice[],
  translations: Map<number, TNoticeTranslations>,
  locale: TLocale,
): TCareersNotice[] {
  return notices.map((notice) => {
    const translation = translations.get(notice.version)?.[locale];
    return translation
      ? {
          ...notice,
          bodyMd: translation.bodyMd,
          changeSummary: translation.changeSummary || notice.changeSummary,
        }
      : notice;
  });
}

interface LanguageInput {
  tenant: TCareersTenant;
  jobs: TCareersJob[];
  notices: TCareersNotice[];
  noticeTranslations: Map<number, TNoticeTranslations>;
  today: string;
  apply: TenantApplyConfig;
  privacy: TCareersPrivacy;
}

/** One language's pages, by path under its folder, and the addresses for the sitemap. */
function renderLanguage(site: Site, input: LanguageInput): { files: Map<string, string>; urls: string[] } {
  const { t, siteUrl } = site;
  const notices = noticesIn(input.notices, input.noticeTranslations, site.locale);
  const notice = noticeInEffect(notices, input.today);
  const { apply, privacy } = input;
  const jobs = input.jobs.map((job) => jobIn(job, site.locale, site.languages));
  const open = jobs
    .map((entry) => entry.job)
    .filter((job) => job.status === 'open')
    .sort((a, b) => a.department.localeCompare(b.department) || a.title.localeCompare(b.title, t.lang));
  const filters = filtersFor(open, t);

  const files = new Map<string, string>([
    ['index.html', renderIndexPage({ site, jobs: open, filters })],
    ['privacy/index.html', renderPrivacyPage(site, privacy, notices, notice)],
    // Sent by the server, with status 404, for an address under this folder that names no file.
    ['404.html', renderNotFoundPage(site)],
  ]);
  for (const version of notices) {
    files.set(
      `privacy/versions/${version.version}/index.html`,
      renderNoticeVersionPage(site, version, notices, notice),
    );
  }
  for (const filter of filters) {
    for (const value of filter.values) {
      files.set(
        `${filter.key}/${value.slug}/index.html`,
        renderIndexPage({ site, jobs: value.jobs, filters, current: { key: filter.key, ...value } }),
      );
    }
  }
  for (const { job, contentLocale } of jobs) {
    const canApply = job.status === 'open' && notice !== null;
    files.set(`jobs/${job.id}/index.html`, renderJobPage(job, site, { canApply, contentLocale }));
    if (canApply)
      files.set(`jobs/${job.id}/apply/index.html`, renderApplyPage({ site, job, notice, apply, privacy }));
  }
  const urls = [
    siteUrl,
    ...open.map((job) => `${siteUrl}jobs/${job.id}/`),
    `${siteUrl}privacy/`,
    ...notices.map((n) => `${siteUrl}privacy/versions/${n.version}/`),
  ];
  return { files, urls };
}

/** What the job feeds list: the open jobs in the default language, applyable while a notice is in effect. */
function feedInput(input: LanguageInput, locale: TLocale, siteUrl: string): FeedInput {
  const open = input.jobs
    .filter((job) => job.status === 'open')
    .sort((a, b) => a.department.localeCompare(b.department) || a.title.localeCompare(b.title, locale));
  const notice = noticeInEffect(input.notices, input.today);
  return {
    tenant: input.tenant,
    jobs: open,
    siteUrl,
    applyable: new Set(notice ? open.map((job) => job.id) : []),
    builtAt: new Date(`${input.today}T00:00:00Z`),
    locale,
  };
}

/** Renders every page of one tenant's site to a map of relative path -> file content. */
export function renderTenantSite(input: CareersSiteInput): Map<string, string> {
  const tenant = ZCareersTenant.parse(input.tenant);
  const jobs = (input.jobs ?? []).map((job) =>
    ZCareersJob.parse({ ...job, translations: job.translations ?? {} }),
  );
  const single = input.locale ?? 'en';
  const languages = input.languages
    ? ZLanguageSettings.parse(input.languages)
    : { locales: [single], defaultLocale: single };
  const noticeTranslations = new Map<number, TNoticeTranslations>(
    (input.notices ?? []).map((n) => [n.version, ZNoticeTranslations.parse(n.translations ?? {})]),
  );
  const apply = input.apply ? ZTenantApplyConfig.parse(input.apply) : DEFAULT_APPLY;
  const privacy = input.privacy
    ? ZCareersPrivacy.parse(input.privacy)
    : careersPrivacyOf({
        consentPurposes: apply.purposes.map((p) => ({ ...p, enabled: true })),
        recipients: [],
        diversitySurvey: false,
        policy: DEFAULT_RETENTION_POLICY,
      });
  const shared: LanguageInput = {
    tenant,
    jobs,
    notices: ZCareersNotice.array().parse(input.notices ?? []),
    noticeTranslations,
    today: input.today ?? dayOf(),
    apply,
    privacy,
  };
  const siteIn = (locale: TLocale, atRoot = false) =>
    siteOf(tenant, messagesFor(locale), {
      baseUrl: input.baseUrl,
      logoFile: input.logoFile,
      languages,
      atRoot,
    });

  const files = new Map<string, string>();
  const urls: string[] = [];
  const multilingual = isMultilingual(languages);
  for (const locale of languages.locales) {
    const rendered = renderLanguage(siteIn(locale), shared);
    for (const [path, content] of rendered.files)
      files.set(multilingual ? `${locale}/${path}` : path, content);
    urls.push(...rendered.urls);
  }
  // The default language at the root too: links from before the site had languages keep working.
  if (multilingual)
    for (const [path, content] of renderLanguage(siteIn(languages.defaultLocale, true), shared).files)
      files.set(path, content);

  const siteUrl = siteIn(languages.defaultLocale, true).rootUrl;
  files.set(
    'sitemap.xml',
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls
      .map((url) => `<url><loc>${escapeXml(url)}</loc></url>`)
      .join('\n')}\n</urlset>\n`,
  );
  files.set('robots.txt', `User-agent: *\nAllow: /\nSitemap: ${siteUrl}sitemap.xml\n`);
  const feed = feedInput(shared, languages.defaultLocale, siteUrl);
  files.set('jobs.xml', jobFeedXml(feed));
  files.set('jobs.json', jobFeedJson(feed));
  return files;
}

/** The built browser scripts, as `assets/<name>.js`; none when the package was not built (the form works without them). */
async function islandFiles(): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  if (!existsSync(ISLANDS_DIR)) return out;
  for (const name of await readdir(ISLANDS_DIR)) {
    if (name.endsWith('.js')) out.set(`assets/${name}`, await readFile(join(ISLANDS_DIR, name)));
  }
  return out;
}

/**
 * Every file of the site by its path inside the site: the rendered pages, the scripts and the caller's
 * assets (which may not replace a page). `writeTenantSite` writes them to a folder; the API can put them
 * in object storage instead.
 */
export async function siteFiles(input: CareersSiteInput): Promise<Map<string, string | Uint8Array>> {
  const files = new Map<string, string | Uint8Array>([...renderTenantSite(input), ...(await islandFiles())]);
  for (const [path, content] of Object.entries(input.assets ?? {})) {
    if (!ASSET_PATH.test(path)) throw new Error(`Not a file path inside the site: ${path}`);
    if (files.has(path)) throw new Error(`An asset cannot replace ${path}`);
    files.set(path, content);
  }
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
  const files = await siteFiles(input);
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
  if (previous && basename(previous) !== version)
    await rm(join(outDir, basename(previous)), { recursive: true, force: true });
  return target;
}
