import { type TCareersTenant, type TLanguageSettings, ZCareersTenant } from '@candor/schemas';
import { dateLabel } from '../format.js';
import { fill, html, SafeHtml } from '../html.js';
import { type Locale, messagesFor } from '../i18n/index.js';
import { type Site, serverHref, siteOf } from '../site.js';
import { FORM_STYLES } from '../styles.js';
import { layout } from './layout.js';

/** The talent-pool renewal page the renewal email links to (a one-click, signed link). */
export type RenewalView =
  | { kind: 'ask'; token: string; purposeLabel: string; endsOn: string; renewedUntil: string }
  | { kind: 'renewed'; until: string; receiptId: string }
  | { kind: 'invalid' };

function portalHref(site: Site): string {
  return serverHref(site, 'privacy/portal/');
}

function askView(site: Site, view: Extract<RenewalView, { kind: 'ask' }>): SafeHtml {
  const { t, tenant } = site;
  // A button, not the link itself: mail scanners open links, and opening one must not renew anything.
  return html`<section class="hero"><h1>${t.renewalTitle}</h1>
<p>${fill(t.renewalLead, { company: tenant.name, until: html`<strong>${dateLabel(view.endsOn, t)}</strong>` })}</p></section>
<form class="card apply" method="post" action="${serverHref(site, 'privacy/renew/')}">
<input type="hidden" name="token" value="${view.token}">
<h2>${t.renewalPurpose}</h2>
<p>${view.purposeLabel}</p>
<p class="hint">${fill(t.renewalUntil, { until: dateLabel(view.renewedUntil, t) })}</p>
<div class="submit-row"><button class="button" type="submit">${t.renewalButton}</button> <a href="${portalHref(site)}">${t.renewalDecline}</a></div>
</form>`;
}

function renewedView(site: Site, view: Extract<RenewalView, { kind: 'renewed' }>): SafeHtml {
  const { t } = site;
  return html`<section class="hero"><h1>${t.renewedTitle}</h1>
<p>${fill(t.renewedLead, { until: html`<strong>${dateLabel(view.until, t)}</strong>` })}</p></section>
<div class="card"><p>${t.renewalReceipt}: <code>${view.receiptId}</code></p>
<p><a href="${portalHref(site)}">${t.renewalOpenPortal}</a></p></div>`;
}

function invalidView(site: Site): SafeHtml {
  const { t } = site;
  return html`<section class="hero"><h1>${t.renewalInvalidTitle}</h1><p>${t.renewalInvalidBody}</p></section>
<p><a href="${portalHref(site)}">${t.renewalOpenPortal}</a></p>`;
}

export function renderRenewalPage(input: {
  tenant: TCareersTenant;
  view: RenewalView;
  locale?: Locale;
  /** The tenant's languages (links go to the pages of `locale`); English only when not given. */
  languages?: TLanguageSettings;
  logoFile?: string | null;
}): string {
  const site = siteOf(ZCareersTenant.parse(input.tenant), messagesFor(input.locale), {
    logoFile: input.logoFile ?? null,
    languages: input.languages,
  });
  const { view } = input;
  const main =
    view.kind === 'ask'
      ? askView(site, view)
      : view.kind === 'renewed'
        ? renewedView(site, view)
        : invalidView(site);
  return layout({
    site,
    title: site.t.renewalPageTitle(site.tenant.name),
    head: new SafeHtml('<meta name="robots" content="noindex">'),
    styles: FORM_STYLES,
    main,
    page: { path: 'privacy/renew/', server: true },
  });
}
