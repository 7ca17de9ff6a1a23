import type { TLocale } from '@candor/schemas';
import type { TCareersJob } from '../careers-job.js';
import { dateLabel, locationLabel, salaryLabel } from '../format.js';
import { html, SafeHtml } from '../html.js';
import { jobPosting, jsonLdScript } from '../job-posting.js';
import { markdownToText, renderMarkdown } from '../markdown.js';
import type { Site } from '../site.js';
import { layout } from './layout.js';

/**
 * One job's page. An open job carries JobPosting JSON-LD (the only script)
 * and links to its apply page once the tenant has a privacy notice in
 * effect; a closed one says so, offers no way to apply, and asks search
 * engines to drop it, while old links keep working.
 */
export function renderJobPage(
  job: TCareersJob,
  site: Site,
  options: {
    canApply: boolean;
    /** The language the title and description are written in: the page's, or the default one when not translated. */
    contentLocale?: TLocale;
  },
): string {
  const { tenant, t, base, siteUrl } = site;
  const open = job.status === 'open';
  const contentLocale = options.contentLocale ?? site.locale;
  // Text in another language than the page's is marked so screen readers pronounce it right.
  const inOwnLanguage = (content: SafeHtml | string) =>
    contentLocale === site.locale ? content : html`<span lang="${contentLocale}">${content}</span>`;
  const facts: Array<[string, string]> = [
    [t.department, job.department],
    [t.location, locationLabel(job, t)],
    [t.employmentType, t.employmentTypes[job.employmentType]],
  ];
  if (job.salary) facts.push([t.salary, salaryLabel(job.salary, t)]);
  if (job.openedAt) facts.push([t.posted, dateLabel(job.openedAt, t)]);
  if (!open && job.closedAt) facts.push([t.closedOn, dateLabel(job.closedAt, t)]);
  const description = renderMarkdown(job.descriptionMd);
  const canApply = open && options.canApply;
  const aside = canApply
    ? html`<div class="card"><h2 class="group">${t.applyHeading}</h2><p class="soon">${t.applyIntro}</p><a class="button" href="${base}jobs/${job.id}/apply/">${t.applyNow}</a></div>`
    : open
      ? html`<div class="card"><h2 class="group">${t.applyHeading}</h2><p class="soon">${t.applySoon}</p></div>`
      : html``;
  const main = html`<a class="back" href="${base}">${t.allRoles}</a>
<section class="hero">
<h1>${inOwnLanguage(job.title)}${open ? html`` : html` <span class="badge">${t.closedBadge}</span>`}</h1>
<p>${job.department} · ${locationLabel(job, t)}</p>
</section>
<div class="job">
<div>
${open ? html`` : html`<div class="card closed" role="note"><strong>${t.closedTitle}.</strong> ${t.closedBody(tenant.name)} <a href="${base}">${t.seeOpenRoles}</a>.</div>`}
<div class="card prose"><h2 class="group">${t.aboutTheRole}</h2>
${contentLocale === site.locale ? description : html`<div lang="${contentLocale}">${description}</div>`}
</div>
</div>
<aside aria-label="${t.jobDetails}">
<div class="card"><h2 class="group">${t.jobDetails}</h2><ul class="facts">${facts.map(([label, value]) => html`<li><b>${label}</b>${value}</li>`)}</ul></div>
${aside}
</aside>
</div>`;
  const head = open
    ? jsonLdScript(jobPosting(job, tenant, siteUrl, canApply, contentLocale))
    : new SafeHtml('<meta name="robots" content="noindex">');
  return layout({
    site,
    title: t.jobPageTitle(job.title, tenant.name),
    description: markdownToText(job.descriptionMd).slice(0, 160) || job.title,
    head,
    main,
    page: { path: `jobs/${job.id}/` },
  });
}
