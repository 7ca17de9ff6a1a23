import { totpCodeFor } from '@candor/api/testing/totp-code';
import type { Browser, Page } from 'playwright-core';
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

async function passwordStep(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/admin/`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { name: 'Two-factor authentication' }).waitFor();
}

async function signOut(page: Page) {
  // The app bar slides away while the page is scrolled down (react-admin's
  // default), as after saving the recovery codes; back at the top it returns.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page
    .getByRole('button', { name: /account menu/i })
    .first()
    .click();
  await page.getByRole('menuitem', { name: /logout|sign out/i }).click();
  await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
}

for (const server of servers()) {
  describe(`two-factor authentication [${server.dialect}]`, () => {
    it('a member sets up an authenticator app, then signs in with a code and with a recovery code', async () => {
      // A member of their own, so the demo users other tests sign in as keep password-only sign-in.
      const email = `tess.totp.${Date.now()}@example.test`;
      const password = 'juniper cobalt windmill sonata';
      await newMember(browser, server, { email, name: 'Tess Totp', password });

      const page = await newTestPage(browser);
      await page.goto(`${server.url}/admin/`);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel(/^Password/).fill(password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page
        .getByRole('button', { name: /account menu/i })
        .first()
        .click();
      await page.getByRole('menuitem', { name: 'Your account' }).click();
      await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
      await page.getByRole('img', { name: /QR code/ }).waitFor();
      const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `totp-enrol-${server.dialect}`);

      await page.getByLabel('Code from your app').fill(totpCodeFor(secret, 3));
      await page.getByRole('button', { name: 'Turn on' }).click();
      await page
        .getByText(/not right/i)
        .first()
        .waitFor();
      await page.getByLabel('Code from your app').fill(totpCodeFor(secret));
      await page.getByRole('button', { name: 'Turn on' }).click();
      const list = page.getByTestId('recovery-codes');
      await list.waitFor();
      const recoveryCodes = (await list.locator('li').allTextContents()).map((code) => code.trim());
      expect(recoveryCodes).toHaveLength(10);
      await page.getByRole('button', { name: 'I have saved them' }).click();
      await page.getByText(/10 recovery codes left/).waitFor();
      await signOut(page);

      // The password alone no longer signs in; a code does (the next step's: the enrolment used this one).
      await passwordStep(page, server.url, email, password);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `totp-sign-in-${server.dialect}`);
      await page.getByLabel('Code from your authenticator app').fill(totpCodeFor(secret, 1));
      await page.getByRole('button', { name: 'Verify' }).click();
      await page.getByText(/^Welcome/).waitFor();
      await signOut(page);

      // Phone lost: a recovery code, once.
      await passwordStep(page, server.url, email, password);
      await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
      await page.getByLabel('Recovery code').fill(recoveryCodes[0]!);
      await page.getByRole('button', { name: 'Verify' }).click();
      await page.getByText(/^Welcome/).waitFor();
      await page
        .getByRole('button', { name: /account menu/i })
        .first()
        .click();
      await page.getByRole('menuitem', { name: 'Your account' }).click();
      await page.getByText(/9 recovery codes left/).waitFor();
      await page.close();
    });
  });
}
