/**
 * The privacy portal's one cookie: set only after the applicant signs in
 * with an emailed code, scoped to the portal's path, gone after 30 minutes
 * or at sign-out. The API sets it; the careers pages' footer names it, so
 * what the footer says is what the server does.
 */
export const PORTAL_SESSION = {
  cookie: 'candor_portal',
  minutes: 30,
} as const;

/** The portal's path at a tenant (no trailing slash): the cookie is scoped to it. */
export function portalPath(slug: string): string {
  return `/careers/${slug}/privacy/portal`;
}
