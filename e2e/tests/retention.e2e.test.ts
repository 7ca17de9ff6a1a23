/**
 * The retention page in a real browser, against the built server with the
 * demo seed (which has people past their periods, and one of them under a
 * legal hold, so something stays due even after the server's first sweep):
 * an admin reads the default rules, previews today and a later day, is told
 * at the field that a period of 0 is not allowed, and dry-runs the sweep.
 * Nothing is saved and no real run is started: other tests share the server.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  launchBrowser,
  loadedListRows,
  newTestPage,
  panelsLoaded,
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

async function adminPage(baseUrl: string): Promise<Page> {
  const page = await newTestPage(browser);
  await signIn(page, baseUrl);
  return page;
}

/** A calendar day (YYYY-MM-DD, UTC) `months` from now. */
function dayInMonths(months: number): string {
  const date = new Date();
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
}

const DEFAULT_RULES = [
  /^Rejected or withdrawn applications/,
  /^Candidates without talent-pool consent/,
  /^Talent-pool consent lasts 24 months/,
  /^Hired candidates/,
  /^Completed privacy requests/,
  /^Sent emails/,
  /^Audit events/,
];

async function dueCounts(preview: ReturnType<Page['getByRole']>): Promise<number[]> {
  const table = preview.getByRole('table', { name: 'Due items per rule' });
  await table.waitFor();
  return (await table.locator('tbody tr td:nth-child(3)').allTextContents()).map((text) => Number(text) || 0);
}

