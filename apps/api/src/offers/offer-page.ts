import { messagesFor } from '@candor/careers';
import { LOCALE_NAMES, type TLocale, type TPublicOffer } from '@candor/schemas';
import { dayIn } from '../mail/candidate-language.js';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** On an offer in several languages, plain links to the page in each (`?lang=`, no cookie). */
function languageSwitcher(offer: TPublicOffer): string {
  if (offer.locales.length < 2) return '';
  const t = messagesFor(offer.locale);
  const links = offer.locales.map(
    (locale) =>
      `<li><a href="?lang=${locale}" lang="${locale}" hreflang="${locale}"${locale === offer.locale ? ' aria-current="page"' : ''}>${LOCALE_NAMES[locale]}</a></li>`,
  );
  return `<nav class="languages" aria-label="${esc(t.languageNav)}"><ul>${links.join('')}</ul></nav>\n`;
}

/**
 * The page behind the link in an offer email: the letter's terms and two
 * buttons, in the offer's language (`offer.locale`; without an offer, the
 * one the request asked for). Plain HTML with a form, so it works without
 * JavaScript.
 */
export function offerPage(
  offer: TPublicOffer | null,
  message: string | null,
  formAction: string,
  pageLocale: TLocale = 'en',
): string {
  const locale = offer?.locale ?? pageLocale;
  const t = messagesFor(locale);
  const body = !offer
    ? `<h1>${esc(t.offerNotFoundTitle)}</h1><p>${esc(message ?? t.offerErrors.notFound)}</p>`
    : `${languageSwitcher(offer)}<h1>${esc(t.offerTitle(offer.companyName))}</h1>
<p class="meta">${esc(t.offerMeta(offer.jobTitle, offer.salary, dayIn(offer.startDate, locale)))}</p>
${message ? `<p class="notice" role="status">${esc(message)}</p>` : ''}
<div class="terms">${esc(offer.terms)
        .split(/\n{2,}/)
        .map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`)
        .join('\n')}</div>
${
  offer.status === 'sent'
    ? `<form method="post" action="${esc(formAction)}">
  <p>${esc(t.offerAnswerBy(dayIn(offer.expiresOn, locale)))}</p>
  <button name="decision" value="accept" class="accept">${esc(t.offerAccept)}</button>
  <button name="decision" value="decline" class="decline">${esc(t.offerDecline)}</button>
</form>`
    : `<p class="status"><strong>${esc(t.offerStatusLabel)}</strong> ${esc(t.offerStatuses[offer.status])}</p>`
}`;
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${esc(offer ? t.offerPageTitle(offer.companyName) : t.offerPageTitleUnknown)}</title>
<style>
body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328;background:#f6f8fa;margin:0}
main{max-width:640px;margin:3rem auto;background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:2rem}
h1{font-size:1.5rem;margin:0 0 .25rem}.meta{color:#57606a;margin-top:0}
.terms{border-top:1px solid #d0d7de;border-bottom:1px solid #d0d7de;margin:1.5rem 0;padding:.5rem 0}
button{font:inherit;padding:.6rem 1.2rem;border-radius:6px;border:1px solid #1f2328;cursor:pointer;margin-right:.5rem}
.accept{background:#116329;color:#fff;border-color:#116329}.decline{background:#fff;color:#1f2328}
.notice{background:#ddf4ff;border:1px solid #54aeff;padding:.75rem;border-radius:6px}
.languages ul{list-style:none;margin:0 0 1rem;padding:0;display:flex;gap:1rem;font-size:.9rem}
.languages a[aria-current]{font-weight:600;color:#1f2328;text-decoration:none}
</style></head><body><main>${body}</main></body></html>`;
}
