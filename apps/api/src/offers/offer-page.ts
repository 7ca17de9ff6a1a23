import { OFFER_STATUS_LABELS, type TPublicOffer } from '@candor/schemas';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The page behind the link in an offer email: the letter's terms and two
 * buttons. Plain HTML with a form, so it works without JavaScript.
 */
export function offerPage(offer: TPublicOffer | null, message: string | null, formAction: string): string {
  const body = !offer
    ? `<h1>Offer not found</h1><p>${esc(message ?? 'This offer link is not valid.')}</p>`
    : `<h1>Your offer from ${esc(offer.companyName)}</h1>
<p class="meta">${esc(offer.jobTitle)} · ${esc(offer.salary)} · starting ${esc(offer.startDate)}</p>
${message ? `<p class="notice" role="status">${esc(message)}</p>` : ''}
<div class="terms">${esc(offer.terms)
        .split(/\n{2,}/)
        .map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`)
        .join('\n')}</div>
${
  offer.status === 'sent'
    ? `<form method="post" action="${esc(formAction)}">
  <p>Please answer by ${esc(offer.expiresOn)}.</p>
  <button name="decision" value="accept" class="accept">Accept offer</button>
  <button name="decision" value="decline" class="decline">Decline</button>
</form>`
    : `<p class="status"><strong>Status:</strong> ${esc(OFFER_STATUS_LABELS[offer.status])}</p>`
}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${offer ? `Offer from ${esc(offer.companyName)}` : 'Offer'}</title>
<style>
body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328;background:#f6f8fa;margin:0}
main{max-width:640px;margin:3rem auto;background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:2rem}
h1{font-size:1.5rem;margin:0 0 .25rem}.meta{color:#57606a;margin-top:0}
.terms{border-top:1px solid #d0d7de;border-bottom:1px solid #d0d7de;margin:1.5rem 0;padding:.5rem 0}
button{font:inherit;padding:.6rem 1.2rem;border-radius:6px;border:1px solid #1f2328;cursor:pointer;margin-right:.5rem}
.accept{background:#116329;color:#fff;border-color:#116329}.decline{background:#fff;color:#1f2328}
.notice{background:#ddf4ff;border:1px solid #54aeff;padding:.75rem;border-radius:6px}
</style></head><body><main>${body}</main></body></html>`;
}
