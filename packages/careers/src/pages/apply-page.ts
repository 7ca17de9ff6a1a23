import {
  MAX_PROFILE_LINKS,
  RESUME_EXTENSIONS,
  TALENT_POOL_PURPOSE,
  type TApplyConfig,
  type TCareersNotice,
  type TCareersPrivacy,
  type TPublicQuestion,
} from '@candor/schemas';
import type { TCareersJob } from '../careers-job.js';
import { dateLabel, locationLabel } from '../format.js';
import { fieldId, fill, html, SafeHtml, scriptJson } from '../html.js';
import type { Messages } from '../i18n/index.js';
import { type Site, serverHref } from '../site.js';
import { FORM_STYLES } from '../styles.js';
import { outcomeTemplates } from './apply-outcome.js';
import { backgroundSection } from './apply-profile.js';
import { describedBy, errorSlot, type Field, hint, labelText, radioGroup, textField } from './form-fields.js';
import { layout } from './layout.js';
import { retentionLine } from './privacy-page.js';

/** The tenant-wide part of the apply form (TApplyConfig without the job's questions and the notice). */
export type TenantApplyConfig = Pick<TApplyConfig, 'purposes' | 'minimumAge' | 'askSalaryExpectation'>;

/** Single-choice questions with more options than this become a select instead of radio buttons. */
const MAX_RADIOS = 6;

/** What the apply page's script reads: the schema's config and the few strings it shows itself. */
export interface IslandData {
  config: TApplyConfig;
  messages: {
    uploadProgress: string;
    sendFailed: string;
    serverFailed: string;
    /** The schema's (English) messages in the page's language; absent in English. */
    errors?: Record<string, string>;
  };
}

function questionField(t: Messages, q: TPublicQuestion): SafeHtml {
  const field: Field = { name: `answer:${q.id}`, label: q.label, required: q.required };
  switch (q.kind) {
    case 'short_text':
      return textField(t, { ...field, maxlength: 300 });
    case 'long_text':
      return textField(t, { ...field, maxlength: 5000, rows: 5 });
    case 'yes_no':
      return radioGroup(t, field, [
        { value: 'yes', label: t.answerYes },
        { value: 'no', label: t.answerNo },
      ]);
    case 'single_choice': {
      if (q.options.length <= MAX_RADIOS)
        return radioGroup(
          t,
          field,
          q.options.map((o) => ({ value: o, label: o })),
        );
      const id = fieldId(field.name);
      return html`<div class="field">
<label for="${id}">${labelText(t, field)}</label>
${errorSlot(field.name, field.label, id)}
<select id="${id}" name="${field.name}"${q.required ? html` required` : html``} aria-describedby="${describedBy(field)}">
<option value="">${t.chooseOne}</option>
${q.options.map((o) => html`<option>${o}</option>`)}
</select>
</div>`;
    }
  }
}

/**
 * How long a talent-pool consent given on this job's form lasts: the
 * tenant's talent-pool rule in force, with the period for the job's country
 * (the candidate's latest job decides, as the retention sweep does). Null
 * for other purposes, or when no rule ends it.
 */
function talentPoolKept(
  t: Messages,
  privacy: TCareersPrivacy,
  purposeKey: string,
  country: string | null,
): string | null {
  if (purposeKey !== TALENT_POOL_PURPOSE) return null;
  const rule = privacy.purposes
    .find((p) => p.key === purposeKey)
    ?.retention.find((r) => r.trigger === 'talent_pool_consent');
  if (!rule) return null;
  const override = country ? rule.overrides.find((o) => o.country === country.toUpperCase()) : undefined;
  return t.consentKept(retentionLine(t, { ...rule, period: override?.period ?? rule.period, overrides: [] }));
}

