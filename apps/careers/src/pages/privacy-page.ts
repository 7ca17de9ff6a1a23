import { DATA_CATEGORIES, LEGAL_BASES, PURPOSES, type TCareersNotice } from '@candor/schemas';
import { dateLabel } from '../format.js';
import { fill, html, type SafeHtml } from '../html.js';
import { renderMarkdown } from '../markdown.js';
import type { Site } from '../site.js';
import { NOTICE_STYLES } from '../styles.js';
import { layout } from './layout.js';

/**
 * The purposes table, generated from the privacy catalogue (purposes, legal
 * bases, data categories) so it cannot drift from what the system does.
 */
function purposesTable(site: Site): SafeHtml {
  const { t } = site;
  // `security` covers staff accounts, not applicants.
  const purposes = Object.entries(PURPOSES).flatMap(([name, p]) => (name === 'security' ? [] : [p]));
  const rows = purposes.map(
    (p) =>
      html`<tr><td>${p.label}</td><td>${LEGAL_BASES[p.legalBasis].label} (${LEGAL_BASES[p.legalBasis].article})</td><td>${p.categories.map((c) => DATA_CATEGORIES[c].label).join(', ')}</td><td>${p.optional ? t.privacyOptional : t.privacyRequired}</td></tr>`,
  );
  return html`<div class="card table"><table>
<caption>${t.privacyTableCaption}</caption>
<thead><tr><th scope="col">${t.privacyPurpose}</th><th scope="col">${t.privacyBasis}</th><th scope="col">${t.privacyData}</th><th scope="col">${t.privacyChoice}</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>`;
}

function versionHref(site: Site, version: number): string {
  return `${site.base}privacy/versions/${version}/`;
}

/** Published versions, oldest first, with what changed. */
function archive(site: Site, notices: TCareersNotice[], current: TCareersNotice | null): SafeHtml {
  const { t } = site;
  const rows = [...notices]
    .sort((a, b) => b.version - a.version)
    .map((n) => {
      const state =
        n.version === current?.version
          ? t.versionCurrent
          : !current || n.version > current.version
            ? t.versionUpcoming
            : null;
      const change =
        n.version === Math.min(...notices.map((x) => x.version))
          ? html`${t.firstVersion}`
          : n.materialChange
            ? html`<strong class="material">${t.materialChange}</strong>${n.changeSummary ? html`: ${n.changeSummary}` : html``}`
            : html`${n.changeSummary || t.minorChange}`;
      return html`<tr><td><a href="${versionHref(site, n.version)}">${t.versionLabel(n.version)}</a>${state ? html` <span class="tag">${state}</span>` : html``}</td><td>${dateLabel(n.effectiveOn, t)}</td><td>${change}</td></tr>`;
    });
  return html`<section aria-labelledby="archive"><h2 id="archive">${t.archiveHeading}</h2>
<div class="card table"><table>
<thead><tr><th scope="col">${t.archiveVersion}</th><th scope="col">${t.archiveEffective}</th><th scope="col">${t.archiveChanges}</th></tr></thead>
<tbody>${rows}</tbody>
</table></div></section>`;
}

/** The newest published version that is not yet in effect, if any. */
function upcomingOf(notices: TCareersNotice[], current: TCareersNotice | null): TCareersNotice | null {
  return (
    notices.filter((n) => !current || n.version > current.version).sort((a, b) => b.version - a.version)[0] ??
    null
  );
}

/**
 * The privacy page: the notice in effect (the tenant's own text) with its
 * version, an announcement of a published future version, the purposes at
 * a glance, consent receipts and the key that signs them, and the archive
 * of every version. Before any version is published it is the generated
 * page alone.
 */
export function renderPrivacyPage(
  site: Site,
  notices: TCareersNotice[] = [],
  current: TCareersNotice | null = null,
): string {
  const { t, tenant, base } = site;
  const upcoming = upcomingOf(notices, current);
  const jwks = html`<a href="${base}jwks.json">${base}jwks.json</a>`;
  const head = current
    ? html`<section class="hero"><h1>${t.privacyNotice}</h1><p class="meta">${fill(t.noticeMeta, { version: current.version, date: dateLabel(current.effectiveOn, t) })}</p></section>`
    : html`<section class="hero"><h1>${t.privacyNotice}</h1><p>${t.privacyIntro(tenant.name)}</p></section>`;
  const announcement = upcoming
    ? html`<div class="card announce" role="note"><p><strong>${fill(t.noticeUpcoming, { version: upcoming.version, date: dateLabel(upcoming.effectiveOn, t) })}</strong>${
        upcoming.materialChange && upcoming.changeSummary
          ? html` ${fill(t.noticeUpcomingChange, { summary: upcoming.changeSummary })}`
          : html``
      } <a href="${versionHref(site, upcoming.version)}">${t.readVersion(upcoming.version)}</a></p></div>`
    : html``;
  const main = html`${head}
${announcement}
${current ? html`<article class="card prose">${renderMarkdown(current.bodyMd)}</article>` : html``}
<section aria-labelledby="glance"><h2 id="glance">${t.atAGlance}</h2>
${purposesTable(site)}</section>
${
  notices.length > 0
    ? html`<section aria-labelledby="receipts"><h2 id="receipts">${t.receiptsHeading}</h2>
<div class="card"><p>${fill(t.receiptsBody, { company: tenant.name, jwks })}</p>
<h3>${t.gpcHeading}</h3><p>${t.gpcBody}</p></div></section>
${archive(site, notices, current)}`
    : html``
}`;
  return layout({ site, title: `${t.privacyNotice} - ${tenant.name}`, main, styles: NOTICE_STYLES });
}

/** One published version of the notice, at a stable address (consent receipts link to it). */
export function renderNoticeVersionPage(
  site: Site,
  notice: TCareersNotice,
  notices: TCareersNotice[],
  current: TCareersNotice | null,
): string {
  const { t, tenant, base } = site;
  const next = notices.filter((n) => n.version > notice.version).sort((a, b) => a.version - b.version)[0];
  const status =
    notice.version === current?.version
      ? html`${t.versionIsCurrent}`
      : !current || notice.version > current.version
        ? html`${fill(t.versionNotYet, { date: dateLabel(notice.effectiveOn, t) })} <a href="${base}privacy/">${t.seeCurrentNotice}</a>`
        : html`${fill(t.versionReplaced, { version: next?.version ?? current.version, date: dateLabel((next ?? current).effectiveOn, t) })} <a href="${base}privacy/">${t.seeCurrentNotice}</a>`;
  const change =
    notice.materialChange && notice.changeSummary
      ? html`<p><strong class="material">${t.materialChange}</strong>: ${notice.changeSummary}</p>`
      : html``;
  const main = html`<a class="back" href="${base}privacy/">${t.privacyNotice}</a>
<section class="hero"><h1>${t.versionPageTitle(notice.version)}</h1>
<p class="meta">${fill(t.noticeVersionMeta, { version: notice.version, date: dateLabel(notice.effectiveOn, t) })}</p></section>
<div class="card announce" role="note"><p>${status}</p>${change}</div>
<article class="card prose">${renderMarkdown(notice.bodyMd)}</article>`;
  return layout({
    site,
    title: `${t.versionPageTitle(notice.version)} - ${tenant.name}`,
    main,
    styles: NOTICE_STYLES,
  });
}
