import { startTestProvider, type TestProvider } from '@candor/api/testing/oidc-provider';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  axeViolations,
  launchBrowser,
  mutateAs,
  newTestPage,
  queryAs,
  screenshot,
  servers,
  signIn,
} from '../support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function signOut(page: Page) {
  // The app bar slides away while the page is scrolled down (react-admin's AppBar).
  await page.evaluate(() => window.scrollTo(0, 0));
  await page
    .getByRole('button', { name: /account menu/i })
    .first()
    .click();
  await page.getByRole('menuitem', { name: /logout|sign out/i }).click();
  await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
}

/** The provider's own login page (oidc-provider's): any password, the login names the account. */
async function signInAtProvider(page: Page, provider: TestProvider, login: string) {
  await page.waitForURL((url) => url.href.startsWith(provider.issuer));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
}

for (const server of servers()) {
  describe(`single sign-on (OIDC) [${server.dialect}]`, () => {
    let provider: TestProvider;
    beforeAll(async () => {
      provider = await startTestProvider({ candorRedirectUri: `${server.url}/auth/oidc/callback` });
      provider.accounts.set('rita', {
        email: 'recruiter@acme.example',
        emailVerified: true,
        name: 'Rita Recruiter',
      });
    });
    afterAll(() => provider?.stop());

    it('the owner connects the company’s provider; a member signs in through it, by the organisation’s link and by work email', async () => {
      const page = await newTestPage(browser, { height: 1300 });
      await signIn(page, server.url, 'owner@acme.example');
      // From the demo's state: none yet (a retried run removes the one it left).
      if ((await queryAs<{ connection: unknown }>(page, 'auth.singleSignOnSettings')).connection) {
        await mutateAs(page, 'auth.removeSingleSignOn', undefined);
      }
      await page.getByRole('menuitem', { name: 'Sign-in & security' }).click();
      const section = page.getByRole('region', { name: 'Single sign-on' });
      await section.getByText('Not set up').waitFor();
      await section.getByLabel('Provider name').fill('Acme IdP');
      await section.getByLabel('Issuer URL').fill(provider.issuer);
      await section.getByLabel('Client ID').fill(provider.candor.clientId);
      await section.getByLabel('Client secret').fill(provider.candor.clientSecret);
      await section.getByLabel('Allowed email domains').fill('acme.example');
      await section.getByLabel('Allowed email domains').press('Enter');
      await section.getByRole('button', { name: 'acme.example' }).waitFor();
      await expect
        .poll(() => section.getByLabel('Redirect URI (register it at your provider)').inputValue(), {
          timeout: 10_000,
        })
        .toBe(`${server.url}/auth/oidc/callback`);
      await section.getByRole('button', { name: 'Save' }).click();
      await section.getByText('Kept sealed; leave empty to keep it').waitFor();
      const signInLink = await section.getByLabel('Your organisation’s sign-in link').inputValue();
      expect(signInLink).toBe(`${server.url}/admin/#/login?org=acme`);
      expect(await axeViolations(page)).toEqual([]);
      await section.screenshot({ path: `${ARTIFACTS}/oidc-settings-${server.dialect}.png` });
      await screenshot(page, `oidc-security-page-${server.dialect}`);
      await signOut(page);

      // The organisation's own sign-in link shows its provider's button at once. Opened as a
      // fresh load, as from an email: from the sign-in page it would only change the hash, and a
      // redirect still pending from signing out could take its ?org= away.
      await page.goto('about:blank');
      await page.goto(signInLink);
      const ssoButton = page.getByRole('button', { name: 'Sign in with Acme IdP' });
      await ssoButton.waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `oidc-sign-in-page-${server.dialect}`);
      await ssoButton.click();
      await signInAtProvider(page, provider, 'rita');
      await page.getByText(/^Welcome/).waitFor();
      expect(await queryAs<{ email: string }>(page, 'auth.me')).toMatchObject({
        email: 'recruiter@acme.example',
      });
      await signOut(page);

      // From the shared sign-in page: the work address finds the organisation (the provider remembers Rita).
      await page.getByRole('button', { name: 'Sign in with single sign-on' }).click();
      await page.getByLabel('Work email').fill('recruiter@acme.example');
      await screenshot(page, `oidc-sign-in-email-${server.dialect}`);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByText(/^Welcome/).waitFor();
      await signOut(page);

      // Someone the provider knows but Candor does not (just-in-time membership is off): refused, in words.
      provider.accounts.set('stranger', {
        email: `stranger.${Date.now()}@acme.example`,
        emailVerified: true,
        name: 'Stan Stranger',
      });
      await page.context().clearCookies();
      await page.goto(`${server.url}/admin/#/login?org=acme`);
      await page.getByRole('button', { name: 'Sign in with Acme IdP' }).click();
      await signInAtProvider(page, provider, 'stranger');
      await page
        .getByRole('alert')
        .filter({ hasText: 'You are not a member of this organisation' })
        .waitFor();
      await screenshot(page, `oidc-refused-${server.dialect}`);

      // Leave the demo organisation as the other tests expect it.
      await signIn(page, server.url, 'owner@acme.example');
      await mutateAs(page, 'auth.removeSingleSignOn', undefined);
      await page.close();
    });
  });
}
