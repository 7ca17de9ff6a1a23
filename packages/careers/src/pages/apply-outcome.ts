import {
  type TApplyResult,
  type TCareersTenant,
  type TLanguageSettings,
  type TPublicQuestion,
  ZCareersTenant,
} from '@candor/schemas';
import { fill, html, SafeHtml } from '../html.js';
import { type Locale, type Messages, messagesFor } from '../i18n/index.js';
import { type ReceiptChoice, receiptChoiceText } from '../receipt.js';
import { type Site, serverHref, siteOf } from '../site.js';
import { FORM_STYLES } from '../styles.js';
import { layout } from './layout.js';

/** What became of an application, as the applicant is told. */
export type ApplyOutcome =
  | { kind: 'received'; result: TApplyResult }
  | { kind: 'invalid'; fieldErrors: Record<string, string[]> }
  | { kind: 'closed' }
  | { kind: 'unavailable'; message: string };

/** The job the outcome is about; its questions (optional) name the fields in error messages. */
export interface OutcomeJob {
  id: string;
  title: string;
  questions?: Array<Pick<TPublicQuestion, 'id' | 'label'>>;
}

/** The outcomes the apply page's script shows from a <template> (the rest stay on the form). */
export const TEMPLATE_OUTCOMES = ['received', 'closed'] as const;

const DONE_ICON = html`<svg class="done-icon" aria-hidden="true" width="48" height="48" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><circle cx="12" cy="12" r="10"/><path d="m8 12.5 2.7 2.7L16 10"/></svg>`;

function choiceItem(t: Messages, choice: ReceiptChoice, label: string): SafeHtml {
  return html`<li data-choice="${choice}"><span class="tag tag-${choice}">${receiptChoiceText(t, choice)}</span> <span data-slot="label">${label}</span></li>`;
}

/**
 * The confirmation. With a result it is the server's page for browsers
 * without JavaScript; without one it is the apply page's <template>, whose
 * `data-slot` elements the script fills from the server's answer. One
 * markup for both, so they cannot drift apart. It shows only what the form
 * said (see ZApplyResult): a second application with the same address gets
 * this very page, and the reference, the signed receipt and the survey link
 * reach the owner of the address by email.
 */
export function receivedView(site: Site, job: OutcomeJob, result: TApplyResult | null): SafeHtml {
  const { t, base, tenant } = site;
  const choices = result
    ? result.choices.map((c) => choiceItem(t, c.choice, c.label))
    : (['needed', 'consented', 'refused'] as const).map((choice) => choiceItem(t, choice, ''));
  const noticeHref = result ? `${base}privacy/versions/${result.noticeVersion}/` : `${base}privacy/`;
  const portalHref = serverHref(site, 'privacy/portal/');
  return html`<section class="hero outcome-head">
${DONE_ICON}
<h1 id="outcome-title" tabindex="-1">${t.receivedTitle}</h1>
<p>${fill(t.receivedLead, { company: tenant.name, job: html`<strong>${job.title}</strong>` })}</p>
</section>
<div class="card">
<p>${fill(t.receiptEmailed, { email: html`<strong data-slot="email">${result?.email}</strong>` })}</p>
<h2>${t.nextTitle}</h2>
<ol class="steps">${t.nextSteps.map((step) => html`<li>${step}</li>`)}</ol>
</div>
<section class="card" aria-labelledby="receipt-title">
<h2 id="receipt-title">${t.receiptTitle}</h2>
<p>${fill(t.receiptIntro, { company: tenant.name })}</p>
<h3>${t.receiptPurposes}</h3>
<ul class="choices" data-slot="purposes">${choices}</ul>
<p class="hint" data-slot="gpc"${result?.gpc ? html`` : html` hidden`}>${t.receiptGpc}</p>
<p>${fill(t.receiptWhy, { portal: html`<a href="${portalHref}">${t.receiptPortalLink}</a>` })}</p>
<p>${t.receiptKeep}</p>
<details class="receipt-technical">
<summary>${t.receiptTechnical}</summary>
<p class="hint">${t.receiptToken}</p>
<p class="hint">${fill(t.receiptVerify, { company: tenant.name, jwks: html`<a href="${site.root}jwks.json">${site.root}jwks.json</a>` })}</p>
</details>
</section>
<p class="links"><a data-slot="notice" href="${noticeHref}">${t.noticeYouSaw}</a> <a href="${portalHref}">${t.privacyPortal}</a> <a href="${base}">${t.allRoles}</a></p>`;
}

/** A message of the shared (English) schema in the page's language. */
export function localizedError(t: Messages, message: string): string {
  return (t.formErrors as Record<string, string>)[message] ?? message;
}

