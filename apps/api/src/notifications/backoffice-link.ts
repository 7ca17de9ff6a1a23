/**
 * Where emails point staff into the backoffice. Set once at start from the
 * public URL (server.ts), as the audit pseudonym key is: notifications are
 * raised deep inside services (an application, an offer's answer) that have
 * no reason to carry the server's address.
 */
let base = 'http://localhost:3000';

export function setBackofficeBase(publicUrl: string): void {
  base = publicUrl.replace(/\/$/, '');
}

/** The backoffice page at `path` (a route such as /applications/<id>/show), as a link for an email. */
export function backofficeUrl(path: string): string {
  return `${base}/admin/#${path}`;
}
