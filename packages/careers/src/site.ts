import type { TCareersTenant } from '@candor/schemas';
import type { Messages } from './i18n/index.js';

/** What every page of one tenant's site needs to know. */
export interface Site {
  tenant: TCareersTenant;
  t: Messages;
  /** The path the site is served under, `/careers/<slug>/`: every link starts with it. */
  base: string;
  /** The absolute address of the site (sitemap, JSON-LD, receipts). */
  siteUrl: string;
  /** The logo's file name at the site root, or null for the initial-letter badge. */
  logoFile: string | null;
}

/** A logo file name at the site root, like `logo.png`: nothing that could leave the folder or break out of an attribute. */
export const LOGO_FILE = /^[A-Za-z0-9][A-Za-z0-9_-]*\.(png|jpe?g|webp|svg|gif)$/;

export function siteOf(
  tenant: TCareersTenant,
  t: Messages,
  options: { baseUrl?: string; logoFile?: string | null } = {},
): Site {
  const base = `/careers/${tenant.slug}/`;
  const logoFile = options.logoFile ?? null;
  if (logoFile !== null && !LOGO_FILE.test(logoFile)) throw new Error(`Not a logo file name: ${logoFile}`);
  return {
    tenant,
    t,
    base,
    siteUrl: `${(options.baseUrl ?? 'http://localhost').replace(/\/+$/, '')}${base}`,
    logoFile,
  };
}
