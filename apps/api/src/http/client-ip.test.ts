import { describe, expect, it } from 'vitest';
import { clientIpOf } from './client-ip.js';

describe('clientIpOf', () => {
  it('ignores X-Forwarded-For without trusted proxies', () => {
    expect(clientIpOf('203.0.113.9', '10.0.0.2', 0)).toBe('10.0.0.2');
  });

  it('takes the address the one trusted proxy appended, whatever the client wrote before it', () => {
    expect(clientIpOf('203.0.113.9', '10.0.0.2', 1)).toBe('203.0.113.9');
    expect(clientIpOf('1.1.1.1, 2.2.2.2, 203.0.113.9', '10.0.0.2', 1)).toBe('203.0.113.9');
  });

  it('counts hops from the right behind two proxies', () => {
    // client 203.0.113.9 -> CDN (appends the client) -> load balancer (appends the CDN) -> app
    expect(clientIpOf('6.6.6.6, 203.0.113.9, 198.51.100.7', '10.0.0.2', 2)).toBe('203.0.113.9');
  });

  it('takes the leftmost entry when there are fewer entries than hops', () => {
    expect(clientIpOf('203.0.113.9', '10.0.0.2', 2)).toBe('203.0.113.9');
  });

  it('falls back to the socket address when the entry is not an address', () => {
    expect(clientIpOf('1.1.1.1, not-an-ip', '10.0.0.2', 1)).toBe('10.0.0.2');
    expect(clientIpOf('', undefined, 1)).toBe('unknown');
  });

  it('accepts IPv6 entries', () => {
    expect(clientIpOf('2001:db8::1', '::1', 1)).toBe('2001:db8:0:0::');
  });

  it('counts an IPv6 client by its /64, as one host usually holds a whole /64', () => {
    expect(clientIpOf('2001:db8:5:6::1', undefined, 1)).toBe('2001:db8:5:6::');
    expect(clientIpOf('2001:0db8:0005:0006:ffff:1:2:3', undefined, 1)).toBe('2001:db8:5:6::');
    expect(clientIpOf('2001:db8:5:7::1', undefined, 1)).toBe('2001:db8:5:7::');
    expect(clientIpOf(undefined, '::ffff:192.0.2.9', 0)).toBe('192.0.2.9');
    expect(clientIpOf(undefined, '192.0.2.9', 0)).toBe('192.0.2.9');
  });
});
