/**
 * The structured profile and corrections, end to end in a real browser
 * against the built server with the demo seed: an applicant applies with a
 * cover letter, a recruiter fills in the candidate's profile (education,
 * right to work, salary expectation) on the candidate page, then corrects
 * the cover letter on the application. Both pages pass axe.
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
import { applyToDemoJob } from '../support/careers.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

for (const server of servers()) {
  describe(`the candidate profile and corrections [${server.dialect}]`, () => {
    const name = `Priya Profile ${server.dialect}`;
    const email = `priya-${server.dialect}-${Date.now()}@example.test`;

    it('a recruiter fills in the profile and corrects what the applicant wrote', async () => {
      const applicant = await newTestPage(browser);
      await applyToDemoJob(applicant, server, { name, email });
      await applicant.context().close();

      const staff = await signedInPage(browser, server.url, 'recruiter@acme.example');
      const { data } = await queryAs<{ data: Array<{ id: string }> }>(staff, 'applications.list', {
        filter: { q: email },
        pagination: { page: 1, perPage: 5 },
      });
      const applicationId = data[0]?.id;
      if (!applicationId) throw new Error('the application is not in the list');
      const { candidate } = await queryAs<{ candidate: { id: string } }>(staff, 'applications.get', {
        id: applicationId,
      });

      await staff.goto(`${server.url}/admin/#/candidates/${candidate.id}/show`);
      const profile = staff.getByRole('region', { name: 'Profile' });
      await profile.getByText('Not recorded').first().waitFor();
      await profile.getByRole('button', { name: 'Edit profile' }).click();
      await profile.getByRole('button', { name: 'Add education' }).click();
      const education = profile.getByRole('group', { name: 'Education 1' });
      await education.getByRole('textbox', { name: /^Institution/ }).fill('Universidade do Porto');
      await education.getByRole('textbox', { name: 'Degree' }).fill('MSc');
      await education.getByRole('textbox', { name: /^From/ }).fill('Sept 2014');
      await profile.getByRole('button', { name: 'Add country' }).click();
      const country = profile.getByRole('group', { name: 'Country 1' });
      await country.getByRole('textbox', { name: /^Country code/ }).fill('pt');
      await country.getByRole('combobox', { name: 'May work there' }).click();
      await staff.getByRole('option', { name: 'Needs sponsorship' }).click();
      await profile.getByRole('textbox', { name: 'Amount' }).fill('64000');
      await profile.getByRole('textbox', { name: 'Currency' }).fill('eur');
      // Leaving with unsaved changes asks first; staying keeps the edits.
      const dialogs: string[] = [];
      staff.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await staff.getByRole('menuitem', { name: 'Candidates' }).click();
      await expect.poll(() => dialogs.length, { timeout: 10_000 }).toBe(1);
      expect(dialogs[0]).toMatch(/changes weren't saved/);
      expect(staff.url()).toMatch(/#\/candidates\/[^/]+\/show$/);
      await profile.getByRole('button', { name: 'Save profile' }).click();
      // A month in the wrong form is named in plain words under its field.
      await education.getByText('Use the form YYYY-MM, e.g. 2019-09').waitFor();
      expect(await axeViolations(staff)).toEqual([]);
      await education.getByRole('textbox', { name: /^From/ }).fill('2014-09');
      await profile.getByRole('button', { name: 'Save profile' }).click();
      await profile.getByText('MSc — Universidade do Porto (2014-09 – now)').waitFor();
      await profile.getByText('PT: Needs sponsorship').waitFor();
      await profile.getByText(/64,000 EUR per year/).waitFor();
      expect(await axeViolations(staff)).toEqual([]);
      await screenshot(staff, `profile-candidate-${server.dialect}`);

      // The cover letter, corrected on the application.
      await staff.goto(`${server.url}/admin/#/applications/${applicationId}/show`);
      await staff.getByRole('button', { name: 'Correct what the applicant sent' }).click();
      const dialog = staff.getByRole('dialog', { name: 'Correct the application' });
      await dialog.getByRole('textbox', { name: 'Cover letter' }).fill('I meant Porto, not Pisa.');
      await dialog.getByRole('textbox', { name: 'Salary expectation' }).fill('around 64k');
      expect(await axeViolations(staff)).toEqual([]);
      await dialog.getByRole('button', { name: 'Save correction' }).click();
      await staff.getByText('Correction saved; the old text is gone').waitFor();
      await staff
        .getByRole('region', { name: 'From the applicant' })
        .getByText('I meant Porto, not Pisa.')
        .waitFor();
      await staff.getByRole('region', { name: 'From the applicant' }).getByText('around 64k').waitFor();
      await staff.context().close();
    });
  });
}
