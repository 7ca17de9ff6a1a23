import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, fromMail, launchBrowser, newTestPage, screenshot, servers, signIn } from '../support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A tRPC mutation as whoever is signed in on `page` (same cookies, same origin). */
async function mutateAs(page: Page, procedure: string, input: unknown): Promise<void> {
  await page.evaluate(
    async ({ procedure, input }) => {
      const response = await fetch(`/trpc/${procedure}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      if (!response.ok) throw new Error(`${procedure}: ${response.status} ${await response.text()}`);
    },
    { procedure, input },
  );
}

/** The first link to `page` (e.g. "reset-password") in an email to `to`, pointed at the test server. */
async function linkFromMail(server: { url: string; dataDir: string }, to: string, page: string): Promise<string> {
  const pattern = new RegExp(`(http://\\S+#/${page}\\?token=\\S+)`);
  const link = await fromMail(server.dataDir, (mail) => (mail.includes(`To: ${to}`) ? pattern.exec(mail)?.[1] : undefined));
  return link.replace(/^http:\/\/localhost:\d+/, server.url);
}

for (const server of servers()) {
  describe(`password reset [${server.dialect}]`, () => {
    it('resets a forgotten password from the email, refusing a guessable one on the way', async () => {
      // A member of their own (not a demo user other tests sign in as), who chose a password once.
      const email = `rosa.reset.${Date.now()}@example.test`;
      const first = 'violet harbour kettle drum';
      const admin = await newTestPage(browser);
      await signIn(admin, server.url, 'admin@acme.example');
      await mutateAs(admin, 'users.invite', { email, name: 'Rosa Reset', role: 'recruiter' });
      const invitation = await linkFromMail(server, email, 'set-password');
      await admin.context().clearCookies();
      await mutateAs(admin, 'auth.setPassword', { token: decodeURIComponent(invitation.split('token=')[1]!), password: first });
      await admin.close();

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
      await page.getByText(/too easy to guess/i).first().waitFor();

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
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText('Email or password is not correct').waitFor();
      await page.getByLabel(/^Password/).fill(fresh);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText(/^Welcome/).waitFor();
      await page.close();
    });
  });
}
