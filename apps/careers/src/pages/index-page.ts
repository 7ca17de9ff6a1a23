import type { TCareersTenant } from '@candor/schemas';
import { html } from '../html.js';
import type { Messages } from '../i18n/index.js';
import { layout } from './layout.js';

const EMPTY_ICON = html`<svg aria-hidden="true" width="56" height="56" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.5"><rect x="3" y="7" width="18" height="13" rx="2"/><path d="M8 7V5a2 2 0 0 1 2-2h4a2 2 0 0 1 2 2v2"/><path d="M3 12h18"/></svg>`;

/** The tenant's careers home: about text and open roles (an empty state until jobs exist). */
export function renderIndexPage(tenant: TCareersTenant, t: Messages): string {
  const about = tenant.about ? html`<p>${tenant.about}</p>` : html``;
  const main = html`<section class="hero">
<h1>${t.pageTitle(tenant.name)}</h1>
${about}
</section>
<section aria-labelledby="roles">
<h2 id="roles">${t.openRoles}</h2>
<div class="card empty">
${EMPTY_ICON}
<h3>${t.noJobsTitle}</h3>
<p>${t.noJobsBody(tenant.name)}</p>
</div>
</section>`;
  return layout({ tenant, t, title: t.pageTitle(tenant.name), main });
}
