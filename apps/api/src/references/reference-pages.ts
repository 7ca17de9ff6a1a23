import type { TReferenceQuestion } from '@candor/schemas';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A plain page: works without JavaScript, nothing loaded from elsewhere. */
function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${esc(title)}</title>
<style>
body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328;background:#f6f8fa;margin:0}
main{max-width:640px;margin:3rem auto;background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:2rem}
h1{font-size:1.5rem;margin:0 0 .5rem}.meta{color:#57606a;margin-top:0}
label,legend{display:block;font-weight:600;margin:1.25rem 0 .35rem}
input[type=text],input[type=email],textarea{font:inherit;width:100%;box-sizing:border-box;padding:.5rem;border:1px solid #6e7781;border-radius:6px}
textarea{min-height:6rem}fieldset{border:1px solid #d0d7de;border-radius:6px;margin:1rem 0;padding:0 1rem 1rem}
.choice label,.check label{display:inline;font-weight:400;margin:0 1rem 0 .35rem}.check{margin-top:1rem}
.hint{color:#57606a;font-size:.9rem;margin:0}
.error{color:#a40e26;font-weight:600;margin:.25rem 0}[aria-invalid=true]{border-color:#a40e26}
.summary{border:2px solid #a40e26;border-radius:6px;padding:.75rem 1rem;margin-bottom:1rem}
.summary h2{font-size:1.1rem;margin:0 0 .5rem}.summary a{color:#a40e26}
button{font:inherit;padding:.6rem 1.2rem;border-radius:6px;border:1px solid #1f2328;cursor:pointer;margin:1.5rem .5rem 0 0}
.primary{background:#116329;color:#fff;border-color:#116329}.secondary{background:#fff;color:#1f2328}
.notice{background:#ddf4ff;border:1px solid #54aeff;padding:.75rem;border-radius:6px}
</style></head><body><main>${body}</main></body></html>`;
}

function errorSummary(errors: Record<string, string>, fieldIdOf: (key: string) => string): string {
  const entries = Object.entries(errors);
  if (!entries.length) return '';
  return `<div class="summary" role="alert" aria-labelledby="summary-title"><h2 id="summary-title">Please check ${entries.length === 1 ? 'one answer' : `${entries.length} answers`}</h2><ul>${entries
    .map(([key, message]) => `<li><a href="#${fieldIdOf(key)}">${esc(message)}</a></li>`)
    .join('')}</ul></div>`;
}

const fieldError = (id: string, message: string | undefined) =>
  message ? `<p class="error" id="${id}-error">${esc(message)}</p>` : '';
const invalidAttrs = (id: string, message: string | undefined) =>
  message ? ` aria-invalid="true" aria-describedby="${id}-error"` : '';

/** A page with a message only: the link does not work, or the thing is done. */
export function messagePage(title: string, message: string): string {
  return layout(title, `<h1>${esc(title)}</h1><p>${esc(message)}</p>`);
}

export const LINK_NOT_VALID =
  'This link does not work any more: it was already used, it has expired, or it was never valid. If you think this is a mistake, reply to the email that brought you here.';

export interface RefereeFormView {
  action: string;
  companyName: string;
  candidateName: string;
  jobTitle: string;
  questions: readonly TReferenceQuestion[];
  expiresOn: string;
  values?: Record<string, string>;
  errors?: Record<string, string>;
}

/** The referee's form: the tenant's questions, a send button and a decline button. */
export function refereeFormPage(view: RefereeFormView): string {
  const values = view.values ?? {};
  const errors = view.errors ?? {};
  const fieldId = (questionId: string) => `q-${questionId}`;
  const fields = view.questions.map((q) => {
    const id = fieldId(q.id);
    const error = errors[q.id];
    const required = q.required
      ? ' <span class="hint">(required)</span>'
      : ' <span class="hint">(optional)</span>';
    if (q.kind === 'yesno') {
      const option = (value: 'yes' | 'no', label: string, optionId: string) =>
        `<input type="radio" id="${optionId}" name="${q.id}" value="${value}"${values[q.id] === value ? ' checked' : ''}${q.required ? ' required' : ''}><label for="${optionId}">${label}</label>`;
      return `<fieldset${error ? ` aria-describedby="${id}-error"` : ''}><legend id="${id}-legend">${esc(q.label)}${required}</legend>${fieldError(id, error)}<div class="choice">${option('yes', 'Yes', id)}${option('no', 'No', `${id}-no`)}</div></fieldset>`;
    }
    return `<label for="${id}">${esc(q.label)}${required}</label>${fieldError(id, error)}<textarea id="${id}" name="${q.id}" maxlength="4000"${q.required ? ' required' : ''}${invalidAttrs(id, error)}>${esc(values[q.id] ?? '')}</textarea>`;
  });
  return layout(
    `Reference for ${view.candidateName} - ${view.companyName}`,
    `<h1>A reference for ${esc(view.candidateName)}</h1>
<p class="meta">${esc(view.candidateName)} applied for ${esc(view.jobTitle)} at ${esc(view.companyName)} and named you as a referee.</p>
<p>What you write is read by the hiring team. It is also part of ${esc(view.candidateName)}’s data: if they ask ${esc(view.companyName)} for a copy of their data, they receive it. Your name, email address and answers are kept with the application and deleted with it; you can ask ${esc(view.companyName)} for a copy of what it holds about you, or to delete it. This link works until ${esc(view.expiresOn)}, once.</p>
${errorSummary(errors, fieldId)}
<form method="post" action="${esc(view.action)}" novalidate>
${fields.join('\n')}
<button class="primary" name="action" value="answer">Send reference</button>
<button class="secondary" name="action" value="decline" formnovalidate>Decline to give a reference</button>
</form>`,
  );
}

export interface NominationFormView {
  action: string;
  companyName: string;
  jobTitle: string;
  count: number;
  expiresOn: string;
  values?: Record<string, string>;
  errors?: Record<string, string>;
}

/** The candidate's page to name referees: `count` blocks of name, email, relationship and an agreement tick. */
export function nominationFormPage(view: NominationFormView): string {
  const values = view.values ?? {};
  const errors = view.errors ?? {};
  const blocks = Array.from({ length: view.count }, (_, i) => {
    const n = i + 1;
    const text = (
      field: 'name' | 'email' | 'relationship',
      label: string,
      type: 'text' | 'email',
      hint = '',
    ) => {
      const key = `referee${n}_${field}`;
      const hintId = hint ? `${key}-hint` : '';
      const error = errors[key];
      const described = [hintId, error ? `${key}-error` : ''].filter(Boolean).join(' ');
      return `<label for="${key}">${label}</label>${hint ? `<p class="hint" id="${hintId}">${esc(hint)}</p>` : ''}${fieldError(key, error)}<input type="${type}" id="${key}" name="${key}" value="${esc(values[key] ?? '')}" maxlength="${field === 'email' ? 254 : 200}"${type === 'email' ? ' autocomplete="off"' : ''}${error ? ' aria-invalid="true"' : ''}${described ? ` aria-describedby="${described}"` : ''}>`;
    };
    const consentKey = `referee${n}_consented`;
    const consentError = errors[consentKey];
    return `<fieldset><legend>Referee ${n}${n > 1 ? ' <span class="hint">(optional)</span>' : ''}</legend>
${text('name', 'Full name', 'text')}
${text('email', 'Email address', 'email')}
${text('relationship', 'How you know them', 'text', 'For example: my manager at Acme, 2019 to 2023')}
<div class="check">${fieldError(consentKey, consentError)}<input type="checkbox" id="${consentKey}" name="${consentKey}" value="yes"${values[consentKey] === 'yes' ? ' checked' : ''}${consentError ? ` aria-invalid="true" aria-describedby="${consentKey}-error"` : ''}><label for="${consentKey}">This person agreed to be contacted by ${esc(view.companyName)} for a reference</label></div>
</fieldset>`;
  });
  return layout(
    `Name your referees - ${view.companyName}`,
    `<h1>Name your referees</h1>
<p class="meta">Your application for ${esc(view.jobTitle)} at ${esc(view.companyName)}</p>
<p>Please name ${view.count === 1 ? 'one person' : `up to ${view.count} people`} who know your work. Name only people who agreed to be contacted: each receives an email with a short form. This link works until ${esc(view.expiresOn)}, once.</p>
${errorSummary(errors, (key) => key)}
<form method="post" action="${esc(view.action)}" novalidate>
${blocks.join('\n')}
<button class="primary">Send to my referees</button>
</form>`,
  );
}
