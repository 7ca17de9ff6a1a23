import {
  DATA_CATEGORIES,
  isConsentBasis,
  isTransfer,
  LEGAL_BASES,
  type TCareersNotice,
  type TCareersPrivacy,
  type TPurposeRetention,
  TRANSFER_SAFEGUARD_LABELS,
  type TRetentionPeriod,
} from '@candor/schemas';
import { dateLabel } from '../format.js';
import { fill, html, type SafeHtml } from '../html.js';
import { renderMarkdown } from '../markdown.js';
import type { Site } from '../site.js';
import { NOTICE_STYLES } from '../styles.js';
import { layout } from './layout.js';

/** One retention rule in the applicant's words, with the countries whose jobs have another period and when renewal is asked. */
export function retentionLine(t: Site['t'], rule: TPurposeRetention): string {
  const period = (p: TRetentionPeriod) => t.periodLength(p.amount, p.unit);
  const overrides = rule.overrides.map((o) => t.retentionOverride(o.country, period(o.period)));
  const renewal =
    rule.trigger === 'talent_pool_consent' && rule.renewalNoticeDays > 0
      ? t.retentionRenewal(rule.renewalNoticeDays)
      : '';
  return `${t.retentionBy[rule.trigger](period(rule.period))}${overrides.length ? ` (${overrides.join('; ')})` : ''}${renewal}`;
}

type PagePurpose = TCareersPrivacy['purposes'][number];

/** How long a purpose's data is kept: until consent is withdrawn (consent purposes), and the rules in force that end it. */
function keptFor(t: Site['t'], purpose: PagePurpose): SafeHtml {
  const consent = isConsentBasis(purpose.legalBasis);
  const lines = [
    ...(consent ? [t.retentionUntilWithdrawn] : []),
    ...purpose.retention.map((rule) => retentionLine(t, rule)),
  ];
  if (lines.length === 0) return html`${t.retentionUntilErased}`;
  return html`<ul class="kept">${lines.map((line) => html`<li>${line}</li>`)}</ul>`;
}

/**
 * The purposes table: what this tenant actually does (the catalogue's
 * purposes it uses, its own consent purposes by their labels, the diversity
 * survey only when it is on), each with its legal basis, data and how long
 * under the retention policy in force. Derived by `careersPrivacyOf`.
 */
function purposesTable(site: Site, privacy: TCareersPrivacy): SafeHtml {
  const { t } = site;
  const rows = privacy.purposes.map((p) => {
    const basis = LEGAL_BASES[p.legalBasis];
    return html`<tr><td>${p.label}${p.description ? html`<br><span class="hint">${p.description}</span>` : html``}</td><td>${basis.label} (${basis.article})</td><td>${p.categories.map((c) => DATA_CATEGORIES[c].label).join(', ')}</td><td>${keptFor(t, p)}</td><td>${p.optional ? t.privacyOptional : t.privacyRequired}</td></tr>`;
  });
  return html`<div class="card table"><table>
<caption>${t.privacyTableCaption}</caption>
<thead><tr><th scope="col">${t.privacyPurpose}</th><th scope="col">${t.privacyBasis}</th><th scope="col">${t.privacyData}</th><th scope="col">${t.privacyKept}</th><th scope="col">${t.privacyChoice}</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>`;
}

/** Who else receives applicants' data, and for each one outside the EEA the Chapter V safeguard it relies on. */
function recipientsSection(site: Site, privacy: TCareersPrivacy): SafeHtml {
  const { t, tenant } = site;
  const { recipients } = privacy;
  const table =
    recipients.length === 0
      ? html`<p>${t.recipientsNone(tenant.name)}</p>`
      : html`<p>${t.recipientsOthers}</p>
<div class="table"><table>
<caption>${t.recipientsCaption}</caption>
<thead><tr><th scope="col">${t.recipientName}</th><th scope="col">${t.recipientRole}</th><th scope="col">${t.recipientPurpose}</th><th scope="col">${t.recipientWhere}</th></tr></thead>
<tbody>${recipients.map(
          (r) =>
            html`<tr><td>${r.name}</td><td>${t.recipientRoles[r.role]}</td><td>${r.purpose}</td><td>${
              isTransfer(r)
                ? t.recipientTransfer(r.country, TRANSFER_SAFEGUARD_LABELS[r.safeguard])
                : t.recipientInEea(r.country)
            }</td></tr>`,
        )}</tbody>
</table></div>
${recipients.some(isTransfer) ? html`` : html`<p>${t.noTransfers}</p>`}`;
  return html`<section aria-labelledby="recipients"><h2 id="recipients">${t.recipientsHeading}</h2>
<div class="card"><p>${t.recipientsLead(tenant.name)}</p>
${table}</div></section>`;
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
 * a glance (this tenant's, with how long each is kept), who receives the
 * data and where, consent receipts and the key that signs them, and the archive
 * of every version. Before any version is published it is the generated
 * page alone.
 */
export function renderPrivacyPage(
  site: Site,
  privacy: TCareersPrivacy,
  notices: TCareersNotice[] = [],
  current: TCareersNotice | null = null,
): string {
  const { t, tenant } = site;
  const upcoming = upcomingOf(notices, current);
  const jwks = html`<a href="${site.root}jwks.json">${site.root}jwks.json</a>`;
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
${purposesTable(site, privacy)}</section>
${recipientsSection(site, privacy)}
${
  notices.length > 0
    ? html`<section aria-labelledby="receipts"><h2 id="receipts">${t.receiptsHeading}</h2>
<div class="card"><p>${fill(t.receiptsBody, { company: tenant.name, jwks })}</p>
<h3>${t.gpcHeading}</h3><p>${t.gpcBody}</p></div></section>
${archive(site, notices, current)}`
    : html``
}`;
  return layout({
    site,
    title: `${t.privacyNotice} - ${tenant.name}`,
    main,
    styles: NOTICE_STYLES,
    page: { path: 'privacy/' },
  });
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
    page: { path: `privacy/versions/${notice.version}/` },
  });
}
