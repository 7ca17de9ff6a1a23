import { describe, expect, it } from 'vitest';
import { networkOf } from './network.js';

describe('networkOf', () => {
  it('takes the /24 of IPv4 (also written as IPv4-mapped IPv6) and the /48 of IPv6', () => {
    expect(networkOf('203.0.113.9')).toBe('203.0.113.0/24');
    expect(networkOf('::ffff:203.0.113.77')).toBe('203.0.113.0/24');
    expect(networkOf('2001:db8:abcd:12::1')).toBe('2001:0db8:abcd::/48');
    expect(networkOf('2001:db8::1')).toBe('2001:0db8:0000::/48');
    expect(networkOf('::1')).toBe('0000:0000:0000::/48');
  });

  it('tells other networks apart and keeps what is not an address as it is', () => {
    expect(networkOf('203.0.114.9')).not.toBe(networkOf('203.0.113.9'));
    expect(networkOf('2001:db8:abce::1')).not.toBe(networkOf('2001:db8:abcd::1'));
    expect(networkOf('unknown')).toBe('unknown');
  });
});