/** The name of a form field, as the list of problems shows it. */
export function fieldLabel(
  t: Messages,
  field: string,
  labels: { questions?: OutcomeJob['questions']; purposes?: Array<{ key: string; label: string }> } = {},
): string {
  if (field.startsWith('answer:')) {
    return labels.questions?.find((q) => q.id === field.slice('answer:'.length))?.label ?? t.fieldAnswer;
  }
  if (field.startsWith('consent:')) {
    return labels.purposes?.find((p) => p.key === field.slice('consent:'.length))?.label ?? t.fieldConsent;
  }
  const names: Record<string, string> = {
    name: t.fieldName,
    email: t.fieldEmail,
    phone: t.fieldPhone,
    location: t.fieldLocation,
    links: t.fieldLinks,
    resume: t.fieldResume,
    coverLetter: t.fieldCoverLetter,
    salaryExpectation: t.fieldSalary,
    ageConfirmed: t.fieldAge,
    noticeVersion: t.fieldNoticeVersion,
  };
  return names[field] ?? '';
}

/** The outcomes other than success: a heading, what happened and where to go. */
function statusView(
  site: Site,
  job: OutcomeJob,
  outcome: Exclude<ApplyOutcome, { kind: 'received' }>,
  purposes?: Array<{ key: string; label: string }>,
): SafeHtml {
  const { t, base, tenant } = site;
  const head = (title: string, body: string) => html`<section class="hero">
<h1 id="outcome-title" tabindex="-1">${title}</h1>
<p>${body}</p>
</section>`;
  switch (outcome.kind) {
    case 'invalid': {
      const problems = Object.entries(outcome.fieldErrors).map(([field, messages]) => {
        const label = fieldLabel(t, field, { questions: job.questions, purposes });
        return html`<li>${label ? html`<b>${label}</b>: ` : html``}${localizedError(t, messages[0] ?? '')}</li>`;
      });
      return html`${head(t.invalidTitle, t.invalidLead)}
<div class="card error-summary" id="error-summary"><ul>${problems}</ul></div>
<p><a class="button" href="${base}jobs/${job.id}/apply/">${t.backToForm}</a></p>
<p class="hint">${t.backToFormHint}</p>`;
    }
    case 'closed':
      return html`${head(t.closedTitle, t.closedBody(tenant.name))}
<p class="links"><a href="${base}">${t.seeOpenRoles}</a></p>`;
    case 'unavailable':
      return html`${head(t.unavailableTitle, outcome.message)}
<p class="links"><a href="${base}jobs/${job.id}/">${t.backToJob}</a> <a href="${base}">${t.allRoles}</a></p>`;
  }
}

export function outcomeView(
  site: Site,
  job: OutcomeJob,
  outcome: ApplyOutcome,
  purposes?: Array<{ key: string; label: string }>,
): SafeHtml {
  return outcome.kind === 'received'
    ? receivedView(site, job, outcome.result)
    : statusView(site, job, outcome, purposes);
}

/** The page title of an outcome. */
function outcomeTitle(t: Messages, outcome: ApplyOutcome): string {
  return {
    received: t.receivedTitle,
    invalid: t.invalidTitle,
    closed: t.closedTitle,
    unavailable: t.unavailableTitle,
  }[outcome.kind];
}

/** The <template> elements of the apply page, one per outcome its script shows in place of the form. */
export function outcomeTemplates(site: Site, job: OutcomeJob): SafeHtml {
  return html`${TEMPLATE_OUTCOMES.map(
    (kind) =>
      html`<template id="outcome-${kind}" data-title="${site.t.outcomePageTitle(outcomeTitle(site.t, { kind } as ApplyOutcome), site.tenant.name)}">${
        kind === 'received' ? receivedView(site, job, null) : statusView(site, job, { kind })
      }</template>`,
  )}`;
}

/**
 * The full page the server answers a form post with when the browser did
 * not ask for JSON (no JavaScript): the same markup the apply page's script
 * shows, in the site's layout.
 */
export function renderApplyOutcomePage(input: {
  tenant: TCareersTenant;
  job: OutcomeJob;
  outcome: ApplyOutcome;
  locale?: Locale;
  /** The tenant's languages (links go to the pages of `locale`); English only when not given. */
  languages?: TLanguageSettings;
  /** The tenant's logo file at the site root, as for the site. */
  logoFile?: string | null;
  /** The tenant's consent purposes, to name them in error messages. */
  purposes?: Array<{ key: string; label: string }>;
}): string {
  const site = siteOf(ZCareersTenant.parse(input.tenant), messagesFor(input.locale), {
    logoFile: input.logoFile ?? null,
    languages: input.languages,
  });
  const { t } = site;
  return layout({
    site,
    title: t.outcomePageTitle(outcomeTitle(t, input.outcome), input.tenant.name),
    head: new SafeHtml('<meta name="robots" content="noindex">'),
    styles: FORM_STYLES,
    main: html`<div id="apply-root">${outcomeView(site, input.job, input.outcome, input.purposes)}</div>`,
  });
}
