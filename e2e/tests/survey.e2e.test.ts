/**
 * The voluntary diversity survey in a real browser, against the built server
 * with the demo seed (acme runs the survey with the UK/EU wording): an
 * applicant applies, is invited in the confirmation email, answers some
 * questions, is told at the box that the survey needs their explicit
 * agreement, agrees, and gets a receipt; the link then says it was answered
 * and shows no answers.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  fromMail,
  launchBrowser,
  newTestPage,
  screenshot,
  servers,
  signIn,
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
  describe(`diversity survey [${server.dialect}]`, () => {
    it('an applicant is invited after applying, answers with explicit consent, and the link does not show the answers again', async () => {
      const page = await newTestPage(browser);
      const email = `sana-${server.dialect}-${Date.now()}@example.test`;
      await applyToDemoJob(page, server, { name: 'Sana Survey', email });
      // The link is the applicant's own: in the confirmation email, not on the page (which anyone
      // typing that address would see).
      const surveyUrl = await fromMail(server.dataDir, (mail) =>
        mail.includes(`To: ${email}`)
          ? /https?:\/\/\S+\/careers\/acme\/diversity\/\?t=\S+/.exec(mail)?.[0]
          : undefined,
      );
      await page.goto(surveyUrl);
      await page.getByRole('heading', { level: 1, name: 'Voluntary diversity survey' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);

      await page.getByRole('group', { name: 'Gender' }).getByLabel('Non-binary').check();
      await page.getByRole('group', { name: 'Age' }).getByLabel('Prefer not to say').check();
      await page.getByRole('button', { name: 'Send my answers' }).click();
      // Without the box ticked, nothing is stored; the answers given are kept in the form.
      await page
        .getByRole('alert')
        .getByText(/Tick the box to agree/)
        .waitFor();
      expect(await page.getByRole('group', { name: 'Gender' }).getByLabel('Non-binary').isChecked()).toBe(
        true,
      );
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `survey-error-${server.dialect}`);

      await page.getByLabel(/I agree that my answers/).check();
      await page.getByRole('button', { name: 'Send my answers' }).click();
      await page.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor();
      await page.getByText(/Your consent receipt/).waitFor();
      await screenshot(page, `survey-done-${server.dialect}`);

      await page.goto(surveyUrl);
      await page.getByRole('heading', { level: 1, name: 'You have answered the survey' }).waitFor();
      expect(await page.getByText('Non-binary').count()).toBe(0);
      await page.context().close();
    });

    it('an admin sets up the survey: the wording, the questions and k, which may not go below 5', async () => {
      const page = await newTestPage(browser);
      await signIn(page, server.url);
      await page.getByRole('menuitem', { name: 'Diversity' }).click();
      await page.getByRole('heading', { level: 1, name: 'Diversity' }).waitFor();
      const survey = page.getByRole('region', { name: 'Survey' });
      const invite = survey.getByLabel('Invite applicants to the survey');
      await invite.waitFor();
      expect(await invite.isChecked()).toBe(true);
      expect(await survey.getByRole('checkbox', { name: 'Sexual orientation' }).isChecked()).toBe(true);

      const k = survey.getByLabel(/Smallest group shown in reports/);
      await k.fill('4');
      await survey.getByRole('button', { name: 'Save survey settings' }).click();
      await survey
        .getByText(/At least 5/)
        .first()
        .waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `diversity-settings-${server.dialect}`);

      await k.fill('10');
      await survey.getByRole('button', { name: 'Save survey settings' }).click();
      await page.getByText('Survey settings saved; applicants are invited').waitFor();

      // The report: the demo has few respondents, so small groups are hidden rather than shown.
      const report = page.getByRole('region', { name: 'Report' });
      await report.getByRole('button', { name: 'Show report' }).click();
      const table = report.getByRole('table', { name: /Respondents by answer and stage/ });
      await table.waitFor();
      expect(await table.getByRole('rowheader', { name: 'Prefer not to say' }).count()).toBe(1);
      const cells = await table.locator('tbody td').allTextContents();
      for (const text of cells) {
        const count = /^\d+/.exec(text)?.[0];
        if (count) expect(Number(count) === 0 || Number(count) >= 10).toBe(true);
      }
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        report.getByRole('button', { name: 'Download CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^diversity-gender-\d{4}-\d{2}-\d{4}-\d{2}\.csv$/);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `diversity-report-${server.dialect}`);
      await page.context().close();
    });
  });
}
