import {
  type SurveyQuestion,
  type TCareersTenant,
  type TLanguageSettings,
  ZCareersTenant,
} from '@candor/schemas';
import { fill, html, SafeHtml } from '../html.js';
import { type Locale, messagesFor } from '../i18n/index.js';
import { type Site, serverHref, siteOf } from '../site.js';
import { FORM_STYLES } from '../styles.js';
import { layout } from './layout.js';

/**
 * The voluntary diversity survey, linked from the application's
 * confirmation page and email (a signed link per application). Plain HTML
 * that works without script; the server re-renders it with the errors.
 * Answers once given are never shown again here (whoever holds the link
 * could read them): the privacy portal, behind its emailed code, does that.
 */
export type SurveyView =
  | {
      kind: 'ask';
      token: string;
      questions: readonly SurveyQuestion[];
      k: number;
      /** Answers sent back with errors, by question id. */
      values?: Partial<Record<string, string>>;
      /** Field errors by name: `consent`, `answers.<question>`. */
      errors?: Record<string, string>;
    }
  | { kind: 'answered'; receiptId: string }
  | { kind: 'already' }
  | { kind: 'invalid' };

function portalHref(site: Site): string {
  return serverHref(site, 'privacy/portal/');
}

function errorText(view: Extract<SurveyView, { kind: 'ask' }>, name: string): SafeHtml {
  const message = view.errors?.[name];
  return html`<p class="field-error" id="survey-${name.replace('.', '-')}-error">${message ?? ''}</p>`;
}

function questionField(view: Extract<SurveyView, { kind: 'ask' }>, question: SurveyQuestion): SafeHtml {
  const name = `answers.${question.id}`;
  const id = `survey-${question.id}`;
  const chosen = view.values?.[question.id];
  return html`<fieldset class="field choice" aria-describedby="${id}-error">
<legend>${question.label}</legend>
${errorText(view, name)}
${question.options.map(
  (option, i) =>
    html`<div class="check"><input type="radio" id="${id}-${i}" name="${question.id}" value="${option.id}"${chosen === option.id ? html` checked` : html``}><label for="${id}-${i}">${option.label}</label></div>`,
)}
</fieldset>`;
}

function askView(site: Site, view: Extract<SurveyView, { kind: 'ask' }>): SafeHtml {
  const { t, tenant } = site;
  const errors = Object.keys(view.errors ?? {});
  return html`<section class="hero"><h1>${t.surveyTitle}</h1><p>${t.surveyLead(tenant.name)}</p></section>
<form class="card apply" method="post" action="${serverHref(site, 'diversity/')}" novalidate>
${
  errors.length
    ? html`<div class="error-summary" role="alert" aria-labelledby="survey-errors-title"><h2 id="survey-errors-title">${t.surveyErrorsTitle}</h2><ul>${errors.map((name) => html`<li><a href="#survey-${name.replace('.', '-')}-error">${view.errors?.[name] ?? ''}</a></li>`)}</ul></div>`
    : html``
}
<input type="hidden" name="token" value="${view.token}">
<p class="hint">${fill(t.surveyHow, { k: String(view.k) })}</p>
${view.questions.map((q) => questionField(view, q))}
<fieldset class="field consents" aria-describedby="survey-consent-error">
<legend>${t.surveyConsentLegend}</legend>
${errorText(view, 'consent')}
<div class="check"><input type="checkbox" id="survey-consent" name="consent" value="yes"><label for="survey-consent">${t.surveyConsent}</label></div>
</fieldset>
<div class="submit-row"><button class="button" type="submit">${t.surveySubmit}</button></div>
</form>`;
}

function messageView(site: Site, title: string, body: string, receiptId?: string): SafeHtml {
  const { t } = site;
  return html`<section class="hero"><h1>${title}</h1><p>${body}</p></section>
<div class="card">${receiptId ? html`<p>${t.renewalReceipt}: <code>${receiptId}</code></p>` : html``}
<p><a href="${portalHref(site)}">${t.renewalOpenPortal}</a></p></div>`;
}

export function renderSurveyPage(input: {
  tenant: TCareersTenant;
  view: SurveyView;
  locale?: Locale;
  /** The tenant's languages (links go to the pages of `locale`); English only when not given. */
  languages?: TLanguageSettings;
  logoFile?: string | null;
}): string {
  const site = siteOf(ZCareersTenant.parse(input.tenant), messagesFor(input.locale), {
    logoFile: input.logoFile ?? null,
    languages: input.languages,
  });
  const { t } = site;
  const { view } = input;
  const main =
    view.kind === 'ask'
      ? askView(site, view)
      : view.kind === 'answered'
        ? messageView(site, t.surveyThanksTitle, t.surveyThanksBody, view.receiptId)
        : view.kind === 'already'
          ? messageView(site, t.surveyAlreadyTitle, t.surveyAlreadyBody)
          : messageView(site, t.surveyInvalidTitle, t.surveyInvalidBody);
  return layout({
    site,
    title: t.surveyPageTitle(site.tenant.name),
    head: new SafeHtml('<meta name="robots" content="noindex">'),
    styles: FORM_STYLES,
    main,
    page: { path: 'diversity/', server: true },
  });
}
