/**
 * Background checks in real browsers against the built server: an admin
 * turns checks on, a recruiter requests one on an application at the offer
 * stage from the application page; the candidate signs the standalone
 * disclosure and authorization with JavaScript off (a missing signature
 * first); the timeline shows it. Staff order it, upload the provider's
 * report and send the pre-adverse notice; the final notice waits for the
 * waiting period; the candidate disputes without JavaScript and staff
 * resolve it. The candidate's page is checked with axe, and so is the staff panel.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  fromMail,
  launchBrowser,
  mutateAs,
  newTestPage,
  panelsLoaded,
  queryAs,
  screenshot,
  servers,
  signedInPage,
} from '../support/browser.js';
import { newApplicant, RESUME_PDF } from '../support/careers.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function noScriptPage(url: string): Promise<Page> {
  const page = await newTestPage(browser, { javaScriptEnabled: false });
  await page.goto(url);
  return page;
}

for (const server of servers()) {
  describe(`background checks [${server.dialect}]`, () => {
    it('a check from request to a disputed pre-adverse notice: signed and disputed without JavaScript, resolved by staff', async () => {
      const tag = `${server.dialect}${Date.now()}`;
      const staff = await signedInPage(browser, server.url, 'admin@acme.example');
      const settings = await queryAs<Record<string, unknown>>(staff, 'privacy.settings');
      await mutateAs(staff, 'privacy.updateSettings', {
        ...settings,
        backgroundChecks: {
          enabled: true,
          viewerRoles: ['owner', 'admin'],
          waitingDays: 5,
          holidays: [],
          retentionMonths: 6,
        },
      });
      const candidate = await newApplicant(staff, `Bea Background${tag}`, `bea.${tag}`);
      const app = await queryAs<{ job: { id: string } }>(staff, 'applications.get', {
        id: candidate.applicationId,
      });
      const job = await queryAs<{ stages: Array<{ id: string; kind: string }> }>(staff, 'jobs.get', {
        id: app.job.id,
      });
      await mutateAs(staff, 'applications.move', {
        ids: [candidate.applicationId],
        stageId: job.stages.find((s) => s.kind === 'offer')!.id,
      });

      await staff.goto(`${server.url}/admin/#/applications/${candidate.applicationId}/show`);
      await panelsLoaded(staff);
      const panel = staff.getByRole('region', { name: 'Background check' });
      await panel.getByText('No background check requested.').waitFor();
      await panel.getByRole('button', { name: 'Request a background check' }).click();
      await staff.getByText('The candidate was emailed the disclosure and authorization').waitFor();
      await panel.getByText('Waiting for the candidate’s authorization').waitFor();
      expect(await axeViolations(staff)).toEqual([]);

      const url = (
        await fromMail(server.dataDir, (mail) =>
          mail.includes(`To: ${candidate.email}`)
            ? /(http:\/\/\S+\/background-checks\/[\w-]+)/.exec(mail)?.[1]
            : undefined,
        )
      ).replace(/^http:\/\/localhost:\d+/, server.url);

      const checked = await newTestPage(browser);
      await checked.goto(url);
      await checked.getByRole('heading', { name: 'Disclosure regarding background investigation' }).waitFor();
      expect(await axeViolations(checked)).toEqual([]);
      await checked.close();

      const page = await noScriptPage(url);
      await page.getByRole('button', { name: 'Sign the authorization' }).click();
      await page.getByRole('alert').getByText('Type your full name to sign').waitFor();
      await page.getByRole('textbox', { name: 'Type your full name to sign' }).fill(`Bea Background${tag}`);
      await page
        .getByRole('checkbox', { name: 'I authorize the background check described in this disclosure' })
        .check();
      await page.getByRole('button', { name: 'Sign the authorization' }).click();
      await page.getByText('Thank you: you signed the authorization.').waitFor();
      await page.getByRole('button', { name: 'Withdraw my authorization' }).waitFor();
      await screenshot(page, 'background-check-signed');
      await page.close();

      await staff.reload();
      await panelsLoaded(staff);
      await panel.getByText('Authorized, not ordered yet').waitFor();
      await panel
        .getByText('Disclosure read and authorization signed by the candidate', { exact: false })
        .waitFor();
      await panel.getByRole('button', { name: 'Order the check' }).click();
      await panel.getByText('Ordered', { exact: true }).waitFor();

      // The provider's report comes in (the manual provider: staff upload it); the decision is adverse.
      await panel.locator('input[type="file"]').setInputFiles({
        name: 'screening-report.pdf',
        mimeType: 'application/pdf',
        buffer: RESUME_PDF,
      });
      await panel.getByRole('button', { name: 'Send pre-adverse notice' }).click();
      await staff.getByText('Pre-adverse action notice sent').first().waitFor();
      // The final notice waits for the business days of the waiting period.
      await expect(
        panel.getByRole('button', { name: /^Final notice after \d{4}-\d{2}-\d{2}$/ }).isDisabled(),
      ).resolves.toBe(true);
      await screenshot(staff, 'background-check-panel');

      // The notice brings a fresh link to the candidate's page, where they dispute the report without JavaScript.
      const disputeUrl = (
        await fromMail(server.dataDir, (mail) =>
          mail.includes(`To: ${candidate.email}`) && mail.includes('pre-adverse action notice')
            ? /(http:\/\/\S+\/background-checks\/[\w-]+)/.exec(mail)?.[1]
            : undefined,
        )
      ).replace(/^http:\/\/localhost:\d+/, server.url);
      const disputing = await noScriptPage(disputeUrl);
      await disputing.getByRole('heading', { name: 'Dispute the report' }).waitFor();
      await disputing
        .getByRole('textbox', { name: /What in the report is wrong or incomplete/ })
        .fill('The record is not mine: a different date of birth.');
      await disputing.getByRole('button', { name: 'Send my dispute' }).click();
      await disputing.getByText(/You disputed the report on/).waitFor();
      await disputing.close();

      await staff.reload();
      await panelsLoaded(staff);
      await panel.getByText('Disputed by the candidate').first().waitFor();
      await panel
        .getByRole('textbox', { name: 'How the dispute was resolved' })
        .fill('The provider confirmed a mix-up; a corrected report follows.');
      expect(await axeViolations(staff)).toEqual([]);
      await panel.getByRole('button', { name: 'Resolve the dispute' }).click();
      await staff.getByText('Dispute resolved; the waiting period resumes').waitFor();
      await panel.getByRole('button', { name: /^Final notice after / }).waitFor();
      // Other tests read acme's privacy page: leave its settings as they were.
      await mutateAs(staff, 'privacy.updateSettings', settings);
    });
  });
}
