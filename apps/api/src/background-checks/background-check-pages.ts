import type { CandidateCheckView } from './background-checks.service.js';
import { disclosureParagraphs } from './fcra-texts.js';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A plain page: works without JavaScript, nothing loaded from elsewhere. */
function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${esc(title)}</title>
<style>
body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328;background:#f6f8fa;margin:0}
main{max-width:680px;margin:3rem auto;background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:2rem}
h1{font-size:1.5rem;margin:0 0 .5rem}h2{font-size:1.2rem;margin:2rem 0 .5rem}.meta{color:#57606a;margin-top:0}
.document{border:1px solid #d0d7de;border-radius:6px;padding:0 1.25rem;background:#fff}
label{display:block;font-weight:600;margin:1.25rem 0 .35rem}
input[type=text],textarea{font:inherit;width:100%;box-sizing:border-box;padding:.5rem;border:1px solid #6e7781;border-radius:6px}
textarea{min-height:8rem}.check{margin-top:1rem;display:flex;gap:.5rem;align-items:flex-start}.check label{display:inline;font-weight:400;margin:0}
.hint{color:#57606a;font-size:.9rem;margin:0}
.error{color:#a40e26;font-weight:600;margin:.25rem 0}[aria-invalid=true]{border-color:#a40e26}
.summary{border:2px solid #a40e26;border-radius:6px;padding:.75rem 1rem;margin-bottom:1rem}
.summary h2{font-size:1.1rem;margin:0 0 .5rem}.summary a{color:#a40e26}
button{font:inherit;padding:.6rem 1.2rem;border-radius:6px;border:1px solid #1f2328;cursor:pointer;margin:1.5rem .5rem 0 0}
.primary{background:#116329;color:#fff;border-color:#116329}.secondary{background:#fff;color:#1f2328}
.notice{background:#ddf4ff;border:1px solid #54aeff;padding:.75rem;border-radius:6px}
</style></head><body><main>${body}</main></body></html>`;
}

export const CHECK_LINK_NOT_VALID =
  'This link does not work any more: the background check was completed, withdrawn or cancelled, or the link was never valid. If you think this is a mistake, reply to the email that brought you here.';

export function checkMessagePage(title: string, message: string): string {
  return layout(title, `<h1>${esc(title)}</h1><p role="status">${esc(message)}</p>`);
}

function errorSummary(errors: Record<string, string>): string {
  const entries = Object.entries(errors);
  if (!entries.length) return '';
  return `<div class="summary" role="alert" aria-labelledby="summary-title"><h2 id="summary-title">Please check ${entries.length === 1 ? 'one answer' : `${entries.length} answers`}</h2><ul>${entries
    .map(([key, message]) => `<li><a href="#${key}">${esc(message)}</a></li>`)
    .join('')}</ul></div>`;
}

const fieldError = (id: string, message: string | undefined) =>
  message ? `<p class="error" id="${id}-error">${esc(message)}</p>` : '';

type OpenView = Extract<CandidateCheckView, { kind: 'open' }>;

/**
 * The candidate's page. Before signing: the standalone disclosure (this page
 * holds it and the authorization only, nothing else) and the signature form.
 * After: where the check stands, withdrawal, and during the waiting period the dispute form.
 */
export function candidateCheckPage(
  view: OpenView,
  action: string,
  state: { values?: Record<string, string>; errors?: Record<string, string>; message?: string } = {},
): string {
  const values = state.values ?? {};
  const errors = state.errors ?? {};
  const message = state.message ? `<p class="notice" role="status">${esc(state.message)}</p>` : '';
  if (view.status === 'requested') {
    const nameError = errors.name;
    const agreeError = errors.agree;
    return layout(
      `Background check disclosure - ${view.companyName}`,
      `<h1>Disclosure regarding background investigation</h1>
<p class="meta">${esc(view.companyName)} · ${esc(view.jobTitle)}</p>
${message}${errorSummary(errors)}
<section class="document" aria-labelledby="disclosure-title"><h2 id="disclosure-title">Disclosure</h2>
${disclosureParagraphs(view.companyName)
  .map((p) => `<p>${esc(p)}</p>`)
  .join('\n')}
</section>
<h2 id="authorization-title">Authorization</h2>
<form method="post" action="${esc(action)}" novalidate aria-labelledby="authorization-title">
<input type="hidden" name="action" value="sign">
<p>I have read the disclosure above and I authorize ${esc(view.companyName)} to obtain a consumer report about me for employment purposes. I understand that I can withdraw this authorization at any time before the check is complete.</p>
<label for="name">Type your full name to sign</label>${fieldError('name', nameError)}
<input type="text" id="name" name="name" autocomplete="name" maxlength="200" value="${esc(values.name ?? '')}"${nameError ? ' aria-invalid="true" aria-describedby="name-error"' : ''}>
<div class="check">${fieldError('agree', agreeError)}<input type="checkbox" id="agree" name="agree" value="yes"${values.agree === 'yes' ? ' checked' : ''}${agreeError ? ' aria-invalid="true" aria-describedby="agree-error"' : ''}><label for="agree">I authorize the background check described in this disclosure</label></div>
<button class="primary">Sign the authorization</button>
</form>
<p class="hint">Not signing has no consequence beyond this check: simply close this page. Questions? Reply to the email that brought you here.</p>`,
    );
  }
  const status: Record<string, string> = {
    authorized: 'You signed the authorization. The check has not been ordered yet.',
    ordered: 'The check was ordered from the screening company. It usually takes a few business days.',
    report_received: `The report has arrived and is being reviewed by ${view.companyName}.`,
    pre_adverse: `${view.companyName} sent you a pre-adverse action notice with a copy of the report. No final decision is made before the end of ${view.waitUntil ?? 'the waiting period'}.`,
    disputed: `You disputed the report on ${view.disputedAt ?? ''}. Nothing will be decided until ${view.companyName} has looked into it and told you.`,
  };
  const disputeError = errors.dispute;
  const dispute = view.canDispute
    ? `<h2 id="dispute-title">Dispute the report</h2>
<form method="post" action="${esc(action)}" novalidate aria-labelledby="dispute-title">
<input type="hidden" name="action" value="dispute">
<label for="dispute">What in the report is wrong or incomplete, or what should ${esc(view.companyName)} know?</label>${fieldError('dispute', disputeError)}
<textarea id="dispute" name="dispute" maxlength="4000"${disputeError ? ' aria-invalid="true" aria-describedby="dispute-error"' : ''}>${esc(values.dispute ?? '')}</textarea>
<button class="primary">Send my dispute</button>
</form>
<p class="hint">You can also dispute the report directly with the screening company; the summary of your rights in the email explains how.</p>`
    : '';
  const withdraw = view.canWithdraw
    ? `<h2 id="withdraw-title">Withdraw your authorization</h2>
<form method="post" action="${esc(action)}" aria-labelledby="withdraw-title">
<input type="hidden" name="action" value="withdraw">
<p>The check stops at once and any report received is deleted. You receive a consent receipt by email.</p>
<button class="secondary">Withdraw my authorization</button>
</form>`
    : '';
  return layout(
    `Your background check - ${view.companyName}`,
    `<h1>Your background check</h1>
<p class="meta">${esc(view.companyName)} · ${esc(view.jobTitle)}${view.signedAt ? ` · authorization signed on ${esc(view.signedAt)}` : ''}</p>
${message}${errorSummary(errors)}
<p>${esc(status[view.status] ?? '')}</p>
${dispute}${withdraw}`,
  );
}