/** One optional purpose: an unticked box, its description, how long it lasts, and the note shown when GPC declines it. */
function consentBox(
  purpose: TenantApplyConfig['purposes'][number],
  t: Messages,
  kept: string | null,
): SafeHtml {
  const name = `consent:${purpose.key}`;
  const id = fieldId(name);
  const described = [
    purpose.description ? `${id}-hint` : '',
    kept ? `${id}-kept` : '',
    purpose.marketing ? `${id}-gpc` : '',
    `${id}-error`,
  ]
    .filter(Boolean)
    .join(' ');
  return html`<div class="check consent">
<input type="checkbox" id="${id}" name="${name}" value="yes" aria-describedby="${described}"${purpose.marketing ? html` data-marketing` : html``}>
<label for="${id}">${purpose.label}</label>
${purpose.description ? html`<p class="hint" id="${id}-hint">${purpose.description}</p>` : html``}
${kept ? html`<p class="hint" id="${id}-kept">${kept}</p>` : html``}
${purpose.marketing ? html`<p class="hint gpc-note" id="${id}-gpc" hidden>${t.gpcNote}</p>` : html``}
${errorSlot(name, purpose.label, id)}
</div>`;
}

/**
 * A job's apply page: a plain multipart form that works without JavaScript,
 * built from the tenant's config and the job's questions. The script (the
 * `apply` island) adds checks with the shared schema, errors in place,
 * upload progress and the confirmation from the <template>s at the end.
 */
