import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  launchBrowser,
  newMember,
  newTestPage,
  screenshot,
  servers,
} from '../support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Chromium's virtual authenticator (DevTools' WebAuthn domain): a platform
 * authenticator with discoverable credentials and user verification, which
 * answers the page's navigator.credentials calls as Touch ID would.
 */
async function virtualAuthenticator(page: Page): Promise<{ cdp: CDPSession; authenticatorId: string }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

async function signOut(page: Page) {
  // react-admin's app bar slides away while the page is scrolled down; back at the top it shows.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page
    .getByRole('button', { name: /account menu/i })
    .first()
    .click();
  await page.getByRole('menuitem', { name: /logout|sign out/i }).click();
  await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
}

async function openAccount(page: Page) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page
    .getByRole('button', { name: /account menu/i })
    .first()
    .click();
  await page.getByRole('menuitem', { name: 'Your account' }).click();
  await page.getByRole('heading', { name: 'Passkeys' }).waitFor();
}

for (const server of servers()) {
  describe(`passkeys [${server.dialect}]`, () => {
    it('a member adds a passkey, signs in with it and no password, then uses it as the second step after a password', async () => {
      // The server runs on http://localhost:<port>: a secure context, and a host name (an IP address is no RP ID).
      expect(new URL(server.url).hostname).toBe('localhost');
      const email = `pat.passkey.${Date.now()}@example.test`;
      const password = 'harbour lantern quartz meadow';
      await newMember(browser, server, { email, name: 'Pat Passkey', password });

      const page = await newTestPage(browser);
      const { cdp, authenticatorId } = await virtualAuthenticator(page);
      await page.goto(`${server.url}/admin/`);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel(/^Password/).fill(password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByText(/^Welcome/).waitFor();
      await openAccount(page);
      await page.getByText('You have no passkeys yet.').waitFor();

      await page.getByRole('button', { name: 'Add a passkey' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add a passkey' });
      await dialog.getByLabel(/^Name/).fill('Work laptop');
      await dialog.getByRole('button', { name: 'Continue' }).click();
      const passkeys = page.getByRole('list', { name: 'Your passkeys' });
      await passkeys.getByText('Work laptop').waitFor();
      await passkeys.getByText(/not used to sign in yet/).waitFor();
      await dialog.waitFor({ state: 'detached' });
      const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
      expect(credentials).toHaveLength(1);
      expect(credentials[0]!.isResidentCredential).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `passkeys-account-${server.dialect}`);

      // Renamed, and then the passkey alone signs in: no email, no password.
      await page.getByRole('button', { name: 'Rename Work laptop' }).click();
      const rename = page.getByRole('dialog', { name: 'Rename passkey' });
      await rename.getByLabel(/^Name/).fill('MacBook Touch ID');
      await rename.getByRole('button', { name: 'Save' }).click();
      await passkeys.getByText('MacBook Touch ID').waitFor();
      await signOut(page);
      await page.getByRole('button', { name: 'Sign in with a passkey' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `passkeys-sign-in-${server.dialect}`);

      // The browser refusing (user verification fails) is said plainly, and nothing is signed in.
      await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: false });
      await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: /No passkey was used|could not be verified|cannot sign you in/ })
        .waitFor();
      await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: true });

      await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
      await page.getByText(/^Welcome/).waitFor();
      await openAccount(page);
      await passkeys.getByText(/last used/).waitFor();
      await signOut(page);

      // A password now asks for the passkey as its second step.
      await page.getByLabel('Email').fill(email);
      await page.getByLabel(/^Password/).fill(password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('heading', { name: 'Two-factor authentication' }).waitFor();
      await page.getByRole('button', { name: 'Use your passkey' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `passkeys-second-step-${server.dialect}`);
      await page.getByRole('button', { name: 'Use your passkey' }).click();
      await page.getByText(/^Welcome/).waitFor();
      const after = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
      expect(after.credentials[0]!.signCount).toBeGreaterThanOrEqual(2);

      // Removed, it signs in nowhere; the password alone does again.
      await openAccount(page);
      await page.getByRole('button', { name: 'Remove MacBook Touch ID' }).click();
      await page.getByRole('button', { name: 'Remove passkey' }).click();
      await page.getByText('You have no passkeys yet.').waitFor();
      await signOut(page);
      await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: /cannot sign you in/ })
        .waitFor();
      await page.getByLabel('Email').fill(email);
      await page.getByLabel(/^Password/).fill(password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByText(/^Welcome/).waitFor();
      await page.close();
    });
  });
}
