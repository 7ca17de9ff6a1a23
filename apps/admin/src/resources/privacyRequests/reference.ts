/**
 * "1A2B3C4D": the reference the requester's emails quote. Its own module: the
 * resource's record label uses it on every page, and labels.ts's tables would
 * come along (issue 16's first-load budget).
 */
export function requestReference(id: string): string {
  return id.slice(0, 8).toUpperCase();
}
