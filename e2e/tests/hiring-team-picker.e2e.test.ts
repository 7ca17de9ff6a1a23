/**
 * The hiring team's person picker opens on a click and lists the tenant's
 * people (issue 19), both on an empty row and on a row that already names
 * someone: a click shows whom one can pick, not only the name already there.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  launchBrowser,
  queryAs,
  screenshot,
  servers,
  signedInPage,
} from '../support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

for (const server of servers()) {
  describe(`hiring team picker [${server.dialect}]`, () => {
    it('opens on click with every person to choose from', async () => {
      const page = await signedInPage(browser, server.url, 'recruiter@acme.example');
      const people = await queryAs<Array<{ name: string }>>(page, 'users.directory');
      await page.goto(`${server.url}/admin/#/jobs/create`);
      const pickers = page.getByRole('combobox', { name: /^Person/ });
      await pickers.first().waitFor();

      // The row the creator starts on already names Rita Recruiter: the others are offered.
      await pickers.first().click();
      const listbox = page.getByRole('listbox');
      await listbox.waitFor();
      await expect
        .poll(() => listbox.getByRole('option').count(), { timeout: 10_000 })
        .toBe(people.length - 1);
      await page.keyboard.press('Escape');
      await listbox.waitFor({ state: 'hidden' });

      // A new, empty row.
      await page.getByRole('button', { name: 'Add person' }).click();
      await pickers.nth(1).click();
      await listbox.waitFor();
      await expect.poll(() => listbox.getByRole('option').count(), { timeout: 10_000 }).toBe(people.length);
      await screenshot(page, `hiring-team-picker-${server.dialect}`);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('option', { name: /^Manny Manager/ }).click();
      expect(await pickers.nth(1).inputValue()).toMatch(/^Manny Manager/);
      await page.context().close();
    });
  });
}