for (const server of servers()) {
  describe(`retention in the backoffice [${server.dialect}]`, () => {
    it('an admin reads the rules, previews their effect and dry-runs the sweep', async () => {
      const page = await adminPage(server.url);
      await page.getByRole('menuitem', { name: 'Retention' }).click();
      await page.waitForURL(/#\/retention$/);
      await page.getByRole('heading', { level: 1, name: 'Retention' }).waitFor();

      // The default rules, in order, never saved.
      const rules = page.getByRole('region', { name: 'Rules' });
      const list = rules.getByRole('list', { name: 'Retention rules' });
      await list.getByRole('listitem').first().waitFor();
      const headings = await list.getByRole('heading', { level: 3 }).allTextContents();
      expect(headings).toHaveLength(DEFAULT_RULES.length);
      for (const [i, label] of DEFAULT_RULES.entries()) expect(headings[i]).toMatch(label);
      await rules.getByText('Defaults, never saved').waitFor();
      const talentPool = list.getByRole('listitem', { name: /^Talent-pool consent/ });
      expect(await talentPool.getByLabel('Renewal notice (days)').inputValue()).toBe('30');
      expect(await list.getByLabel('Renewal notice (days)').count()).toBe(1);
      await rules.getByText('No overrides: every country uses the rules’ own periods.').waitFor();

      // Today: the candidate under a legal hold is due whatever the first sweep did; a consent runs out in 20 days.
      const preview = page.getByRole('region', { name: 'Preview' });
      expect(await preview.getByLabel('Day').inputValue()).toBe(new Date().toISOString().slice(0, 10));
      await preview.getByRole('button', { name: 'Preview' }).click();
      const today = await dueCounts(preview);
      expect(today.some((count) => count > 0)).toBe(true);
      await preview
        .getByText(/^Renewal requests due: [1-9]\d*\./)
        .first()
        .waitFor();
      await preview
        .getByText(/^At the end of .* the sweep would act on/)
        .first()
        .waitFor();

      // A year and more ahead, most demo candidates are due: they are listed with links to their pages.
      await preview.getByLabel('Day').fill(dayInMonths(13));
      await preview.getByRole('button', { name: 'Preview' }).click();
      const candidates = preview.getByRole('table', { name: 'First affected candidates' });
      await candidates.waitFor();
      const link = candidates.getByRole('link').first();
      expect(await link.getAttribute('href')).toMatch(/^#\/candidates\/[0-9a-f-]{36}\/show$/);
      const later = await dueCounts(preview);
      expect(later.reduce((a, b) => a + b, 0)).toBeGreaterThan(today.reduce((a, b) => a + b, 0));

      // A period of 0 is refused at its field, and nothing is saved.
      const rejected = list.getByRole('listitem', { name: /^Rejected or withdrawn applications/ });
      await rejected.getByLabel('Keep for').fill('0');
      await rules.getByText('Unsaved changes').waitFor();
      await rules.getByRole('button', { name: 'Save as new version' }).click();
      await rejected.getByText('At least 1').waitFor();
      await rules
        .getByRole('alert')
        .getByText(/^Some rules are not valid/)
        .waitFor();
      expect(await rejected.getByLabel('Keep for').getAttribute('aria-invalid')).toBe('true');
      // The preview tries the form's rules, so it refuses them too.
      await preview.getByRole('button', { name: 'Preview' }).click();
      await preview.getByText('The rules in the form are not valid; see the messages above.').waitFor();
      await screenshot(page, `retention-field-error-${server.dialect}`);
      await rules.getByRole('button', { name: 'Discard changes' }).click();
      expect(await rejected.getByLabel('Keep for').inputValue()).toBe('6');
      expect(
        await preview.getByText('The rules in the form are not valid; see the messages above.').count(),
      ).toBe(0);
      await rules.getByText('Defaults, never saved').waitFor();

      // An override for one country is saved as version 1 (same period as the rule: the other tests see no change).
      await rules.getByRole('button', { name: 'Add override' }).click();
      const overrides = rules.getByRole('list', { name: 'Country overrides' });
      await overrides.getByLabel('Country').fill('de');
      expect(await overrides.getByLabel('Keep for').inputValue()).toBe('6');
      await rules.getByRole('button', { name: 'Save as new version' }).click();
      await page.getByText('Retention policy saved as version 1').waitFor();
      await rules.getByText(/^Version 1, saved by Adam Admin on /).waitFor();
      expect(await overrides.getByLabel('Country').inputValue()).toBe('DE');

      // A dry run is listed with what it found (at least the held candidate).
      const runs = page.getByRole('region', { name: 'Runs' });
      await runs.getByRole('button', { name: 'Dry run now' }).click();
      await page.getByText(/^Dry run finished: /).waitFor();
      const dryRun = runs
        .getByRole('table', { name: 'Recent runs' })
        .locator('tbody > tr')
        .filter({ hasText: 'Dry run' })
        .first();
      await dryRun.waitFor();
      const found = Number(await dryRun.locator(':scope > td').nth(4).textContent());
      expect(found).toBeGreaterThan(0);
      expect(Number(await dryRun.locator(':scope > td').nth(6).textContent())).toBeGreaterThan(0);
      await dryRun.getByRole('button', { name: /^Show the counts per rule/ }).click();
      await runs.getByRole('table', { name: 'Counts per rule' }).waitFor();

      // The real run asks first; cancelled here.
      await runs.getByRole('button', { name: 'Run now', exact: true }).click();
      const confirm = page.getByRole('dialog', { name: 'Run the retention sweep now?' });
      await confirm.getByText('This cannot be undone.').waitFor();
      await confirm.getByText(/legal hold is skipped/).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await confirm.getByRole('button', { name: 'Cancel' }).click();
      await confirm.waitFor({ state: 'hidden' });

      await panelsLoaded(page);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `retention-${server.dialect}`);
      await page.context().close();
    });

    it('a recruiter hands a hire to HR, which starts the hired rule’s clock', async () => {
      const page = await adminPage(server.url);
      await page.goto(
        `${server.url}/admin/#/applications?filter=${encodeURIComponent(JSON.stringify({ status: 'hired' }))}`,
      );
      const rows = await loadedListRows(page);
      await rows.first().click();
      await page.waitForURL(/#\/applications\/[0-9a-f-]{36}\/show$/);
      const exportButton = page.getByRole('button', { name: /^Export to HR/ });
      await exportButton.waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
      expect(download.suggestedFilename()).toMatch(/^hire-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}\.zip$/);
      await page.getByText(/^Handed to HR .* by Adam Admin; recruiting data is erased/).waitFor();
      await page.getByRole('button', { name: 'Export to HR again' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `hr-export-${server.dialect}`);
      await page.context().close();
    });
  });
}
