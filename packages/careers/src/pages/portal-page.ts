import {
  TALENT_POOL_PURPOSE,
  type TApplicationStatus,
  type TCareersTenant,
  type TConsentDecision,
  type TLanguageSettings,
  type TRequestStatus,
  type TRequestType,
  type TStageKind,
  ZCareersTenant,
} from '@candor/schemas';
import { dateLabel } from '../format.js';
import { fieldId, fill, html, SafeHtml } from '../html.js';
import { type Locale, type Messages, messagesFor } from '../i18n/index.js';
import { readReceipt, receiptFileName } from '../receipt.js';
import { type Site, serverHref, siteOf } from '../site.js';
import { FORM_STYLES, PORTAL_STYLES } from '../styles.js';
import { layout } from './layout.js';

/** How many profile-link inputs the contact form offers. */
const LINK_INPUTS = 3;

export interface PortalContact {
  name: string;
  email: string;
  phone: string | null;
  location: string | null;
  links: string[];
}

/** One purpose the applicant decided on, with every decision, oldest first. */
export interface PortalConsent {
  purpose: string;
  /** The wording of the latest decision. */
  label: string;
  current: TConsentDecision;
  history: Array<{
    decision: TConsentDecision;
    label: string;
    noticeVersion: number | null;
    occurredAt: string;
    receiptId: string | null;
  }>;
}

/** Everything the tenant holds that the portal shows, for one email address. */
export interface PortalData {
  email: string;
  /** Null when the tenant holds no candidate with this address. */
  candidate: (PortalContact & { restrictedAt: string | null }) | null;
  applications: Array<{
    jobTitle: string;
    status: TApplicationStatus;
    stageKind: TStageKind;
    appliedAt: string;
  }>;
  consents: PortalConsent[];
  /** The disclosure log: who outside the company's hiring team received the person's data (Art. 15(1)(c)). */
  recipients: Array<{
    name: string;
    /** ISO country and the transfer safeguard's label, for a recipient outside the EEA; null inside it or unknown. */
    transfer: { country: string; safeguard: string } | null;
    categories: string[];
    purpose: string;
    disclosedAt: string;
  }>;
  requests: Array<{
    id: string;
    type: TRequestType;
    status: TRequestStatus;
    receivedAt: string;
    dueOn: string;
    completedAt: string | null;
  }>;
}

export type PortalDone = keyof Messages['portalDone'];

export type PortalCodeError = { kind: 'format' } | { kind: 'wrong'; triesLeft: number } | { kind: 'dead' };

/** What the portal shows: one of its pages. */
export type PortalView =
  | {
      kind: 'sign_in';
      email?: string;
      error?: 'invalid_email';
      message?: 'signed_out' | 'session_ended' | 'wrong_origin';
    }
  | { kind: 'code_sent'; email: string; error?: PortalCodeError }
  | { kind: 'rate_limited' }
  | {
      kind: 'home';
      data: PortalData;
      done?: PortalDone[];
      /** A consent receipt just issued, shown with the message. */
      receipt?: { id: string; jws: string } | null;
      /** Problems with a form just sent, by field name (`name`, `links`, `details`, `confirm` ...). */
      fieldErrors?: Record<string, string[]>;
      /** What the contact form was sent with, when it comes back with problems. */
      contactValues?: PortalContact;
      /** The correction text sent, when it comes back with a problem. */
      details?: string;
    };

/** The portal's address for a form or link (`code`, `verify` ...), keeping the page's language. */
function portalHref(site: Site, path = ''): string {
  return serverHref(site, `privacy/portal/${path}`);
}

/** A receipt's download: a file, in no language. */
function receiptHref(site: Site, id: string): string {
  return `${site.root}privacy/portal/receipts/${id}`;
}

function errorOf(fieldErrors: Record<string, string[]> | undefined, name: string): string | null {
  return fieldErrors?.[name]?.[0] ?? null;
}

