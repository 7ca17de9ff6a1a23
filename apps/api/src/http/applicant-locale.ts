import type { InferEntity, Tenant } from '@candor/db';
import { languageSettingsOf, negotiateLocale, offeredLocale, type TLocale } from '@candor/schemas';
import type { Context, MiddlewareHandler } from 'hono';
import { applicantScopeOf } from './applicant-tenant.js';

/**
 * The language of an applicant-facing page the server renders: `?lang=` from
 * the site's links and forms when the tenant offers it, else the browser's
 * Accept-Language among the tenant's languages, else its default. No cookie
 * remembers it.
 */
export function applicantLocale(
  c: Context,
  tenant: Pick<InferEntity<typeof Tenant>, 'languageSettings'>,
): TLocale {
  const { locales, defaultLocale } = languageSettingsOf(tenant.languageSettings);
  return (
    offeredLocale(c.req.query('lang'), locales) ??
    negotiateLocale(c.req.header('Accept-Language'), locales, defaultLocale)
  );
}

/** `?lang=<locale>` for a redirect back to a server page, on a site in several languages. */
export function langQueryOf(
  tenant: Pick<InferEntity<typeof Tenant>, 'languageSettings'>,
  locale: TLocale,
): string {
  return languageSettingsOf(tenant.languageSettings).locales.length > 1 ? `?lang=${locale}` : '';
}

/**
 * The entry page of a careers site in several languages, /careers/<slug>/:
 * sends the visitor on to their language's pages (302, so a later visit
 * with another browser language is asked again). One-language sites, and
 * unknown tenants, fall through to the static files.
 */
export const careersEntry: MiddlewareHandler = async (c, next) => {
  const scope = applicantScopeOf(c);
  if (!scope || languageSettingsOf(scope.tenant.languageSettings).locales.length < 2) return next();
  c.header('Vary', 'Accept-Language');
  c.header('Cache-Control', 'no-cache');
  return c.redirect(`/careers/${scope.tenant.slug}/${applicantLocale(c, scope.tenant)}/`, 302);
};
