import type { TCareersJob } from '../careers-job.js';
import { locationLabel } from '../format.js';
import { html } from '../html.js';
import type { Site } from '../site.js';
import { layout } from './layout.js';

const EMPTY_ICON = html`<svg aria-hidden="true" width="56" height="56" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.5"><rect x="3" y="7" width="18" height="13" rx="2"/><path d="M8 7V5a2 2 0 0 1 2-2h4a2 2 0 0 1 2 2v2"/><path d="M3 12h18"/></svg>`;

/** One way to narrow the list (department, location, type), each value pre-rendered as its own page. */
export interface JobFilter {
  key: 'departments' | 'locations' | 'types';
  label: string;
  values: Array<{ slug: string; label: string; jobs: TCareersJob[] }>;
}

export interface IndexPageOptions {
  site: Site;
  /** The open jobs to list (already narrowed on a filter page). */
  jobs: TCareersJob[];
  filters: JobFilter[];
  current?: { key: JobFilter['key']; slug: string; label: string };
}

/** The tenant's careers home, or one filter's page: about text, filter links and the open roles. */
export function renderIndexPage(options: IndexPageOptions): string {
  const { site, jobs, filters, current } = options;
  const { tenant, t, base } = site;
  const title = current ? t.filteredTitle(current.label, tenant.name) : t.pageTitle(tenant.name);
  const about = tenant.about && !current ? html`<p>${tenant.about}</p>` : html``;
  const nav = filters.map(
    (filter) => html`<div><h3 id="f-${filter.key}">${filter.label}</h3><ul aria-labelledby="f-${filter.key}">
<li><a href="${base}"${current?.key === filter.key ? html`` : html` aria-current="page"`}>${t.filterAll}</a></li>
${filter.values.map((v) => html`<li><a href="${base}${filter.key}/${v.slug}/"${current?.key === filter.key && current.slug === v.slug ? html` aria-current="page"` : html``}>${v.label}</a></li>`)}
</ul></div>`,
  );
  const byDepartment = new Map<string, TCareersJob[]>();
  for (const job of jobs)
    byDepartment.set(job.department, [...(byDepartment.get(job.department) ?? []), job]);
  const groups = [...byDepartment].map(
    ([department, list]) => html`<div class="card">
${current?.key === 'departments' ? html`` : html`<h3 class="group">${department}</h3>`}
<ul class="jobs">${list.map(
      (job) => html`<li><a href="${base}jobs/${job.id}/">${job.title}</a>
<p class="meta">${locationLabel(job, t)} · ${t.employmentTypes[job.employmentType]}</p></li>`,
    )}</ul>
</div>`,
  );
  const list =
    jobs.length === 0
      ? html`<div class="card empty">
${EMPTY_ICON}
<h3>${t.noJobsTitle}</h3>
<p>${t.noJobsBody(tenant.name)}</p>
</div>`
      : html`${filters.length > 0 ? html`<nav class="filters card" aria-label="${t.filterHeading}">${nav}</nav>` : html``}
<p class="meta">${t.openRolesCount(jobs.length)}</p>
${groups}`;
  const main = html`<section class="hero">
<h1>${title}</h1>
${about}
</section>
<section aria-labelledby="roles">
<h2 id="roles">${t.openRoles}</h2>
${list}
${current ? html`<a class="back" href="${base}">${t.allRoles}</a>` : html``}
</section>`;
  return layout({ site, title, main, page: { path: current ? `${current.key}/${current.slug}/` : '' } });
}