/** A labelled text input with its hint and error, as on the apply form. */
function textField(options: {
  name: string;
  label: string;
  value: string;
  type?: string;
  autocomplete?: string;
  hint?: string;
  error?: string | null;
  required?: boolean;
  extra?: SafeHtml;
}): SafeHtml {
  const id = fieldId(options.name);
  const described = [options.hint ? `${id}-hint` : '', options.error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return html`<div class="field">
<label for="${id}">${options.label}</label>
${options.hint ? html`<p class="hint" id="${id}-hint">${options.hint}</p>` : html``}
${options.error ? html`<p class="field-error" id="${id}-error">${options.error}</p>` : html``}
<input id="${id}" name="${options.name}" type="${options.type ?? 'text'}" value="${options.value}"${
    options.autocomplete ? html` autocomplete="${options.autocomplete}"` : html``
  }${options.required ? html` required` : html``}${described ? html` aria-describedby="${described}"` : html``}${
    options.error ? html` aria-invalid="true"` : html``
  }${options.extra ?? html``}>
</div>`;
}

function signInView(site: Site, view: Extract<PortalView, { kind: 'sign_in' }>): SafeHtml {
  const { t, tenant } = site;
  const message =
    view.message === 'signed_out'
      ? t.portalSignedOut
      : view.message === 'session_ended'
        ? t.portalSessionEnded
        : view.message === 'wrong_origin'
          ? t.portalWrongOrigin
          : null;
  return html`<section class="hero"><h1>${t.portalTitle}</h1><p>${t.portalSignInLead(tenant.name)}</p></section>
${message ? html`<div class="status-msg" role="status"><p>${message}</p></div>` : html``}
<form class="card apply" method="post" action="${portalHref(site, 'code')}" novalidate>
${textField({
  name: 'email',
  label: t.portalEmailLabel,
  type: 'email',
  value: view.email ?? '',
  autocomplete: 'email',
  required: true,
  error: view.error === 'invalid_email' ? t.portalInvalidEmail : null,
})}
<button class="button" type="submit">${t.portalSendCode}</button>
<p class="hint">${t.portalSessionNote}</p>
</form>`;
}

function codeError(t: Messages, error: PortalCodeError | undefined): string | null {
  if (!error) return null;
  if (error.kind === 'format') return t.portalCodeFormat;
  if (error.kind === 'wrong') return t.portalWrongCode(error.triesLeft);
  return t.portalCodeDead;
}

function codeSentView(site: Site, view: Extract<PortalView, { kind: 'code_sent' }>): SafeHtml {
  const { t } = site;
  const dead = view.error?.kind === 'dead';
  return html`<section class="hero"><h1>${t.portalCodeSentTitle}</h1>
<p>${fill(t.portalCodeSentLead, { email: html`<strong>${view.email}</strong>` })}</p></section>
${dead ? html`<div class="form-error" role="alert">${t.portalCodeDead}</div>` : html``}
<form class="card apply" method="post" action="${portalHref(site, 'verify')}" novalidate>
<input type="hidden" name="email" value="${view.email}">
${textField({
  name: 'code',
  label: t.portalCodeLabel,
  value: '',
  hint: t.portalCodeHint,
  autocomplete: 'one-time-code',
  required: true,
  error: dead ? null : codeError(t, view.error),
  extra: html` class="code-input" inputmode="numeric" maxlength="7"`,
})}
<div class="submit-row"><button class="button" type="submit">${t.portalOpen}</button> <a href="${portalHref(site)}">${t.portalNewCode}</a></div>
<p class="hint">${t.portalCodeSentHint}</p>
</form>`;
}

function rateLimitedView(site: Site): SafeHtml {
  const { t } = site;
  return html`<section class="hero"><h1>${t.portalRateLimitedTitle}</h1><p>${t.portalRateLimitedBody}</p></section>
<p><a href="${portalHref(site)}">${t.portalNewCode}</a></p>`;
}

function contactCard(
  site: Site,
  view: Extract<PortalView, { kind: 'home' }>,
  contact: PortalContact,
): SafeHtml {
  const { t } = site;
  const values = view.contactValues ?? contact;
  const links = [...values.links, ...Array<string>(LINK_INPUTS).fill('')].slice(
    0,
    Math.max(LINK_INPUTS, values.links.length),
  );
  const linksError = errorOf(view.fieldErrors, 'links');
  return html`<section class="card apply" aria-labelledby="contact-heading">
<h2 id="contact-heading">${t.portalContactHeading}</h2>
<p class="lead">${t.portalContactLead}</p>
<form method="post" action="${portalHref(site, 'contact')}" novalidate>
${textField({ name: 'name', label: t.fieldName, value: values.name, autocomplete: 'name', required: true, error: errorOf(view.fieldErrors, 'name') })}
${textField({ name: 'email', label: t.fieldEmail, type: 'email', value: values.email, autocomplete: 'email', hint: t.portalEmailChangeHint, required: true, error: errorOf(view.fieldErrors, 'email') })}
${textField({ name: 'phone', label: t.fieldPhone, type: 'tel', value: values.phone ?? '', autocomplete: 'tel', error: errorOf(view.fieldErrors, 'phone') })}
${textField({ name: 'location', label: t.fieldLocation, value: values.location ?? '', hint: t.fieldLocationHint, error: errorOf(view.fieldErrors, 'location') })}
<fieldset class="field">
<legend>${t.fieldLinks}</legend>
<p class="hint">${t.fieldLinksHint}</p>
${linksError ? html`<p class="field-error">${linksError}</p>` : html``}
${links.map(
  (link, i) =>
    html`<div class="link-row"><label for="portal-link-${i}">${t.fieldLink(i + 1)}</label><input id="portal-link-${i}" name="links" type="url" value="${link}"${linksError ? html` aria-invalid="true"` : html``}></div>`,
)}
</fieldset>
<button class="button" type="submit">${t.portalSaveContact}</button>
</form>
</section>`;
}

function applicationsCard(site: Site, data: PortalData): SafeHtml {
  const { t } = site;
  const body =
    data.applications.length === 0
      ? html`<p>${t.portalNoApplications}</p>`
      : html`<div class="table"><table>
<thead><tr><th scope="col">${t.portalRole}</th><th scope="col">${t.portalStatus}</th><th scope="col">${t.portalStage}</th><th scope="col">${t.portalAppliedOn}</th></tr></thead>
<tbody>${data.applications.map(
          (a) =>
            html`<tr><td>${a.jobTitle}</td><td>${t.portalApplicationStatuses[a.status]}</td><td>${t.portalStageKinds[a.stageKind]}</td><td>${dateLabel(a.appliedAt, t)}</td></tr>`,
        )}</tbody>
</table></div>`;
  return html`<section class="card" aria-labelledby="applications-heading"><h2 id="applications-heading">${t.portalApplicationsHeading}</h2>${body}</section>`;
}

function decisionTag(t: Messages, decision: TConsentDecision): SafeHtml {
  const style = decision === 'given' ? 'consented' : decision;
  return html`<span class="tag tag-${style}">${t.portalDecisions[decision]}</span>`;
}

function consentsCard(site: Site, data: PortalData): SafeHtml {
  const { t } = site;
  if (data.consents.length === 0) {
    return html`<section class="card" aria-labelledby="consents-heading"><h2 id="consents-heading">${t.portalConsentsHeading}</h2><p>${t.portalNoConsents}</p></section>`;
  }
  const purposes = data.consents.map((c) => {
    const action =
      c.current === 'given'
        ? html`<form method="post" action="${portalHref(site, 'consent/withdraw')}"><input type="hidden" name="purpose" value="${c.purpose}"><button class="button secondary small" type="submit" aria-label="${c.purpose === TALENT_POOL_PURPOSE ? t.portalLeaveTalentPool : t.portalWithdrawLabel(c.label)}">${c.purpose === TALENT_POOL_PURPOSE ? t.portalLeaveTalentPool : t.portalWithdraw}</button></form>`
        : html``;
    return html`<div class="purpose" data-purpose="${c.purpose}"><p>${decisionTag(t, c.current)} ${c.label}</p>${action}</div>`;
  });
  const history = data.consents
    .flatMap((c) => c.history.map((h) => ({ ...h, purpose: c.purpose })))
    .sort((a, b) => (a.occurredAt < b.occurredAt ? 1 : a.occurredAt > b.occurredAt ? -1 : 0));
  return html`<section class="card" aria-labelledby="consents-heading">
<h2 id="consents-heading">${t.portalConsentsHeading}</h2>
<p class="lead">${t.portalConsentsLead}</p>
${purposes}
<div class="table"><table>
<caption>${t.portalHistoryCaption}</caption>
<thead><tr><th scope="col">${t.portalDate}</th><th scope="col">${t.portalPurpose}</th><th scope="col">${t.portalDecision}</th><th scope="col">${t.portalNoticeVersion}</th><th scope="col">${t.portalReceipt}</th></tr></thead>
<tbody>${history.map(
    (h) =>
      html`<tr><td>${dateLabel(h.occurredAt, t)}</td><td>${h.label}</td><td>${t.portalDecisions[h.decision]}</td><td>${
        h.noticeVersion === null
          ? html``
          : html`<a href="${site.base}privacy/versions/${h.noticeVersion}/">${t.versionLabel(h.noticeVersion)}</a>`
      }</td><td>${
        h.receiptId
          ? html`<code>${h.receiptId.slice(0, 8)}</code> <a href="${receiptHref(site, h.receiptId)}" download="${receiptFileName(h.receiptId)}">${t.portalDownloadReceipt}</a>`
          : html``
      }</td></tr>`,
  )}</tbody>
</table></div>
</section>`;
}

function recipientsCard(site: Site, data: PortalData): SafeHtml {
  const { t } = site;
  const body =
    data.recipients.length === 0
      ? html`<p>${t.portalNoRecipients}</p>`
      : html`<div class="table"><table>
<thead><tr><th scope="col">${t.portalDate}</th><th scope="col">${t.portalRecipient}</th><th scope="col">${t.portalRecipientData}</th><th scope="col">${t.portalRecipientWhy}</th></tr></thead>
<tbody>${data.recipients.map(
          (r) =>
            html`<tr data-recipient="${r.name}"><td>${dateLabel(r.disclosedAt, t)}</td><td>${r.name}${
              r.transfer
                ? html`<br><small>${t.portalRecipientCountryNote(r.transfer.country, r.transfer.safeguard)}</small>`
                : html``
            }</td><td>${r.categories.join(', ')}</td><td>${r.purpose}</td></tr>`,
        )}</tbody>
</table></div>`;
  return html`<section class="card" aria-labelledby="recipients-heading"><h2 id="recipients-heading">${t.portalRecipientsHeading}</h2><p class="lead">${t.portalRecipientsLead}</p>${body}</section>`;
}

function requestsCard(site: Site, data: PortalData): SafeHtml {
  const { t } = site;
  const body =
    data.requests.length === 0
      ? html`<p>${t.portalNoRequests}</p>`
      : html`<div class="table"><table>
<thead><tr><th scope="col">${t.portalRequest}</th><th scope="col">${t.portalStatus}</th><th scope="col">${t.portalReceived}</th><th scope="col">${t.portalDueOrDone}</th></tr></thead>
<tbody>${data.requests.map(
          (r) =>
            html`<tr data-request-type="${r.type}"><td>${t.portalRequestTypes[r.type]}</td><td>${t.portalRequestStatuses[r.status]}</td><td>${dateLabel(r.receivedAt, t)}</td><td>${
              r.completedAt
                ? fill(t.portalDoneOn, { date: dateLabel(r.completedAt, t) })
                : r.status === 'refused'
                  ? html``
                  : fill(t.portalDueBy, { date: dateLabel(r.dueOn, t) })
            }</td></tr>`,
        )}</tbody>
</table></div>`;
  return html`<section class="card" aria-labelledby="requests-heading"><h2 id="requests-heading">${t.portalRequestsHeading}</h2>${body}</section>`;
}

function rightsCard(site: Site, view: Extract<PortalView, { kind: 'home' }>): SafeHtml {
  const { t, tenant } = site;
  const data = view.data;
  const company = tenant.name;
  const detailsError = errorOf(view.fieldErrors, 'details');
  const confirmError = errorOf(view.fieldErrors, 'confirm');
  const restrictedAt = data.candidate?.restrictedAt ?? null;
  const openErasure = data.requests.find(
    (r) => r.type === 'erasure' && r.status !== 'completed' && r.status !== 'refused',
  );
  return html`<section class="card apply" aria-labelledby="rights-heading">
<h2 id="rights-heading">${t.portalRightsHeading}</h2>
<div class="right"><h3>${t.portalDownloadHeading}</h3><p>${fill(t.portalDownloadBody, { company })}</p>
<form method="post" action="${portalHref(site, 'export')}"><button class="button secondary" type="submit">${t.portalDownload}</button></form></div>
<div class="right"><h3>${t.portalCorrectHeading}</h3><p>${t.portalCorrectBody}</p>
<form method="post" action="${portalHref(site, 'rectify')}" novalidate><div class="field">
<label for="portal-details">${t.portalCorrectLabel}</label>
${detailsError ? html`<p class="field-error" id="portal-details-error">${detailsError}</p>` : html``}
<textarea id="portal-details" name="details" rows="4" maxlength="5000"${detailsError ? html` aria-invalid="true" aria-describedby="portal-details-error"` : html``}>${view.details ?? ''}</textarea>
</div><button class="button secondary" type="submit">${t.portalSendRequest}</button></form></div>
<div class="right"><h3>${t.portalMarketingHeading}</h3><p>${fill(t.portalMarketingBody, { company })}</p>
<form method="post" action="${portalHref(site, 'marketing/stop')}"><button class="button secondary" type="submit">${t.portalStopMarketing}</button></form></div>
<div class="right"><h3>${t.portalRestrictHeading}</h3>${
    restrictedAt
      ? html`<p>${fill(t.portalRestrictedNote, { date: dateLabel(restrictedAt, t), company })}</p>`
      : html`<p>${fill(t.portalRestrictBody, { company })}</p>
<form method="post" action="${portalHref(site, 'restrict')}"><button class="button secondary" type="submit">${t.portalRestrict}</button></form>`
  }</div>
<div class="right"><h3>${t.portalEraseHeading}</h3>${
    openErasure
      ? html`<p>${fill(t.portalErasePending, { date: dateLabel(openErasure.receivedAt, t), due: dateLabel(openErasure.dueOn, t) })}</p>`
      : html`<p>${fill(t.portalEraseBody, { company })}</p>
<form method="post" action="${portalHref(site, 'erase')}" novalidate>
${confirmError ? html`<p class="field-error" id="portal-confirm-error">${confirmError}</p>` : html``}
<div class="check"><input id="portal-confirm" name="confirm" type="checkbox" value="yes"${confirmError ? html` aria-invalid="true" aria-describedby="portal-confirm-error"` : html``}><label for="portal-confirm">${t.portalEraseConfirm}</label></div>
<button class="button danger" type="submit">${t.portalErase}</button></form>`
  }</div>
</section>`;
}

function doneMessages(site: Site, view: Extract<PortalView, { kind: 'home' }>): SafeHtml {
  const { t, tenant } = site;
  if (!view.done?.length && !view.receipt) return html``;
  const summary = view.receipt ? readReceipt(view.receipt.jws) : null;
  const receipt = view.receipt
    ? html`<p>${fill(t.portalReceiptIntro, { id: html`<code>${view.receipt.id}</code>`, company: tenant.name })}</p>
<ul class="choices">${(summary?.purposes ?? [])
        .filter((p) => p.choice !== 'needed')
        .map(
          (p) =>
            html`<li>${decisionTag(t, p.choice === 'consented' ? 'given' : 'withdrawn')} ${p.label}</li>`,
        )}</ul>
<p><a class="button secondary small" href="${receiptHref(site, view.receipt.id)}" download="${receiptFileName(view.receipt.id)}">${t.receiptDownload}</a></p>`
    : html``;
  return html`<div class="status-msg" role="status">${(view.done ?? []).map((key) => html`<p>${fill(t.portalDone[key], { company: tenant.name })}</p>`)}${receipt}</div>`;
}

function homeView(site: Site, view: Extract<PortalView, { kind: 'home' }>): SafeHtml {
  const { t, tenant } = site;
  const { data } = view;
  const head = html`<section class="hero"><h1>${t.portalTitle}</h1>
<div class="signed-in"><p>${fill(t.portalSignedInAs, { email: html`<strong>${data.email}</strong>` })}</p>
<form method="post" action="${portalHref(site, 'sign-out')}"><button class="button secondary small" type="submit">${t.portalSignOut}</button></form></div></section>`;
  const hasErrors = Object.keys(view.fieldErrors ?? {}).length > 0;
  const errors = hasErrors ? html`<div class="form-error" role="alert">${t.errorSummaryTitle}</div>` : html``;
  if (!data.candidate) {
    return html`${head}${doneMessages(site, view)}<div class="card"><h2>${t.portalNoDataTitle}</h2><p>${fill(
      t.portalNoDataBody,
      {
        company: tenant.name,
        email: data.email,
      },
    )}</p></div>`;
  }
  return html`${head}
${doneMessages(site, view)}${errors}
${data.candidate.restrictedAt ? html`<div class="card announce" role="note"><p>${fill(t.portalRestrictedNote, { date: dateLabel(data.candidate.restrictedAt, t), company: tenant.name })}</p></div>` : html``}
${contactCard(site, view, data.candidate)}
${applicationsCard(site, data)}
${consentsCard(site, data)}
${recipientsCard(site, data)}
${requestsCard(site, data)}
${rightsCard(site, view)}`;
}

/**
 * A page of the applicant privacy portal, in the careers site's look. The
 * API renders it per request (the portal is the one part of the site that
 * is not static); every form posts without JavaScript.
 */
export function renderPortalPage(input: {
  tenant: TCareersTenant;
  view: PortalView;
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
    view.kind === 'sign_in'
      ? signInView(site, view)
      : view.kind === 'code_sent'
        ? codeSentView(site, view)
        : view.kind === 'rate_limited'
          ? rateLimitedView(site)
          : homeView(site, view);
  return layout({
    site,
    title: site.t.portalPageTitle(site.tenant.name),
    head: new SafeHtml('<meta name="robots" content="noindex">'),
    styles: FORM_STYLES + PORTAL_STYLES,
    portal: true,
    main: html`<div class="portal">${main}</div>`,
    page: { path: 'privacy/portal/', server: true },
  });
}
