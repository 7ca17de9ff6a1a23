import {
  DEFAULT_LANGUAGE_SETTINGS,
  type TCareersTenant,
  type TLanguageSettings,
  type TLocale,
} from '@candor/schemas';
import type { Messages } from './i18n/index.js';

/** What every page of one tenant's site needs to know. */
export interface Site {
  tenant: TCareersTenant;
  t: Messages;
  /** The language the page is in. */
  locale: TLocale;
  /** The tenant's languages: more than one puts each under `<locale>/` with a switcher and hreflang links. */
  languages: TLanguageSettings;
  /** The tenant's folder, `/careers/<slug>/`: shared files (logo, scripts, keys) and the server's pages. */
  root: string;
  /** Where this language's pages are: `root`, or `root<locale>/` on a site in several languages. */
  base: string;
  /** The absolute address of `base` (sitemap, JSON-LD, receipts). */
  siteUrl: string;
  /** The absolute address of `root`. */
  rootUrl: string;
  /** `?lang=<locale>` on links to the server's pages (portal, survey, apply) on a site in several languages. */
  langQuery: string;
  /** The logo's file name at the site root, or null for the initial-letter badge. */
  logoFile: string | null;
}

/** A logo file name at the site root, like `logo.png`: nothing that could leave the folder or break out of an attribute. */
export const LOGO_FILE = /^[A-Za-z0-9][A-Za-z0-9_-]*\.(png|jpe?g|webp|svg|gif)$/;

export function isMultilingual(languages: TLanguageSettings): boolean {
  return languages.locales.length > 1;
}

export function siteOf(
  tenant: TCareersTenant,
  t: Messages,
  options: {
    baseUrl?: string;
    logoFile?: string | null;
    languages?: TLanguageSettings;
    /** The default language's copy at the root (old links keep working; the entry page negotiates). */
    atRoot?: boolean;
  } = {},
): Site {
  const root = `/careers/${tenant.slug}/`;
  const logoFile = options.logoFile ?? null;
  if (logoFile !== null && !LOGO_FILE.test(logoFile)) throw new Error(`Not a logo file name: ${logoFile}`);
  const languages = options.languages ?? DEFAULT_LANGUAGE_SETTINGS;
  const locale = t.lang as TLocale;
  const multilingual = isMultilingual(languages);
  const base = multilingual && !options.atRoot ? `${root}${locale}/` : root;
  const origin = (options.baseUrl ?? 'http://localhost').replace(/\/+$/, '');
  return {
    tenant,
    t,
    locale,
    languages,
    root,
    base,
    siteUrl: `${origin}${base}`,
    rootUrl: `${origin}${root}`,
    langQuery: multilingual ? `?lang=${locale}` : '',
    logoFile,
  };
}

/** A link to one of the server's pages (`privacy/portal/`, `diversity/` ...) in the page's language. */
export function serverHref(site: Site, path: string): string {
  return `${site.root}${path}${site.langQuery}`;
}