export function renderApplyPage(options: {
  site: Site;
  job: TCareersJob;
  notice: TCareersNotice;
  apply: TenantApplyConfig;
  /** What the privacy page says; the consent boxes take how long each lasts from it. */
  privacy: TCareersPrivacy;
}): string {
  const { site, job, notice, apply, privacy } = options;
  const { t, base, tenant } = site;
  const jobBase = `${base}jobs/${job.id}/`;
  const config: TApplyConfig = {
    ...apply,
    questions: job.questions,
    profileSections: job.profileSections,
    rightToWorkCountry: job.country,
    noticeVersion: notice.version,
  };
  // The structured salary expectation, when the job asks for it, replaces the free-text one.
  const askFreeTextSalary = apply.askSalaryExpectation && !job.profileSections.includes('salaryExpectation');
  const island: IslandData = {
    config,
    messages: {
      uploadProgress: t.uploadProgress,
      sendFailed: t.sendFailed,
      serverFailed: t.serverFailed,
      ...(site.locale === 'en' ? {} : { errors: t.formErrors }),
    },
  };
  const links = { name: 'links', label: t.fieldLinks, hint: t.fieldLinksHint };
  const noticeId = 'notice-link';
  const main = html`<div id="apply-root">
<a class="back" href="${jobBase}">${t.backToJob}</a>
<section class="hero">
<h1 id="apply-title">${t.applyTitle(job.title)}</h1>
<p>${job.department} · ${locationLabel(job, t)}</p>
</section>
<form class="card apply" id="apply-form" method="post" enctype="multipart/form-data" action="${serverHref(site, `jobs/${job.id}/apply`)}" aria-labelledby="apply-title">
<div class="error-summary" id="error-summary" tabindex="-1" aria-labelledby="error-summary-title" hidden>
<h2 id="error-summary-title">${t.errorSummaryTitle}</h2>
<ul></ul>
</div>
<p class="lead">${t.applyLead(tenant.name)}</p>
<section aria-labelledby="s-about"><h2 id="s-about">${t.sectionAboutYou}</h2>
${textField(t, { name: 'name', label: t.fieldName, required: true, autocomplete: 'name', maxlength: 120 })}
${textField(t, { name: 'email', label: t.fieldEmail, required: true, hint: t.fieldEmailHint, type: 'email', autocomplete: 'email', maxlength: 254 })}
${textField(t, { name: 'phone', label: t.fieldPhone, type: 'tel', autocomplete: 'tel', maxlength: 40 })}
${textField(t, { name: 'location', label: t.fieldLocation, hint: t.fieldLocationHint, autocomplete: 'address-level2', maxlength: 120 })}
<fieldset class="field" aria-describedby="${describedBy(links)}">
<legend>${t.fieldLinks}</legend>
${hint(links)}${errorSlot('links', t.fieldLinks, `${fieldId('links')}-0`)}
${Array.from({ length: MAX_PROFILE_LINKS }, (_, i) => html`<div class="link-row"><label for="${fieldId('links')}-${i}">${t.fieldLink(i + 1)}</label><input type="url" id="${fieldId('links')}-${i}" name="links" maxlength="300" autocomplete="url" placeholder="https://"></div>`)}
</fieldset>
</section>
<section aria-labelledby="s-documents"><h2 id="s-documents">${t.sectionDocuments}</h2>
<div class="field">
<label for="${fieldId('resume')}">${labelText(t, { name: 'resume', label: t.fieldResume, required: true })}</label>
${hint({ name: 'resume', label: t.fieldResume, hint: t.fieldResumeHint })}${errorSlot('resume', t.fieldResume, fieldId('resume'))}
<input type="file" id="${fieldId('resume')}" name="resume" accept="${RESUME_EXTENSIONS.join(',')}" required aria-describedby="${fieldId('resume')}-hint ${fieldId('resume')}-error">
</div>
${textField(t, { name: 'coverLetter', label: t.fieldCoverLetter, hint: t.fieldCoverLetterHint, maxlength: 10_000, rows: 8 })}
</section>
${
  job.questions.length > 0 || askFreeTextSalary
    ? html`<section aria-labelledby="s-questions"><h2 id="s-questions">${t.sectionQuestions}</h2>
${job.questions.map((q) => questionField(t, q))}
${askFreeTextSalary ? textField(t, { name: 'salaryExpectation', label: t.fieldSalary, hint: t.fieldSalaryHint, maxlength: 60 }) : html``}
</section>`
    : html``
}
${backgroundSection(t, config)}
<section aria-labelledby="s-privacy" class="privacy"><h2 id="s-privacy">${t.sectionPrivacy}</h2>
<p>${t.privacyForApplying(tenant.name)}</p>
<p>${fill(t.noticeShown, { version: notice.version, date: dateLabel(notice.effectiveOn, t) })} <a id="${noticeId}" href="${base}privacy/versions/${notice.version}/">${t.readFullNotice}</a></p>
${errorSlot('noticeVersion', t.fieldNoticeVersion, noticeId)}
${
  apply.purposes.length > 0
    ? html`<fieldset class="field consents" aria-describedby="consent-hint">
<legend>${t.consentLegend}</legend>
<p class="hint" id="consent-hint">${t.consentHint}</p>
${apply.purposes.map((p) => consentBox(p, t, talentPoolKept(t, privacy, p.key, job.country)))}
</fieldset>`
    : html``
}
<div class="field">
${errorSlot('ageConfirmed', t.fieldAge, fieldId('ageConfirmed'))}
<div class="check"><input type="checkbox" id="${fieldId('ageConfirmed')}" name="ageConfirmed" value="yes" required aria-describedby="${fieldId('ageConfirmed')}-error"><label for="${fieldId('ageConfirmed')}">${labelText(t, { name: 'ageConfirmed', label: t.ageConfirm(apply.minimumAge), required: true })}</label></div>
</div>
<input type="hidden" name="noticeVersion" value="${notice.version}">
</section>
${errorSlot('form', '', 'error-summary')}
<div class="form-message" id="form-message" role="alert"></div>
<div class="submit-row">
<button type="submit" class="button">${t.submitApplication}</button>
<div class="upload" id="upload" hidden><progress id="upload-progress" max="100" value="0" aria-label="${t.uploadLabel}"></progress> <span id="upload-text" aria-live="polite"></span></div>
</div>
</form>
</div>
${outcomeTemplates(site, job)}
<script type="application/json" id="apply-config">${new SafeHtml(scriptJson(island))}</script>`;
  return layout({
    site,
    title: t.applyPageTitle(job.title, tenant.name),
    description: t.applyTitle(job.title),
    head: html`<meta name="robots" content="noindex">
<script type="module" src="${site.root}assets/apply.js"></script>`,
    styles: FORM_STYLES,
    main,
    page: { path: `jobs/${job.id}/apply/` },
  });
}
