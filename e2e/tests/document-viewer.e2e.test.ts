/**
 * Reading a candidate's documents in the page, in a real browser against the
 * built server with the demo seed: a two-page PDF resume drawn by pdf.js,
 * with its text a tab away, from the candidate's and the application's page.
 * (Word and OpenDocument files show as text through the same procedure,
 * attachments.text, whose refusal to blind reviewers the API tests prove.)
 */
import { resumePdf } from '@candor/api/testing/resume-pdf';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  launchBrowser,
  mutateAs,
  panelsLoaded,
  screenshot,
  servers,
  signedInPage,
} from '../support/browser.js';
import { newApplicant } from '../support/careers.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Enough lines of experience to fill more than one page. */
const EXPERIENCE = Array.from(
  { length: 70 },
  (_, i) => `${2010 + (i % 15)}: shipped motion-planning release ${i + 1} for warehouse robots.`,
);

for (const server of servers()) {
  describe(`document viewer [${server.dialect}]`, () => {
    it('a recruiter reads a PDF resume page by page and as text, without downloading it', async () => {
      const tag = `${server.dialect}${Date.now()}`;
      const page = await signedInPage(browser, server.url, 'recruiter@acme.example');
      const { candidateId, applicationId } = await newApplicant(page, `Vera Viewer${tag}`, `vera.${tag}`);
      const pdf = resumePdf('Vera Viewer', ['Robotics engineer, Lisbon.', ...EXPERIENCE]);
      await mutateAs(page, 'attachments.upload', {
        candidateId,
        applicationId,
        kind: 'resume',
        filename: 'vera-resume.pdf',
        contentBase64: pdf.toString('base64'),
      });

      await page.goto(`${server.url}/admin/#/candidates/${candidateId}/show`);
      await panelsLoaded(page);
      await page.getByRole('button', { name: 'View vera-resume.pdf' }).click();
      const viewer = page.getByRole('dialog', { name: 'vera-resume.pdf' });
      const first = viewer.getByRole('img', { name: 'Page 1 of 2' });
      await first.waitFor();
      await viewer.getByRole('img', { name: 'Page 2 of 2' }).waitFor();
      // Drawn: pdf.js filled the canvas (a blank one would be all one colour).
      await expect
        .poll(
          () =>
            first.evaluate((canvas: HTMLCanvasElement) => {
              const context = canvas.getContext('2d');
              if (!context || canvas.width === 0) return 0;
              const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
              let dark = 0;
              for (let i = 0; i < data.length; i += 4) if (data[i]! < 128) dark += 1;
              return dark;
            }),
          { timeout: 30_000 },
        )
        .toBeGreaterThan(100);
      await screenshot(page, `document-viewer-pdf-${server.dialect}`);
      expect(await axeViolations(page)).toEqual([]);

      await viewer.getByRole('tab', { name: 'Text' }).click();
      const text = viewer.getByRole('article', { name: 'Text of vera-resume.pdf' });
      await text.getByText(/Robotics engineer, Lisbon\./).waitFor();
      expect(await text.textContent()).toContain('shipped motion-planning release 70');
      await viewer.getByRole('button', { name: 'Close' }).click();
      await viewer.waitFor({ state: 'detached' });

      // The application page offers the same viewer.
      await page.goto(`${server.url}/admin/#/applications/${applicationId}/show`);
      await page.getByRole('button', { name: 'View vera-resume.pdf' }).click();
      await page
        .getByRole('dialog', { name: 'vera-resume.pdf' })
        .getByRole('img', { name: 'Page 1 of 2' })
        .waitFor();
      await page.context().close();
    });
  });
}
