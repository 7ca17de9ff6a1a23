/**
 * The real server runs its background jobs (pg-boss on PostgreSQL, in process on SQLite) and an
 * owner watches them in the backoffice: from the settings page to "Background jobs", where the
 * scheduled kinds are listed and the outbox dispatcher, due every 2 s, has completed.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, servers, signedInPage } from '../support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

for (const server of servers()) {
  describe(`background jobs [${server.dialect}]`, () => {
    it('an owner opens them from the settings and sees the scheduled jobs run', async () => {
      const page = await signedInPage(browser, server.url, 'owner@acme.example');
      await page.goto(`${server.url}/admin/#/settings`);
      await page.getByRole('link', { name: 'Background jobs' }).click();
      await page.getByRole('heading', { level: 1, name: 'Background jobs' }).waitFor();
      const kinds = page.getByRole('table', { name: 'Kinds of background job' });
      const outbox = kinds.getByRole('row').filter({ hasText: 'Outbox: deliver emails' });
      await outbox.waitFor();
      expect(await outbox.textContent()).toContain('Every 2 s');
      // The page refreshes itself every 5 s: the dispatcher's runs show as completed.
      await page
        .getByRole('table', { name: 'Recent background jobs' })
        .getByRole('row')
        .filter({ hasText: 'Outbox: deliver emails' })
        .filter({ hasText: 'Completed' })
        .first()
        .waitFor({ timeout: 20_000 });
      expect(
        await page
          .getByText(server.dialect === 'postgresql' ? /queue in the PostgreSQL/ : /inside the API process/)
          .count(),
      ).toBe(1);
      // Applications received on the careers site are filed within seconds: none waits for a person.
      await page.getByRole('heading', { name: 'Applications not filed yet' }).waitFor();
      await page.getByText(/^Every application is filed/).waitFor({ timeout: 20_000 });
      await screenshot(page, `background-jobs-${server.dialect}`);
      await page.context().close();
    });
  });
}
