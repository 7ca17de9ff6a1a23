import { APPLY_PROFILE_ROWS, SALARY_PERIODS, type TApplyConfig } from '@candor/schemas';
import { countryName } from '../format.js';
import { fieldId, html, type SafeHtml } from '../html.js';
import type { Messages } from '../i18n/index.js';
import { errorSlot, radioGroup, textField } from './form-fields.js';

/**
 * The apply form's "Your background" section: the profile sections the job
 * asks for (docs/candidate-profile.md), every field optional. It works
 * without JavaScript, so repeated sections come as a fixed number of rows;
 * rows left empty are dropped (applyInputFromForm). Field names are the
 * schema's paths: `education.0.institution`, `salaryExpectation.amount` ...
 */
export function backgroundSection(t: Messages, config: TApplyConfig): SafeHtml {
  const asked = new Set(config.profileSections);
  if (asked.size === 0) return html``;
  return html`<section aria-labelledby="s-background"><h2 id="s-background">${t.sectionBackground}</h2>
<p class="hint">${t.backgroundLead}</p>
${asked.has('education') ? educationRows(t) : html``}
${asked.has('workHistory') ? workRows(t) : html``}
${asked.has('rightToWork') ? rightToWork(t, config.rightToWorkCountry) : html``}
${asked.has('salaryExpectation') ? salary(t) : html``}
</section>`;
}

const MONTH = { type: 'month', maxlength: 7 } as const;

/** From and to, side by side where there is room. */
function months(t: Messages, prefix: string, toHint: string): SafeHtml {
  return html`<div class="months">
${textField(t, { name: `${prefix}.startDate`, label: t.fieldFrom, hint: t.monthHint, ...MONTH })}
${textField(t, { name: `${prefix}.endDate`, label: t.fieldTo, hint: toHint, ...MONTH })}
</div>`;
}

/** A fieldset per row, its legend numbered ("Education 1"), with the section's error slot on the first. */
function rows(
  section: string,
  count: number,
  legend: (n: number) => string,
  fields: (prefix: string) => SafeHtml[],
) {
  return Array.from(
    { length: count },
    (_, i) => html`<fieldset class="field profile-row">
<legend>${legend(i + 1)}</legend>
${i === 0 ? errorSlot(section, legend(1), fieldId(`${section}.0`)) : html``}
${fields(`${section}.${i}`)}
</fieldset>`,
  );
}

function educationRows(t: Messages): SafeHtml {
  return html`${rows(
    'education',
    APPLY_PROFILE_ROWS.education,
    (n) => t.educationLegend(n),
    (prefix) => [
      textField(t, { name: `${prefix}.institution`, label: t.fieldInstitution, maxlength: 200 }),
      textField(t, { name: `${prefix}.degree`, label: t.fieldDegree, maxlength: 200 }),
      textField(t, { name: `${prefix}.field`, label: t.fieldStudyField, maxlength: 200 }),
      textField(t, { name: `${prefix}.startDate`, label: t.fieldFrom, hint: t.monthHint, ...MONTH }),
      textField(t, { name: `${prefix}.endDate`, label: t.fieldTo, hint: t.monthHint, ...MONTH }),
    ],
  )}`;
}

function workRows(t: Messages): SafeHtml {
  return html`${rows(
    'workHistory',
    APPLY_PROFILE_ROWS.workHistory,
    (n) => t.workLegend(n),
    (prefix) => [
      textField(t, {
        name: `${prefix}.employer`,
        label: t.fieldEmployer,
        autocomplete: 'organization',
        maxlength: 200,
      }),
      textField(t, {
        name: `${prefix}.title`,
        label: t.fieldJobTitle,
        autocomplete: 'organization-title',
        maxlength: 200,
      }),
      textField(t, { name: `${prefix}.startDate`, label: t.fieldFrom, hint: t.monthHint, ...MONTH }),
      textField(t, { name: `${prefix}.endDate`, label: t.fieldTo, hint: t.toHint, ...MONTH }),
      textField(t, { name: `${prefix}.summary`, label: t.fieldWorkSummary, maxlength: 2000, rows: 3 }),
    ],
  )}`;
}

/** The job's country when it has one; a remote job lets the applicant name the country. */
function rightToWork(t: Messages, country: string | null): SafeHtml {
  const status = radioGroup(
    t,
    {
      name: 'rightToWork.0.status',
      label: country ? t.rightToWorkIn(countryName(country, t)) : t.rightToWorkLegend,
    },
    [
      { value: 'yes', label: t.rightToWorkYes },
      { value: 'needs_sponsorship', label: t.rightToWorkSponsorship },
      { value: 'not_stated', label: t.rightToWorkNotStated },
    ],
  );
  return country
    ? html`<input type="hidden" name="rightToWork.0.country" value="${country}">${errorSlot('rightToWork', t.rightToWorkLegend, fieldId('rightToWork.0.status'))}${status}`
    : html`<div class="profile-row">
${errorSlot('rightToWork', t.rightToWorkLegend, fieldId('rightToWork.0.country'))}
${textField(t, { name: 'rightToWork.0.country', label: t.fieldCountryCode, hint: t.fieldCountryCodeHint, autocomplete: 'country', maxlength: 2 })}
${status}
</div>`;
}

function salary(t: Messages): SafeHtml {
  const id = fieldId('salaryExpectation.period');
  return html`<fieldset class="field profile-row">
<legend>${t.salaryLegend}</legend>
<p class="hint">${t.fieldSalaryHint}</p>
${errorSlot('salaryExpectation', t.salaryLegend, fieldId('salaryExpectation.amount'))}
${textField(t, { name: 'salaryExpectation.amount', label: t.fieldAmount, type: 'number', maxlength: 9 })}
${textField(t, { name: 'salaryExpectation.currency', label: t.fieldCurrency, hint: t.fieldCurrencyHint, maxlength: 3 })}
<div class="field">
<label for="${id}">${t.fieldPeriod}</label>
${errorSlot('salaryExpectation.period', t.fieldPeriod, id)}
<select id="${id}" name="salaryExpectation.period" aria-describedby="${id}-error">
${SALARY_PERIODS.map((period) => html`<option value="${period}">${t.salaryPeriods[period]}</option>`)}
</select>
</div>
</fieldset>`;
}
