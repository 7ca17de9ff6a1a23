import { type CareersSiteInput, writeTenantSite } from '@candor/careers';

/** Where published careers sites go: a folder the API serves, or a bucket the API (or a CDN) serves. */
export interface CareersSiteStore {
  /** Publishes one tenant's whole site; files no longer part of it go. */
  write(input: CareersSiteInput): Promise<void>;
}

/** Today's folder, `<dir>/<slug>/`, swapped in whole by a symbolic link (see `writeTenantSite`). */
export function diskCareersSite(dir: string): CareersSiteStore {
  return {
    async write(input) {
      await writeTenantSite(dir, input);
    },
  };
}

/**
 * How long a browser or CDN may keep a file of a careers site. A file whose
 * name carries a content hash (`apply-3f9a1c2e.js`) never changes: a year.
 * Everything else (pages, `assets/apply.js`, the logo, `jwks.json`) changes
 * in place when the tenant republishes: a minute, then revalidated, so a
 * closed job or a new privacy notice shows within a minute through a CDN.
 */
export function careersCacheControl(path: string): string {
  if (/(^|\/)assets\/[^/]+-[A-Za-z0-9_-]{8,}\.(js|mjs|css)$/.test(path))
    return 'public, max-age=31536000, immutable';
  return 'public, max-age=60, must-revalidate';
}
