import { contrastRatio, LOCALE_NAMES, PORTAL_SESSION, portalPath, readableOn } from '@candor/schemas';
import { html, SafeHtml } from '../html.js';
import { isMultilingual, type Site, serverHref } from '../site.js';
import { LOGO_STYLES, STYLES } from '../styles.js';

/**
 * Colours derived from the brand: text on it, and for links and focus rings
 * the brand itself where it is dark enough on the page, else near-black.
 */
function brandVars(brand: string): string {
  const onPage = (min: number) => (contrastRatio(brand, '#f7f8fa') >= min ? brand : '#1c2024');
  return `:root{--brand:${brand};--on-brand:${readableOn(brand)};--link:${onPage(4.5)};--focus:${onPage(3)}}`;
}

/**
 * On a site in several languages: the hreflang alternates of a static page
 * (x-default is its copy at the root, where the entry page picks the
 * visitor's language) with a canonical link from that copy, and the
 * switcher, plain links with no cookie. Nothing on a one-language site.
 */
function languageLinks(site: Site, page: { path: string; server?: boolean } | undefined) {
  if (!page || !isMultilingual(site.languages)) return { head: html``, nav: html`` };
  const { locales } = site.languages;
  const hrefOf = (locale: string) =>
    page.server ? `${site.root}${page.path}?lang=${locale}` : `${site.root}${locale}/${page.path}`;
  const head = page.server
    ? html``
    : html`${locales.map((locale) => html`<link rel="alternate" hreflang="${locale}" href="${site.rootUrl}${locale}/${page.path}">\n`)}<link rel="alternate" hreflang="x-default" href="${site.rootUrl}${page.path}">\n${site.base === site.root ? html`<link rel="canonical" href="${site.rootUrl}${site.locale}/${page.path}">\n` : html``}`;
  const nav = html`<nav class="languages" aria-label="${site.t.languageNav}"><ul>${locales.map((locale) =>
    locale === site.locale
      ? html`<li><a href="${hrefOf(locale)}" lang="${locale}" hreflang="${locale}" aria-current="page">${LOCALE_NAMES[locale]}</a></li>`
      : html`<li><a href="${hrefOf(locale)}" lang="${locale}" hreflang="${locale}">${LOCALE_NAMES[locale]}</a></li>`,
  )}</ul></nav>`;
  return { head, nav };
}

export function layout(options: {
  site: Site;
  title: string;
  main: SafeHtml;
  /** The meta description; the page title of the site when not given. */
  description?: string;
  /** Extra head elements (JSON-LD, robots meta), already safe. */
  head?: SafeHtml;
  /** CSS only some pages need (the form), added after the shared styles. */
  styles?: string;
  /** The privacy portal sets a session cookie once signed in: its footer says so; every other page sets none. */
  portal?: boolean;
  /**
   * Where the page is, for its other languages: a static page by its path
   * under the language's folder (`jobs/<id>/`), or a server page by its path
   * under the site root, which takes the language as `?lang=`.
   */
  page?: { path: string; server?: boolean };
}): string {
  const { site } = options;
  const { tenant, t, base } = site;
  // The brand colour is validated as #rrggbb before it gets here; the CSS is ours.
  const css =
    STYLES + (site.logoFile ? LOGO_STYLES : '') + (options.styles ?? '') + brandVars(tenant.primaryColor);
  const logo = site.logoFile
    ? html`<img class="logo-img" src="${site.root}${site.logoFile}" alt="${t.logoAlt(tenant.name)}" height="40">`
    : html`<span class="logo" aria-hidden="true">${tenant.name.slice(0, 1).toUpperCase()}</span>`;
  const languages = languageLinks(site, options.page);
  return `<!doctype html>\n${
    html`<html lang="${t.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title}</title>
<meta name="description" content="${options.description ?? t.pageTitle(tenant.name)}">
${languages.head}${options.head}
<style>${new SafeHtml(css)}</style>
</head>
<body>
<a class="skip" href="#main">${t.skipToContent}</a>
<header class="site"><div class="wrap">
${logo}
<a class="name" href="${base}">${tenant.name}</a>
${languages.nav}
</div></header>
<main id="main" class="wrap">${options.main}</main>
<footer class="site"><div class="wrap">
<nav aria-label="${t.footerNav}"><a href="${base}privacy/">${t.privacyNotice}</a><a href="${serverHref(site, 'privacy/portal/')}">${t.yourDataPortal}</a></nav>
<p>${options.portal ? t.footerPortalPrivacy(PORTAL_SESSION.cookie, PORTAL_SESSION.minutes, `${portalPath(tenant.slug)}/`) : t.footerPrivacy} ${t.poweredBy}.</p>
</div></footer>
</body>
</html>`.value
  }\n`;
}
