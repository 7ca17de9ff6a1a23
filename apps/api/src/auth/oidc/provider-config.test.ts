import { describe, expect, it } from 'vitest';
import { insecureIssuerAllowed } from './provider-config.js';

describe('insecureIssuerAllowed', () => {
  it('allows plain http only for a loopback issuer while Candor itself runs on http (development, tests)', () => {
    expect(insecureIssuerAllowed(new URL('http://127.0.0.1:4000'), 'http://localhost:3000')).toBe(true);
    expect(insecureIssuerAllowed(new URL('http://localhost:4000/realms/x'), 'http://localhost:3000')).toBe(
      true,
    );
    expect(insecureIssuerAllowed(new URL('http://[::1]:4000'), 'http://localhost:3000')).toBe(true);
  });

  it('refuses http issuers in production (https APP_ORIGIN) and any other http host', () => {
    expect(insecureIssuerAllowed(new URL('http://127.0.0.1:4000'), 'https://candor.example.com')).toBe(false);
    expect(insecureIssuerAllowed(new URL('http://idp.example.com'), 'http://localhost:3000')).toBe(false);
    expect(insecureIssuerAllowed(new URL('http://10.0.0.5'), 'http://localhost:3000')).toBe(false);
  });

  it('has nothing to allow for https', () => {
    expect(insecureIssuerAllowed(new URL('https://accounts.google.com'), 'https://candor.example.com')).toBe(
      false,
    );
  });
});
