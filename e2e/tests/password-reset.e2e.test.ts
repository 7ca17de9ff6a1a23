import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  launchBrowser,
  linkFromMail,
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

for (const server of servers()) {
  describe(`password reset [${server.dialect}]`, () => {
    it('resets a forgotten password from the email, refusing a guessable one on the way', async () => {
      // A member of their own (not a demo user other tests sign in as), who chose a password once.
      const email = `rosa.reset.${Date.now()}@example.test`;
      const first = 'violet harbour kettle drum';
      await newMember(browser, server, { email, name: 'Rosa Reset', password: first });

      // She forgot it: the sign-in page's "Forgot password?".
      const page = await newTestPage(browser);
      await page.goto(`${server.url}/admin/`);
      await page.getByRole('link', { name: 'Forgot password?' }).click();
      await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
      await page.getByLabel(/^Email/).fill(email);
      await page.getByRole('button', { name: 'Email me a link' }).click();
      await page.getByText(`If ${email} belongs to a Candor account`).waitFor();
      expect(await axeViolations(page)).toEqual([]);

      await page.goto(await linkFromMail(server, email, 'reset-password'));
      await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
      const password = page.getByLabel(/^New password/);
      await password.fill('Welcome2026!');
      await page.getByText(/Strength: Still guessable|Strength: Easy to guess/).waitFor();
      await page.getByLabel(/confirm/i).fill('Welcome2026!');
      await page.getByRole('button', { name: 'Change password' }).click();
      await page
        .getByText(/too easy to guess/i)
        .first()
        .waitFor();

      const fresh = 'saffron glacier typewriter moss';
      await password.fill(fresh);
      await page.getByText(/Strength: (Strong|Very strong)/).waitFor();
      await page.getByLabel(/confirm/i).fill(fresh);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `password-reset-${server.dialect}`);
      await page.getByRole('button', { name: 'Change password' }).click();
      await page.getByText(/password is changed and you are signed out everywhere/).waitFor();

      // The old password no longer works; the new one does.
      await page.getByRole('link', { name: 'Sign in' }).click();
      await page.getByLabel('Email').fill(email);
      await page.getByLabel(/^Password/).fill(first);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByText('Email or password is not correct').waitFor();
      await page.getByLabel(/^Password/).fill(fresh);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByText(/^Welcome/).waitFor();
      await page.close();
    });
  });
}
