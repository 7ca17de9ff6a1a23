/**
 * The applicant privacy portal in a real browser, against the built server
 * with the demo seed: an applicant applies, signs in to the portal with the
 * code from the email (written as .eml files under the data folder), sees
 * their application, leaves the talent pool and asks for erasure.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { axeViolations, fromMail, launchBrowser, screenshot, servers } from '../support/browser.js';
import { applyToDemoJob, DEMO_JOB } from '../support/careers.js';

const JOB = DEMO_JOB;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  onTestFailed(async () => {
    const name = (expect.getState().currentTestName ?? 'test').replace(/\W+/g, '-').slice(-80);
    if (!page.isClosed()) await screenshot(page, `failed-${name}`);
  });
  return page;
}

/** The code in a portal email to `email` not read before, once the outbox has delivered it to the mail folder. */
function codeFromMail(dataDir: string, email: string, seen: Set<string>): Promise<string> {
  return fromMail(dataDir, (message, file) => {
    if (seen.has(file) || !message.includes(email) || !/privacy portal/.test(message)) return undefined;
    const code = /^ {4}(\d{6})\s*$/m.exec(message)?.[1];
    if (code) seen.add(file);
    return code;
  });
}

for (const server of servers()) {
  describe(`privacy portal [${server.dialect}]`, () => {
    const email = `pia-${server.dialect}-${Date.now()}@example.test`;
    const seen = new Set<string>();

    it('an applicant signs in with a code, sees their application, leaves the talent pool and asks for erasure', async () => {
      const page = await newPage();
      await applyToDemoJob(page, server, { name: 'Pia Portal', email });

      // The portal's sign-in page, then the code from the email.
      await page.goto(`${server.url}/careers/acme/privacy/portal/`);
      await page.getByRole('heading', { level: 1, name: 'Your data' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByLabel('Email address').fill(email);
      await page.getByRole('button', { name: 'Send me a code' }).click();
      await page.getByRole('heading', { name: 'Check your email' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByLabel(/Code from the email/).fill(await codeFromMail(server.dataDir, email, seen));
      await page.getByRole('button', { name: 'Open my data' }).click();

      await page.getByText(`Signed in as ${email}`).waitFor();
      const applications = page.getByRole('region', { name: 'Your applications' });
      await applications.getByText(JOB).waitFor();
      await expect(applications.getByText('Application received').isVisible()).resolves.toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `portal-home-${server.dialect}`);

      // Leaving the talent pool: withdrawn at once, with a receipt.
      await page.getByRole('button', { name: 'Leave the talent pool' }).click();
      await page.getByText(/Your consent is withdrawn/).waitFor();
      await expect(page.getByRole('link', { name: 'Download the receipt' }).isVisible()).resolves.toBe(true);
      await expect(page.getByRole('button', { name: 'Leave the talent pool' }).count()).resolves.toBe(0);
      await expect(page.getByRole('cell', { name: 'You withdrew' }).first().isVisible()).resolves.toBe(true);
      // Every decision's receipt can be downloaded: the two from applying and the withdrawal's.
      await expect(page.getByRole('link', { name: 'Download', exact: true }).count()).resolves.toBe(3);
      await screenshot(page, `portal-withdrawn-${server.dialect}`);

      // Erasure: confirmed with the box, then with the team.
      await page.getByLabel(/I understand that my applications end/).check();
      await page.getByRole('button', { name: 'Erase my data' }).click();
      await page.getByText(/Your erasure request is with the team/).waitFor();
      const requests = page.getByRole('region', { name: 'Your requests' });
      await expect(requests.getByRole('cell', { name: 'Erasure' }).isVisible()).resolves.toBe(true);
      await expect(requests.getByRole('cell', { name: 'Consent withdrawal' }).isVisible()).resolves.toBe(
        true,
      );
      await expect(page.getByText(/You asked for erasure on/).isVisible()).resolves.toBe(true);

      // Signing out ends the session.
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByText('You have signed out.').waitFor();
      await page.goto(`${server.url}/careers/acme/privacy/portal/`);
      await expect(page.getByRole('button', { name: 'Send me a code' }).isVisible()).resolves.toBe(true);
      await page.context().close();
    });
  });
}
