import type { TakeView } from './assessment-take.service.js';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A plain page in the careers site's look: works without JavaScript, nothing loaded from elsewhere. */
function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${esc(title)}</title>
<style>
body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328;background:#f6f8fa;margin:0}
main{max-width:720px;margin:3rem auto;background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:2rem}
h1{font-size:1.5rem;margin:0 0 .5rem}h2{font-size:1.15rem;margin:1.75rem 0 .35rem}.meta{color:#57606a;margin-top:0}
label{display:block;font-weight:600;margin:1.25rem 0 .35rem}
textarea{font:inherit;width:100%;box-sizing:border-box;padding:.5rem;border:1px solid #6e7781;border-radius:6px;min-height:9rem}
input[type=file]{font:inherit}
.prompt{white-space:pre-wrap;margin:.25rem 0}.instructions{white-space:pre-wrap}
.hint{color:#57606a;font-size:.9rem;margin:0}
.error{color:#a40e26;font-weight:600;margin:.25rem 0}[aria-invalid=true]{border-color:#a40e26}
.summary{border:2px solid #a40e26;border-radius:6px;padding:.75rem 1rem;margin-bottom:1rem}
.summary h2{font-size:1.1rem;margin:0 0 .5rem}.summary a{color:#a40e26}
button{font:inherit;padding:.6rem 1.2rem;border-radius:6px;border:1px solid #1f2328;cursor:pointer;margin:1.5rem .5rem 0 0}
.primary{background:#116329;color:#fff;border-color:#116329}.secondary{background:#fff;color:#1f2328}
.notice{background:#ddf4ff;border:1px solid #54aeff;padding:.75rem;border-radius:6px}
.saved{background:#dafbe1;border:1px solid #4ac26b;padding:.75rem;border-radius:6px}
</style></head><body><main>${body}</main></body></html>`;
}

export const LINK_NOT_VALID =
  'This link does not work: it was withdrawn, the application is closed, or it was never valid. If you think this is a mistake, reply to the email that brought you here.';

export function messagePage(title: string, message: string): string {
  return layout(title, `<h1>${esc(title)}</h1><p>${esc(message)}</p>`);
}

/** "14:05 UTC on 2026-12-07": the deadline as a person reads it, without JavaScript. */
const when = (date: Date) => `${date.toISOString().slice(11, 16)} UTC on ${date.toISOString().slice(0, 10)}`;

type OpenView = Exclude<TakeView, { kind: 'invalid' }>;

const header = (view: OpenView) =>
  `<h1>${esc(view.title)}</h1>
<p class="meta">Your application for ${esc(view.jobTitle)} at ${esc(view.companyName)}</p>`;

/** Before Start: the instructions, the time limit and a Start button (opening the link starts nothing). */
export function introPage(view: OpenView, action: string): string {
  const limit = view.timeLimitMinutes
    ? `You have ${view.timeLimitMinutes} minutes from the moment you press Start. You can save your answers and come back to this link; when the time is up, the answers you saved are sent.`
    : 'There is no time limit. You can save your answers and come back to this link until you submit.';
  return layout(
    `${view.title} - ${view.companyName}`,
    `${header(view)}
${view.instructions ? `<h2>Instructions</h2><div class="instructions">${esc(view.instructions)}</div>` : ''}
<h2>Before you start</h2>
<p class="notice">${esc(limit)}</p>
<p>${view.questions.length === 1 ? 'There is one question.' : `There are ${view.questions.length} questions.`}${view.allowAttachments ? ' You can add a file (PDF, Word or OpenDocument, up to 10 MB).' : ''} Your answers are read by the hiring team at ${esc(view.companyName)} and kept with your application.</p>
<form method="post" action="${esc(action)}">
<button class="primary">Start</button>
</form>`,
  );
}

/** The questions, with Save progress and Submit. */
export function questionsPage(
  view: OpenView,
  options: { action: string; savedAt?: Date; errors?: Record<string, string>; fileError?: string },
): string {
  const errors = options.errors ?? {};
  const fieldId = (id: string) => `answer-${id}`;
  const all = { ...errors, ...(options.fileError ? { file: options.fileError } : {}) };
  const summary = Object.keys(all).length
    ? `<div class="summary" role="alert" aria-labelledby="summary-title"><h2 id="summary-title">Please check ${Object.keys(all).length === 1 ? 'one answer' : `${Object.keys(all).length} answers`}</h2><ul>${Object.entries(
        all,
      )
        .map(
          ([key, message]) =>
            `<li><a href="#${key === 'file' ? 'attachment' : fieldId(key)}">${esc(message)}</a></li>`,
        )
        .join('')}</ul></div>`
    : '';
  const deadline = view.deadlineAt
    ? `<p class="notice" id="deadline">Submit by <strong>${esc(when(view.deadlineAt))}</strong>. After that your saved answers are sent as they are.</p>`
    : '<p class="notice" id="deadline">There is no time limit: save your progress and come back whenever you like.</p>';
  const saved = options.savedAt
    ? `<p class="saved" role="status">Your answers were saved at ${esc(options.savedAt.toISOString().slice(11, 16))} UTC.</p>`
    : '';
  const questions = view.questions.map((q, i) => {
    const id = fieldId(q.id);
    const error = errors[q.id];
    return `<h2 id="${id}-heading">Question ${i + 1}</h2>
<p class="prompt" id="${id}-prompt">${esc(q.prompt)}</p>
<label for="${id}">Your answer to question ${i + 1}</label>${error ? `<p class="error" id="${id}-error">${esc(error)}</p>` : ''}
<textarea id="${id}" name="${esc(q.id)}" maxlength="20000" aria-describedby="${id}-prompt${error ? ` ${id}-error` : ''}"${error ? ' aria-invalid="true"' : ''}>${esc(q.answer)}</textarea>`;
  });
  const attachment = view.allowAttachments
    ? `<h2>A file</h2>
${view.attachments.length ? `<p>Added: ${view.attachments.map(esc).join(', ')}</p>` : ''}
<label for="attachment">Add a file <span class="hint">(optional; PDF, Word or OpenDocument, up to 10 MB)</span></label>${options.fileError ? `<p class="error" id="attachment-error">${esc(options.fileError)}</p>` : ''}
<input type="file" id="attachment" name="attachment" accept=".pdf,.docx,.odt,application/pdf"${options.fileError ? ' aria-invalid="true" aria-describedby="attachment-error"' : ''}>`
    : '';
  return layout(
    `${view.title} - ${view.companyName}`,
    `${header(view)}
${summary}${saved}${deadline}
${view.instructions ? `<details><summary>Instructions</summary><div class="instructions">${esc(view.instructions)}</div></details>` : ''}
<form method="post" action="${esc(options.action)}"${view.allowAttachments ? ' enctype="multipart/form-data"' : ''} novalidate>
${questions.join('\n')}
${attachment}
<button class="secondary" name="action" value="save">Save progress</button>
<button class="primary" name="action" value="submit">Submit</button>
</form>`,
  );
}

/** Submitted (by the candidate, or by the clock). */
export function donePage(view: OpenView, late = false): string {
  const text = view.submittedByDeadline
    ? `The time limit ran out${late ? ' before your last changes arrived' : ''}: the answers you had saved were sent to ${view.companyName}.`
    : `Your answers were sent to ${view.companyName}. Thank you for your time.`;
  return layout(
    `${view.title} - ${view.companyName}`,
    `${header(view)}
<p class="notice" role="status">${esc(text)}</p>
<p>The hiring team will be in touch. You can ask ${esc(view.companyName)} for a copy of your answers at any time.</p>`,
  );
}
