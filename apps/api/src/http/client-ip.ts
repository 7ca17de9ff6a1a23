import { isIP } from 'node:net';
import { clientOf } from './network.js';

/**
 * The client's address as the per-IP limits see it.
 *
 * Every proxy appends the address it received the request from to
 * X-Forwarded-For; whatever the client wrote itself stays on the left. So
 * only the entries our own proxies appended can be believed: behind
 * `trustedHops` proxies the client is the entry `trustedHops` from the
 * right (the one the outermost trusted proxy appended). Without trusted
 * proxies the header is ignored and the socket's peer is the client. An
 * IPv6 client is its /64 (see clientOf), as one host usually holds a /64.
 */
export function clientIpOf(
  forwardedFor: string | undefined,
  socketAddress: string | undefined,
  trustedHops: number,
): string {
  return clientOf(believedAddressOf(forwardedFor, socketAddress, trustedHops));
}

function believedAddressOf(
  forwardedFor: string | undefined,
  socketAddress: string | undefined,
  trustedHops: number,
): string {
  const fallback = socketAddress || 'unknown';
  if (trustedHops <= 0 || !forwardedFor) return fallback;
  const entries = forwardedFor.split(',').map((entry) => entry.trim());
  // Fewer entries than hops: the request skipped a proxy, and the leftmost entry is still one a trusted proxy wrote.
  const appendedByOutermost = entries[Math.max(0, entries.length - trustedHops)] ?? '';
  return isIP(appendedByOutermost) ? appendedByOutermost : fallback;
}

/** The peer address of the socket, when the app runs under @hono/node-server (absent in `app.request` tests). */
export function socketAddressOf(env: unknown): string | undefined {
  return (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket
    ?.remoteAddress;
}
