import { isIPv4, isIPv6 } from 'node:net';

/**
 * The network a client address belongs to, as far as limits are concerned:
 * the /24 of an IPv4 address, the /48 of an IPv6 one (what one site usually
 * gets). Someone rotating addresses inside their own network stays one
 * network; someone on another network is counted apart.
 */
export function networkOf(ip: string): string {
  const v4 = ip.startsWith('::ffff:') && isIPv4(ip.slice(7)) ? ip.slice(7) : ip;
  if (isIPv4(v4)) return `${v4.split('.').slice(0, 3).join('.')}.0/24`;
  if (isIPv6(ip)) return `${expandIPv6(ip).slice(0, 3).join(':')}::/48`;
  return ip;
}

/**
 * The client as per-client limits count it: an IPv4 address, or the /64 of
 * an IPv6 one, written as its first address (`2001:db8:5:6::`). A single
 * host is routinely given a whole /64, so counting IPv6 addresses one by one
 * would let it try passwords from as many addresses as it likes.
 */
export function clientOf(ip: string): string {
  const v4 = ip.startsWith('::ffff:') && isIPv4(ip.slice(7)) ? ip.slice(7) : ip;
  if (isIPv4(v4)) return v4;
  if (isIPv6(ip))
    return `${expandIPv6(ip)
      .slice(0, 4)
      .map((group) => group.replace(/^0+(?=.)/, ''))
      .join(':')}::`;
  return ip;
}

/** The eight 16-bit groups of an IPv6 address, zero-padded, `::` expanded. */
function expandIPv6(ip: string): string[] {
  const [head = '', tail = ''] = ip.split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  return [...left, ...Array(Math.max(missing, 0)).fill('0'), ...right].map((group) => group.padStart(4, '0'));
}
