/**
 * A form with unsaved changes asks before the page is left (issue 19): the
 * hiring settings (a form of Candor's own) and a job's create and edit forms
 * (react-admin's). Staying keeps the edits; after saving, the page is left
 * without a question.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption, launchBrowser, screenshot, servers, signedInPage } from '../support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Every confirm() the page shows, answered "Cancel" (stay on the page). */
function collectDialogs(page: Page): string[] {
  const messages: string[] = [];
  page.on('dialog', (dialog) => {
    messages.push(dialog.message());
    void dialog.dismiss();
  });
  return messages;
}

async function leaveAndStay(page: Page, dialogs: string[], stayOn: RegExp) {
  const before = dialogs.length;
  await page.getByRole('menuitem', { name: 'Candidates' }).click();
  await expect.poll(() => dialogs.length, { timeout: 10_000 }).toBe(before + 1);
  expect(dialogs.at(-1)).toMatch(/changes weren't saved/);
  expect(page.url()).toMatch(stayOn);
}

async function leaveFreely(page: Page, dialogs: string[]) {
  const before = dialogs.length;
  await page.getByRole('menuitem', { name: 'Candidates' }).click();
  await page.waitForURL(/#\/candidates$/);
  expect(dialogs.length).toBe(before);
}

for (const server of servers()) {
  describe(`unsaved changes [${server.dialect}]`, () => {
    it('the hiring settings ask before leaving with unsaved changes, not after saving', async () => {
      const page = await signedInPage(browser, server.url, 'owner@acme.example');
      const dialogs = collectDialogs(page);
      await page.getByRole('menuitem', { name: 'Settings' }).click();
      await page.getByRole('heading', { level: 1, name: 'Hiring settings' }).waitFor();
      // Switched and switched back: edited, though the settings saved are the same as before.
      const payTransparency = page.getByRole('switch', { name: /salary range/ });
      await payTransparency.click();
      await payTransparency.click();

      await leaveAndStay(page, dialogs, /#\/settings$/);
      await page.getByRole('heading', { level: 1, name: 'Hiring settings' }).waitFor();

      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText('Settings saved').waitFor();
      await leaveFreely(page, dialogs);
      await page.context().close();
    });

    it('a new job and a job being edited ask before leaving, not after saving', async () => {
      const page = await signedInPage(browser, server.url, 'recruiter@acme.example');
      const dialogs = collectDialogs(page);
      const title = `Unsaved Changes ${server.dialect} ${Date.now()}`;
      await page.goto(`${server.url}/admin/#/jobs/create`);
      await page.getByRole('textbox', { name: /^Job title/ }).fill(title);
      await leaveAndStay(page, dialogs, /#\/jobs\/create$/);
      expect(await page.getByRole('textbox', { name: /^Job title/ }).inputValue()).toBe(title);

      await chooseOption(page, /^Department/, 'Engineering');
      await page.getByRole('textbox', { name: /^Country/ }).fill('de');
      await page.getByRole('button', { name: 'Create job' }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();

      await page.getByRole('link', { name: 'Edit', exact: true }).click();
      const titleField = page.getByRole('textbox', { name: /^Job title/ });
      await titleField.fill(`${title} (senior)`);
      await leaveAndStay(page, dialogs, /#\/jobs\/[^/]+$/);
      expect(await titleField.inputValue()).toBe(`${title} (senior)`);
      await screenshot(page, `unsaved-changes-job-edit-${server.dialect}`);

      await page.getByRole('button', { name: 'Save job' }).click();
      await page.getByRole('heading', { level: 1, name: `${title} (senior)` }).waitFor();
      await leaveFreely(page, dialogs);
      await page.context().close();
    });
  });
}
