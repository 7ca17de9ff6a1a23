/**
 * The apply page's script: checks the form with the same schema the server
 * uses, shows errors in place, sends the form with upload progress, and
 * shows the outcome from the page's <template>s. Without it the form still
 * posts and the server answers with a full page.
 */
import {
  applyInputFromForm,
  applySchemaFor,
  formFieldErrors,
  type TApplyResult,
  type TFormValue,
  ZApplyConfig,
  ZApplyResult,
} from '@candor/schemas';
import { config as zodConfig } from 'zod';
import type { IslandData } from '../pages/apply-page.js';

// The page's CSP has no 'unsafe-eval': tell zod not to even try compiling validators.
zodConfig({ jitless: true });

type FieldErrors = Record<string, string[]>;

type ErrorBody = { error?: { message?: string; code?: string; fieldErrors?: FieldErrors } } | null;

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing`);
  return element as T;
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

function enhance(form: HTMLFormElement, data: IslandData): void {
  const { messages } = data;
  const schema = applySchemaFor(ZApplyConfig.parse(data.config));
  const summary = byId('error-summary');
  const summaryList = summary.querySelector('ul')!;
  const formMessage = byId('form-message');
  const submit = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
  const upload = byId('upload');
  const progress = byId<HTMLProgressElement>('upload-progress');
  const uploadText = byId('upload-text');
  const slots = [...form.querySelectorAll<HTMLElement>('[data-error-for]')];
  const gpc = (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
  let attempted = false;
  let sending = false;

  // Our checks replace the browser's, so every problem shows at once, in the summary and at its field.
  form.noValidate = true;

  // Global Privacy Control declines marketing purposes; the server is told too (gpc=1).
  if (gpc) {
    for (const box of form.querySelectorAll<HTMLInputElement>('input[data-marketing]')) {
      box.checked = false;
      box.disabled = true;
      document.getElementById(`${box.id}-gpc`)?.removeAttribute('hidden');
    }
  }

  function entries(): Array<[string, TFormValue]> {
    return [...new FormData(form)].map(([name, value]): [string, TFormValue] => [
      name,
      typeof value === 'string' ? value : { name: value.name, size: value.size },
    ]);
  }

  /** Every problem with the form, by field name. */
  function check(): FieldErrors {
    const result = schema.safeParse(applyInputFromForm(entries()));
    return result.success ? {} : formFieldErrors(result.error);
  }

  function controlsOf(name: string): HTMLElement[] {
    return [...form.querySelectorAll<HTMLElement>('input,select,textarea')].filter(
      (c) => c.getAttribute('name') === name && (name !== 'links' || (c as HTMLInputElement).value !== ''),
    );
  }

  /** Puts each field's messages next to it and lists them all in the summary, in the order of the form. */
  function showErrors(errors: FieldErrors, focusSummary: boolean): void {
    const items: HTMLLIElement[] = [];
    const shown = new Set<string>();
    for (const slot of slots) {
      const name = slot.dataset.errorFor!;
      // One message per field, the first: the next shows once it is fixed.
      const first = errors[name]?.[0] ?? '';
      // The shared schema speaks English; the page carries its words for them.
      const text = messages.errors?.[first] ?? first;
      if (slot.textContent !== text) slot.textContent = text;
      for (const control of controlsOf(name)) {
        if (text) control.setAttribute('aria-invalid', 'true');
        else control.removeAttribute('aria-invalid');
      }
      if (!text) continue;
      shown.add(name);
      const label = slot.dataset.label ? `${slot.dataset.label}: ` : '';
      const target = document.getElementById(slot.dataset.target ?? '');
      const item = document.createElement('li');
      if (target && target !== summary) {
        const link = document.createElement('a');
        link.href = `#${target.id}`;
        link.textContent = `${label}${text}`;
        link.addEventListener('click', (event) => {
          event.preventDefault();
          target.focus();
          target.closest('.field,.check')?.scrollIntoView({ block: 'center' });
        });
        item.append(link);
      } else {
        item.textContent = `${label}${text}`;
      }
      items.push(item);
    }
    for (const [name, list] of Object.entries(errors)) {
      if (shown.has(name)) continue;
      const item = document.createElement('li');
      item.textContent = list[0] ?? '';
      items.push(item);
    }
    summaryList.replaceChildren(...items);
    summary.hidden = items.length === 0;
    if (focusSummary && items.length > 0) summary.focus();
  }

  function say(text: string): void {
    formMessage.textContent = text;
  }

  function setSending(on: boolean): void {
    sending = on;
    submit.disabled = on;
    upload.hidden = !on;
    form.setAttribute('aria-busy', String(on));
    if (on) showProgress(0);
  }

  let announced = -1;
  function showProgress(percent: number): void {
    progress.value = percent;
    // Announce in steps of ten, not at every event.
    const step = Math.floor(percent / 10) * 10;
    if (step !== announced) {
      announced = step;
      uploadText.textContent = fill(messages.uploadProgress, { percent: step });
    }
  }

  /** Replaces the form with one of the page's outcome templates. */
  function showOutcome(kind: 'received' | 'closed', complete?: (view: DocumentFragment) => void): void {
    const template = byId<HTMLTemplateElement>(`outcome-${kind}`);
    const view = template.content.cloneNode(true) as DocumentFragment;
    complete?.(view);
    byId('apply-root').replaceChildren(view);
    if (template.dataset.title) document.title = template.dataset.title;
    byId('outcome-title').focus();
  }

  function showReceived(result: TApplyResult): void {
    showOutcome('received', (view) => {
      const slot = <T extends HTMLElement = HTMLElement>(name: string) =>
        view.querySelector<T>(`[data-slot="${name}"]`)!;
      slot('email').textContent = result.email;
      const list = slot('purposes');
      const kinds = new Map(
        [...list.querySelectorAll<HTMLElement>('li')].map((li) => [li.dataset.choice, li]),
      );
      list.replaceChildren(
        ...result.choices.map((purpose) => {
          const item = kinds.get(purpose.choice)!.cloneNode(true) as HTMLElement;
          item.querySelector('[data-slot="label"]')!.textContent = purpose.label;
          return item;
        }),
      );
      slot('gpc').hidden = !result.gpc;
      // The template links the privacy page; the answer names the exact version the applicant saw.
      const notice = slot('notice');
      notice.setAttribute('href', `${notice.getAttribute('href')}versions/${result.noticeVersion}/`);
    });
  }

  function handle(status: number, body: unknown): void {
    const error = (body as ErrorBody)?.error;
    const received = status === 201 ? ZApplyResult.safeParse(body) : null;
    if (received?.success) showReceived(received.data);
    else if (status === 410 || error?.code === 'JOB_CLOSED') showOutcome('closed');
    else if (error?.fieldErrors && Object.keys(error.fieldErrors).length > 0)
      showErrors(error.fieldErrors, true);
    else if (error?.message && (status < 500 || status === 503)) say(error.message);
    else say(messages.serverFailed);
  }

  function send(): void {
    const body = new FormData(form);
    if (gpc) body.append('gpc', '1');
    const request = new XMLHttpRequest();
    request.open('POST', form.action);
    request.setRequestHeader('Accept', 'application/json');
    request.responseType = 'json';
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) showProgress(Math.round((event.loaded / event.total) * 100));
    });
    request.addEventListener('load', () => {
      setSending(false);
      handle(request.status, request.response);
    });
    for (const failure of ['error', 'timeout', 'abort'] as const) {
      request.addEventListener(failure, () => {
        setSending(false);
        say(messages.sendFailed);
      });
    }
    setSending(true);
    request.send(body);
  }

  // Once the applicant has tried to send, each change re-checks, so a fixed problem disappears at once.
  form.addEventListener('change', () => {
    if (attempted && !sending) showErrors(check(), false);
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (sending) return;
    attempted = true;
    say('');
    const errors = check();
    showErrors(errors, true);
    if (Object.keys(errors).length === 0) send();
  });
}

const form = document.getElementById('apply-form');
const data = document.getElementById('apply-config');
if (form instanceof HTMLFormElement && data)
  enhance(form, JSON.parse(data.textContent ?? '{}') as IslandData);
