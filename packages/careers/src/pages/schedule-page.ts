import { type TCareersTenant, type TLanguageSettings, ZCareersTenant } from '@candor/schemas';
import { html, SafeHtml } from '../html.js';
import { type Locale, messagesFor } from '../i18n/index.js';
import { type Site, serverHref, siteOf } from '../site.js';
import { FORM_STYLES } from '../styles.js';
import { layout } from './layout.js';

/**
 * The self-scheduling page the candidate's email links to: the offered
 * interview times still free, shown in a zone the candidate picks (a GET
 * form, so it works without JavaScript), and a post that books one.
 */
export type ScheduleView =
  | {
      kind: 'pick';
      token: string;
      jobTitle: string;
      timeZone: string;
      zones: readonly string[];
      /** `value` goes back in the post (the start, ISO); `label` is the time range in `timeZone`. */
      slots: ReadonlyArray<{ value: string; label: string }>;
      problem?: 'taken' | 'pickOne';
    }
  | { kind: 'booked'; when: string }
  | { kind: 'invalid' };

const PATH = 'schedule/';

function pickView(site: Site, view: Extract<ScheduleView, { kind: 'pick' }>): SafeHtml {
  const { t, tenant } = site;
  const problem =
    view.problem === 'taken' ? t.scheduleTaken : view.problem === 'pickOne' ? t.schedulePickOne : null;
  // The zone form is a GET to this page: the link's token and the page's language go along as fields.
  const zoneForm = html`<form class="card apply" method="get" action="${site.root}${PATH}">
<input type="hidden" name="t" value="${view.token}">
${site.langQuery ? html`<input type="hidden" name="lang" value="${site.locale}">` : html``}
<div class="field"><label for="schedule-zone">${t.scheduleZone}</label>
<select id="schedule-zone" name="tz">${view.zones.map(
    (zone) =>
      html`<option value="${zone}"${zone === view.timeZone ? html` selected` : html``}>${zone}</option>`,
  )}</select></div>
<div class="submit-row"><button class="button secondary" type="submit">${t.scheduleZoneButton}</button></div>
</form>`;
  const times = view.slots.length
    ? html`<form class="card apply" method="post" action="${serverHref(site, PATH)}">
<input type="hidden" name="token" value="${view.token}">
<input type="hidden" name="tz" value="${view.timeZone}">
<fieldset class="field choice"><legend>${t.scheduleTimes}</legend>
${view.slots.map(
  (slot, i) =>
    html`<div class="check"><input type="radio" id="slot-${i}" name="slot" value="${slot.value}" required><label for="slot-${i}">${slot.label}</label></div>`,
)}
</fieldset>
<div class="submit-row"><button class="button" type="submit">${t.scheduleBook}</button></div>
</form>`
    : html`<div class="card"><p>${t.scheduleNoneLeft}</p></div>`;
  return html`<section class="hero"><h1>${t.scheduleTitle}</h1><p>${t.scheduleLead(tenant.name, view.jobTitle)}</p></section>
${problem ? html`<div class="error-summary" role="alert"><p>${problem}</p></div>` : html``}
${zoneForm}
${times}`;
}

export function renderSchedulePage(input: {
  tenant: TCareersTenant;
  view: ScheduleView;
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
    view.kind === 'pick'
      ? pickView(site, view)
      : view.kind === 'booked'
        ? html`<section class="hero"><h1>${t.scheduleBookedTitle}</h1><p>${t.scheduleBookedLead(view.when)}</p></section>`
        : html`<section class="hero"><h1>${t.scheduleInvalidTitle}</h1><p>${t.scheduleInvalidBody}</p></section>`;
  return layout({
    site,
    title: t.schedulePageTitle(site.tenant.name),
    head: new SafeHtml('<meta name="robots" content="noindex">'),
    styles: FORM_STYLES,
    main,
    page: { path: PATH, server: true },
  });
}
