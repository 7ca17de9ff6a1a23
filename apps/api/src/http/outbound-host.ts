import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Addresses a server Candor calls on someone's behalf (a CalDAV calendar a
 * member connects) must not be on: loopback, private and link-local networks,
 * carrier-grade NAT, multicast and the unspecified address. Otherwise anyone
 * with an account could make Candor reach the database, a cloud metadata
 * endpoint (169.254.169.254) or another internal service and learn from its
 * answers. An operator whose calendar server is on the company network turns
 * this off with OUTBOUND_ALLOW_PRIVATE_HOSTS=true.
 */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv6');
}

/** Whether `address` (an IP) is one Candor must not call. IPv4 written inside IPv6 (::ffff:10.0.0.1) counts as IPv4. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return PRIVATE.check(mapped, 'ipv4');
  const family = isIP(address);
  if (family === 4) return PRIVATE.check(address, 'ipv4');
  if (family === 6) return PRIVATE.check(address, 'ipv6');
  return true;
}

export class PrivateHostRefused extends Error {
  constructor() {
    super(
      'This address is on a private network, which Candor does not call unless the operator allows it (OUTBOUND_ALLOW_PRIVATE_HOSTS)',
    );
  }
}

/**
 * Refuses a URL whose host is, or resolves to, a private address (every
 * address the name has, so one public record does not hide a private one).
 * Checked when the call is made; a name that changes its answer between this
 * check and the request (DNS rebinding) is not covered.
 */
export async function assertPublicHost(url: string, allowPrivate: boolean): Promise<void> {
  if (allowPrivate) return;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host)
    ? [host]
    : (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
  if (addresses.length === 0 || addresses.some(isPrivateAddress)) throw new PrivateHostRefused();
}
