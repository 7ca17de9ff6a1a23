/**
 * A job that asks for the applicant's background (docs/candidate-profile.md):
 * the demo's "Embedded Systems Engineer (C/C++)" asks for education, work
 * history and right to work. Every field is optional; a wrong month comes
 * back next to its field; what was sent lands in the candidate's profile.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  launchBrowser,
  newTestPage,
  queryAs,
  screenshot,
  servers,
  signedInPage,
} from '../support/browser.js';
import { applyFormReady, fillApplication, jobIdByTitle } from '../support/careers.js';

const JOB = 'Embedded Systems Engineer (C/C++)';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

for (const server of servers()) {
  describe(`applying with a profile [${server.dialect}]`, () => {
    it('asks for the background the job wants, points at a wrong month, and saves it to the profile', async () => {
      const email = `ines-${server.dialect}-${Date.now().toString(36)}@example.test`;
      const page = await newTestPage(browser, { width: 1280 });
      await page.goto(`${server.url}/careers/acme/jobs/${jobIdByTitle(server.dataDir, JOB)}/apply/`);
      await applyFormReady(page);
      const background = page.getByRole('region', { name: 'Your background' });
      await background.getByText('All optional: your resume is enough.').waitFor();
      expect(await axeViolations(page)).toEqual([]);

      await fillApplication(page, { name: 'Inês Profile', email });
      await page.getByLabel(/salary expectations/).fill('58k');
      const firstSchool = background.getByRole('group', { name: 'Education 1' });
      await firstSchool.getByLabel('School or university').fill('Universidade de Coimbra');
      await firstSchool.getByLabel('Degree').fill('MSc Electrical Engineering');
      // A month the schema cannot read: the form says so next to the field, and sends nothing.
      await firstSchool.getByLabel('From').evaluate((input: HTMLInputElement) => {
        input.type = 'text';
        input.value = 'autumn 2015';
      });
      await background.getByRole('group', { name: 'Job 1' }).getByLabel('Employer').fill('Bosch');
      await background
        .getByRole('group', { name: 'Are you allowed to work in Portugal?' })
        .getByLabel('Yes')
        .check();
      await page.getByRole('button', { name: /Send application/ }).click();
      await firstSchool.getByText('Use the form YYYY-MM, e.g. 2019-09').waitFor();
      await screenshot(page, `apply-profile-error-${server.dialect}`);

      await firstSchool.getByLabel('From').fill('2015-09');
      await page.getByRole('button', { name: /Send application/ }).click();
      await page.getByRole('heading', { name: /received/i }).waitFor();
      await page.context().close();

      const admin = await signedInPage(browser, server.url, 'admin@acme.example');
      const { data } = await queryAs<{ data: Array<{ id: string }> }>(admin, 'candidates.list', {
        filter: { q: email },
        pagination: { page: 1, perPage: 5 },
      });
      const profile = await queryAs<{
        education: Array<{ institution: string; startDate: string | null }>;
        workHistory: Array<{ employer: string }>;
        rightToWork: Array<{ country: string; status: string }>;
      }>(admin, 'candidates.profile', { id: data[0]!.id });
      expect(profile.education).toEqual([
        expect.objectContaining({ institution: 'Universidade de Coimbra', startDate: '2015-09' }),
      ]);
      expect(profile.workHistory.map((w) => w.employer)).toEqual(['Bosch']);
      expect(profile.rightToWork).toEqual([{ country: 'PT', status: 'yes' }]);
      await admin.close();
    });
  });
}
