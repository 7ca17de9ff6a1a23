import { type TCareersTenant, ZCareersTenant } from '@candor/schemas';
import { html, SafeHtml } from '../html.js';
import { type Locale, messagesFor } from '../i18n/index.js';
import { type Site, siteOf } from '../site.js';
import { FORM_STYLES } from '../styles.js';
import { layout } from './layout.js';

/**
 * The page a marketing email's unsubscribe link opens (a signed, one-click
 * link). Mail clients that speak RFC 8058 post to the same address without
 * showing it. Texts are English for now (staff-written marketing is too).
 */
export type UnsubscribeView =
  | { kind: 'ask'; token: string }
  | { kind: 'done'; receiptId: string | null }
  | { kind: 'invalid' };

function portalLink(site: Site): SafeHtml {
  return html`<p><a href="${site.base}privacy/portal/">Open your privacy portal</a> to see or change every choice you made.</p>`;
}

function view(site: Site, v: UnsubscribeView): SafeHtml {
  const company = site.tenant.name;
  if (v.kind === 'ask') {
    // A button, not the link itself: mail scanners open links, and opening one must not unsubscribe anyone.
    return html`<section class="hero"><h1>Stop marketing emails</h1>
<p>You will no longer get news about ${company} and its open roles by email. Emails about an application you made still reach you.</p></section>
<form class="card apply" method="post" action="${site.base}privacy/unsubscribe/">
<input type="hidden" name="token" value="${v.token}">
<div class="submit-row"><button class="button" type="submit">Unsubscribe</button></div>
</form>
${portalLink(site)}`;
  }
  if (v.kind === 'done') {
    return html`<section class="hero"><h1>You are unsubscribed</h1>
<p>${company} will send you no more marketing emails. Your consent to marketing is withdrawn; the receipt is on its way to you by email.</p></section>
<div class="card">${v.receiptId ? html`<p>Receipt: <code>${v.receiptId}</code></p>` : ''}${portalLink(site)}</div>`;
  }
  return html`<section class="hero"><h1>This link no longer works</h1>
<p>It may be incomplete or too old. You can stop marketing emails in your privacy portal at any time.</p></section>
${portalLink(site)}`;
}

export function renderUnsubscribePage(input: {
  tenant: TCareersTenant;
  view: UnsubscribeView;
  locale?: Locale;
  logoFile?: string | null;
}): string {
  const site = siteOf(ZCareersTenant.parse(input.tenant), messagesFor(input.locale), {
    logoFile: input.logoFile ?? null,
  });
  return layout({
    site,
    title: `Unsubscribe · ${site.tenant.name}`,
    head: new SafeHtml('<meta name="robots" content="noindex">'),
    styles: FORM_STYLES,
    main: view(site, input.view),
  });
}
