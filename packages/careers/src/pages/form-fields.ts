import { fieldId, html, type SafeHtml } from '../html.js';
import type { Messages } from '../i18n/index.js';

/**
 * The apply form's fields: each labelled, with its hint and the slot its
 * errors go in (filled by the apply island, or by nothing without JavaScript).
 */

export interface Field {
  name: string;
  label: string;
  required?: boolean;
  hint?: string;
}

export function labelText(t: Messages, field: Field): SafeHtml {
  return html`${field.label}${field.required ? html` <span class="req">${t.requiredMark}</span>` : html``}`;
}

/**
 * The element a field's errors go in. Empty until the script (or nothing,
 * without JavaScript) fills it; `data-*` tell the script which field it
 * belongs to, how to name it in the summary and where the summary links.
 */
export function errorSlot(name: string, label: string, target: string): SafeHtml {
  return html`<p class="field-error" id="${fieldId(name)}-error" data-error-for="${name}" data-label="${label}" data-target="${target}" aria-live="polite"></p>`;
}

export function describedBy(field: Field): string {
  const id = fieldId(field.name);
  return field.hint ? `${id}-hint ${id}-error` : `${id}-error`;
}

export function hint(field: Field): SafeHtml {
  return field.hint ? html`<p class="hint" id="${fieldId(field.name)}-hint">${field.hint}</p>` : html``;
}

/** A labelled text input or textarea with its hint and error. */
export function textField(
  t: Messages,
  field: Field & { type?: string; autocomplete?: string; maxlength: number; rows?: number },
): SafeHtml {
  const id = fieldId(field.name);
  const attrs = html`id="${id}" name="${field.name}" maxlength="${field.maxlength}"${field.autocomplete ? html` autocomplete="${field.autocomplete}"` : html``}${field.required ? html` required` : html``} aria-describedby="${describedBy(field)}"`;
  const control = field.rows
    ? html`<textarea ${attrs} rows="${field.rows}"></textarea>`
    : html`<input type="${field.type ?? 'text'}" ${attrs}>`;
  return html`<div class="field">
<label for="${id}">${labelText(t, field)}</label>
${hint(field)}${errorSlot(field.name, field.label, id)}
${control}
</div>`;
}

/** Radio buttons in a fieldset, its legend the question. */
export function radioGroup(
  t: Messages,
  field: Field,
  options: Array<{ value: string; label: string }>,
): SafeHtml {
  const id = fieldId(field.name);
  return html`<fieldset class="field choice" aria-describedby="${describedBy(field)}">
<legend>${labelText(t, field)}</legend>
${hint(field)}${errorSlot(field.name, field.label, `${id}-0`)}
${options.map(
  (option, i) =>
    html`<div class="check"><input type="radio" id="${id}-${i}" name="${field.name}" value="${option.value}"${field.required ? html` required` : html``}><label for="${id}-${i}">${option.label}</label></div>`,
)}
</fieldset>`;
}
