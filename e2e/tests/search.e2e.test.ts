/**
 * Search in a real browser, against the built server with the demo seed: an
 * applicant sends a resume with a word no one else uses; a recruiter finds it
 * by full-text search with the passage shown, saves the search and runs it
 * again, then jumps to a job and to the candidate with the Ctrl-K palette.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  launchBrowser,
  newTestPage,
  screenshot,
  servers,
  signedInPage,
} from '../support/browser.js';
import { applyFormReady, DEMO_JOB, fillApplication, jobIdByTitle } from '../support/careers.js';

/** A one-page PDF whose text is `lines`, with a correct cross-reference table. */
function textPdf(lines: string[]): Buffer {
  const content = `BT /F1 12 Tf 72 720 Td 16 TL ${lines.map((l) => `(${l.replace(/[()\\]/g, '')}) Tj T*`).join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function openPalette(page: Page) {
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Go to a candidate, job or application' });
  await dialog.waitFor();
  return dialog;
}

for (const server of servers()) {
  describe(`search [${server.dialect}]`, () => {
    it('finds a resume by a word in it, saves the search, and jumps with Ctrl-K', async () => {
      const stamp = `${server.dialect}${Date.now().toString(36)}`;
      const word = `Quasartuning${stamp}`;
      const person = { name: `Sofia Searchable ${stamp}`, email: `sofia-${stamp}@example.test` };

      // The applicant applies on the careers site with their resume.
      const applicant = await newTestPage(browser);
      await applicant.goto(
        `${server.url}/careers/acme/jobs/${jobIdByTitle(server.dataDir, DEMO_JOB)}/apply/`,
      );
      await applyFormReady(applicant);
      await fillApplication(applicant, person);
      await applicant.getByLabel(/^Resume/).setInputFiles({
        name: 'resume.pdf',
        mimeType: 'application/pdf',
        buffer: textPdf([
          person.name,
          'Frontend developer.',
          `Built the ${word} pipeline for a radio telescope.`,
        ]),
      });
      await applicant.getByRole('button', { name: /Send application/ }).click();
      await applicant.getByRole('heading', { name: /received/i }).waitFor();
      await applicant.close();

      const page = await signedInPage(browser, server.url, 'recruiter@acme.example');
      await page.goto('about:blank');
      await page.goto(`${server.url}/admin/#/search`);
      await page.getByRole('heading', { level: 1, name: 'Search in documents' }).waitFor();
      const box = page.getByRole('textbox', { name: 'Words in resumes, cover letters and answers' });
      const results = page.getByRole('region', { name: 'Results' });
      // The server indexes the resume right after the application; search until it is there.
      await expect
        .poll(
          async () => {
            await box.fill(word.toLowerCase());
            await page.getByRole('button', { name: 'Search', exact: true }).click();
            await page.getByRole('status').filter({ hasText: /match/ }).waitFor({ timeout: 5_000 });
            return results.getByRole('link', { name: new RegExp(person.name) }).count();
          },
          { timeout: 30_000, interval: 1_000 },
        )
        .toBe(1);
      const hit = results.getByRole('link', { name: new RegExp(person.name) });
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
