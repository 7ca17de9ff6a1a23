import { DATA_CATEGORIES, LEGAL_BASES, PURPOSES, type TCareersTenant } from '@candor/schemas';
import { html } from '../html.js';
import type { Messages } from '../i18n/index.js';
import { layout } from './layout.js';

/**
 * How the tenant uses applicants' data, generated from the privacy
 * catalogue (purposes, legal bases, data categories) so it cannot drift from
 * what the system does. Versioned notices replace this page later.
 */
export function renderPrivacyPage(tenant: TCareersTenant, t: Messages): string {
  // `security` covers staff accounts, not applicants.
  const purposes = Object.entries(PURPOSES).flatMap(([name, p]) => (name === 'security' ? [] : [p]));
  const rows = purposes.map(
    (p) => html`<tr><td>${p.label}</td><td>${LEGAL_BASES[p.legalBasis].label} (${LEGAL_BASES[p.legalBasis].article})</td><td>${p.categories.map((c) => DATA_CATEGORIES[c].label).join(', ')}</td><td>${p.optional ? t.privacyOptional : t.privacyRequired}</td></tr>`,
  );
  const main = html`<section class="hero"><h1>${t.privacyNotice}</h1><p>${t.privacyIntro(tenant.name)}</p></section>
<div class="card"><table>
<caption>${t.privacyTableCaption}</caption>
<thead><tr><th scope="col">${t.privacyPurpose}</th><th scope="col">${t.privacyBasis}</th><th scope="col">${t.privacyData}</th><th scope="col">${t.privacyChoice}</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>`;
  return layout({ tenant, t, title: `${t.privacyNotice} - ${tenant.name}`, main });
}
