import type { TCareersTenant } from '@candor/schemas';
import { html, SafeHtml } from '../html.js';
import type { Messages } from '../i18n/index.js';
import { STYLES } from '../styles.js';
import { readableOn } from '../theme.js';

export function layout(options: {
  tenant: TCareersTenant;
  t: Messages;
  title: string;
  main: SafeHtml;
  /** The meta description; the page title of the site when not given. */
  description?: string;
  /** Extra head elements (JSON-LD, robots meta), already safe. */
  head?: SafeHtml;
}): string {
  const { tenant, t } = options;
  // The brand colour is validated as #rrggbb before it gets here; the CSS is ours.
  const brandVars = `:root{--brand:${tenant.primaryColor};--on-brand:${readableOn(tenant.primaryColor)}}`;
  const base = `/careers/${tenant.slug}/`;
  return `<!doctype html>\n${html`<html lang="${t.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title}</title>
<meta name="description" content="${options.description ?? t.pageTitle(tenant.name)}">
${options.head}
<style>${new SafeHtml(STYLES + brandVars)}</style>
</head>
<body>
<a class="skip" href="#main">${t.skipToContent}</a>
<header class="site"><div class="wrap">
<span class="logo" aria-hidden="true">${tenant.name.slice(0, 1).toUpperCase()}</span>
<a class="name" href="${base}">${tenant.name}</a>
</div></header>
<main id="main" class="wrap">${options.main}</main>
<footer class="site"><div class="wrap">
<nav aria-label="Footer"><a href="${base}privacy/">${t.privacyNotice}</a></nav>
<p>${t.footerPrivacy} ${t.poweredBy}.</p>
</div></footer>
</body>
</html>`.value}\n`;
}
