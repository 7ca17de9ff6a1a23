/**
 * Search in a real browser, against the built server with the demo seed: an
 * applicant sends a resume with a word no one else uses; a recruiter finds it
 * by full-text search with the passage shown, saves the search and runs it
 * again, then jumps to a job and to the candidate with the Ctrl-K palette.
 */
import { resumePdf } from '@candor/api/testing/resume-pdf';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  launchBrowser,
  newTestPage,
  screenshot,
  servers,
  signedInPage,
} from '../support/browser.js';
import { applyToDemoJob, DEMO_JOB } from '../support/careers.js';
import { openPalette, waitUntilFound } from '../support/search.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

for (const server of servers()) {
  describe(`search [${server.dialect}]`, () => {
    it('finds a resume by a word in it, saves the search, and jumps with Ctrl-K', async () => {
      const stamp = `${server.dialect}${Date.now().toString(36)}`;
      const word = `Quasartuning${stamp}`;
      const person = { name: `Sofia Searchable ${stamp}`, email: `sofia-${stamp}@example.test` };

      // The applicant applies on the careers site with their resume.
      const applicant = await newTestPage(browser);
      await applyToDemoJob(applicant, server, person, {
        resume: resumePdf(person.name, [
          'Frontend developer.',
          `Built the ${word} pipeline for a radio telescope.`,
        ]),
      });
      await applicant.context().close();

      // The server indexes the resume right after the application: search until it is there.
      const page = await signedInPage(browser, server.url, 'recruiter@acme.example');
      await waitUntilFound(page, server.url, word.toLowerCase(), new RegExp(person.name));
      // Then as a recruiter would, from the search box on an empty search page.
      await page.goto('about:blank');
      await page.goto(`${server.url}/admin/#/search`);
      await page.getByText('Search the text of every document').waitFor();
      const box = page.getByRole('textbox', { name: 'Words in resumes, cover letters and answers' });
      await box.fill(word.toLowerCase());
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      const results = page.getByRole('region', { name: 'Results' });
      const hit = results.getByRole('link', { name: new RegExp(person.name) });
      await hit.waitFor();
      await expect(hit.locator('mark').first().textContent()).resolves.toBe(word);
      await expect(hit.getByTestId('snippet').textContent()).resolves.toContain(
        'pipeline for a radio telescope',
      );
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `search-results-${server.dialect}`);

      // Saved under a name, then run again from a fresh page.
      await page.getByRole('textbox', { name: 'Name this search' }).fill(`Telescope ${stamp}`);
      await page.getByRole('button', { name: 'Save search' }).click();
      const saved = page.getByRole('region', { name: 'Saved searches' });
      await saved.getByRole('button', { name: new RegExp(`^Telescope ${stamp}`) }).waitFor();
      await page.goto('about:blank');
      await page.goto(`${server.url}/admin/#/search`);
      await page.getByText('Search the text of every document').waitFor();
      await saved.getByRole('button', { name: new RegExp(`^Telescope ${stamp}`) }).click();
      await results.getByRole('link', { name: new RegExp(person.name) }).waitFor();
      await expect(box.inputValue()).resolves.toBe(word.toLowerCase());

      // Ctrl-K: to a job, then to the candidate.
      let dialog = await openPalette(page);
      await dialog.getByRole('combobox', { name: 'Search' }).fill('Frontend Engineer');
      // Jobs come first, and the first option is highlighted: Enter opens it.
      await dialog
        .getByRole('option', { name: new RegExp(`^${DEMO_JOB.replace(/[()]/g, '\\$&')}`) })
        .waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `search-palette-${server.dialect}`);
      await page.keyboard.press('Enter');
      await page.waitForURL(/#\/jobs\/[0-9a-f-]+\/show/);
      await page
        .getByRole('heading', { level: 1, name: new RegExp(DEMO_JOB.replace(/[()]/g, '\\$&')) })
        .waitFor();

      dialog = await openPalette(page);
      await dialog.getByRole('combobox', { name: 'Search' }).fill(person.name);
      // The candidate's option names their email; their application's names the job.
      const candidate = dialog.getByRole('option', { name: new RegExp(person.email) });
      await candidate.click();
      await page.waitForURL(/#\/candidates\/[0-9a-f-]+\/show/);
      await page.getByRole('heading', { level: 1, name: new RegExp(person.name) }).waitFor();
      await page.close();
    });
  });
}
