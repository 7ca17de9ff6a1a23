import { html } from '../html.js';
import type { Site } from '../site.js';
import { layout } from './layout.js';

const SIGNPOST_ICON = html`<svg aria-hidden="true" width="56" height="56" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.5"><path d="M12 3v18"/><path d="M5 6h11l3 2.5L16 11H5z"/><path d="M19 13H8l-3 2.5L8 18h11z"/></svg>`;

/**
 * The tenant's page for an address on its site that names nothing (a mistyped
 * link, a job taken down): its header and colours, what may have happened and
 * the way back to the open roles. The server sends it with status 404.
 */
export function renderNotFoundPage(site: Site): string {
  const { t, tenant, base } = site;
  const main = html`<section class="card empty not-found">
${SIGNPOST_ICON}
<h1>${t.notFoundTitle}</h1>
<p>${t.notFoundBody(tenant.name)}</p>
<a class="button" href="${base}">${t.seeOpenRoles}</a>
</section>`;
  return layout({
    site,
    title: `${t.notFoundTitle} - ${tenant.name}`,
    main,
    head: html`<meta name="robots" content="noindex">\n`,
    styles: '.not-found{margin:3rem 0}.not-found h1{font-size:1.6rem;margin:.75rem 0 .5rem}',
  });
}
