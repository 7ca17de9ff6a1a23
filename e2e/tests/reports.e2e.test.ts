/**
 * The hiring reports in a real browser, against the built server with the
 * demo seed: a recruiter opens Reports from the menu, sees the funnel as a
 * chart and as a table, narrows the reports to one job, and downloads the
 * funnel as CSV with the same rows the table shows.
 */
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  chooseOption,
  launchBrowser,
  newTestPage,
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

const JOB = 'Senior Robotics Software Engineer';

for (const server of servers()) {
  describe(`hiring reports [${server.dialect}]`, () => {
    it('a recruiter reads the funnel as chart and table, filters by job and downloads it as CSV', async () => {
      const page = await newTestPage(browser);
      await signIn(page, server.url, 'recruiter@acme.example');
      await page.getByRole('menuitem', { name: 'Reports' }).click();
      await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
      const funnel = page.getByRole('region', { name: 'Pipeline funnel' });
      const table = funnel.getByRole('table', { name: 'Pipeline funnel' });
      await table.waitFor({ timeout: 15_000 });
      await funnel.getByTestId('report-chart').locator('svg').first().waitFor();
      expect(await table.getByRole('rowheader').allTextContents()).toEqual([
        'Applied',
        'Screening',
        'Interview',
        'Offer',
        'Hired',
      ]);
      await page.getByText('All jobs ·').waitFor();

      await chooseOption(page, 'Jobs', JOB);
      await page.getByText(`${JOB} ·`).waitFor({ timeout: 15_000 });
      const rows = await table.getByRole('row').allInnerTexts();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        funnel.getByRole('button', { name: 'Download CSV: Pipeline funnel' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^pipeline-funnel-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.csv$/);
      const csv = await readFile((await download.path()) as string, 'utf8');
      const lines = csv.trim().split('\r\n');
      expect(lines[0]).toBe('Stage,Applications,Of previous stage');
      expect(lines.map((l) => l.split(',')[0])).toEqual([
        'Stage',
        'Applied',
        'Screening',
        'Interview',
        'Offer',
        'Hired',
      ]);
      // The same counts as the table, a hidden one as "< k" in both.
      for (const [i, line] of lines.slice(1).entries()) {
        const cells = (rows[i + 1] ?? '').split('\t').map((c) => c.trim());
        expect(line.split(',')[1]).toBe(cells[1]);
      }

      await funnel.getByLabel('Show as table only').check();
      await funnel.getByTestId('report-chart').waitFor({ state: 'detached' });
      expect(await table.isVisible()).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `reports-${server.dialect}`);
      await page.context().close();
    });
  });
}
