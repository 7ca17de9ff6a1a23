import { describe, expect, it } from 'vitest';
import { assertPublicHost, isPrivateAddress, PrivateHostRefused } from './outbound-host.js';

describe('outbound hosts', () => {
  it('tells private, loopback, link-local and metadata addresses from public ones', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.5',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fd00::1',
      'fe80::1',
      '::ffff:10.0.0.1',
      '::ffff:127.0.0.1',
    ]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of [
      '93.184.216.34',
      '172.32.0.1',
      '8.8.8.8',
      '2606:4700:4700::1111',
      '::ffff:1.1.1.1',
    ]) {
      expect(isPrivateAddress(address), address).toBe(false);
    }
  });

  it('refuses a URL on a private address or a name that resolves to one, unless allowed', async () => {
    await expect(assertPublicHost('http://127.0.0.1:5232/', false)).rejects.toBeInstanceOf(
      PrivateHostRefused,
    );
    await expect(assertPublicHost('http://[::1]/dav/', false)).rejects.toBeInstanceOf(PrivateHostRefused);
    await expect(assertPublicHost('http://169.254.169.254/latest/', false)).rejects.toBeInstanceOf(
      PrivateHostRefused,
    );
    // "localhost" resolves (from /etc/hosts, no network needed) to loopback.
    await expect(assertPublicHost('http://localhost:5232/', false)).rejects.toBeInstanceOf(
      PrivateHostRefused,
    );
    await expect(assertPublicHost('https://93.184.216.34/dav/', false)).resolves.toBeUndefined();
    await expect(assertPublicHost('http://127.0.0.1:5232/', true)).resolves.toBeUndefined();
  });
});
