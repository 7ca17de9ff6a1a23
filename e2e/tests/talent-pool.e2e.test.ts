/**
 * The talent pool in a real browser, against the built server with the demo
 * seed: an applicant joins it (and asks for news about open roles) on the
 * careers site; a recruiter finds them in the pool, adds them to another
 * open job, and sends a job alert for a third, which reaches them as a
 * marketing email with a one-click unsubscribe.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  chooseOption,
  fromMail,
  launchBrowser,
  newTestPage,
  queryAs,
  screenshot,
  servers,
  signedInPage,
} from '../support/browser.js';
import { applyToDemoJob, DEMO_JOB } from '../support/careers.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const ADD_TO = 'Warehouse Operations Lead';
const ALERT_FOR = 'Account Executive, DACH';

for (const server of servers()) {
  describe(`talent pool [${server.dialect}]`, () => {
    it('an applicant who joined the pool is found, added to another job and sent a job alert', async () => {
      const tag = `${server.dialect}${Date.now()}`;
      const name = `Tala Pool${tag}`;
      const email = `tala.${tag}@example.test`;

      const applicant = await newTestPage(browser);
      await applyToDemoJob(applicant, server, { name, email }, { jobAlerts: true });
      await applicant.context().close();

      const page = await signedInPage(browser, server.url, 'recruiter@acme.example');
      await page.getByRole('menuitem', { name: 'Talent pool' }).click();
      await page.getByRole('heading', { level: 1, name: 'Talent pool' }).waitFor();
      await page.getByPlaceholder('Search name or email').fill(name);
      // The search has narrowed the list to them: a header row and theirs.
      await page.getByText('1-1 of 1').waitFor();
      const row = page.getByRole('row').filter({ hasText: name });
      await row.getByText('Job alerts').waitFor();
      await row.getByText(DEMO_JOB).waitFor();
      await screenshot(page, `talent-pool-${server.dialect}`);
      expect(await axeViolations(page)).toEqual([]);

      // Added to another open job, as from the talent pool.
      await row.getByRole('checkbox').check();
      await page.getByRole('button', { name: 'Add 1 person to a job' }).click();
      const add = page.getByRole('dialog', { name: 'Add 1 person to a job' });
      await chooseOption(add, 'Job', new RegExp(`^${ADD_TO}`));
      await add.getByRole('button', { name: 'Add to job' }).click();
      await page.getByText('Added 1 person to the job').waitFor();
      const candidate = await queryAs<{ applications: Array<{ jobTitle: string }> }>(page, 'candidates.get', {
        id: await row
          .getByRole('link', { name })
          .getAttribute('href')
          .then((href) => href!.split('/')[2]),
      });
      expect(candidate.applications.map((a) => a.jobTitle).sort()).toEqual([ADD_TO, DEMO_JOB].sort());

      // A job alert for a third job: previewed, then sent.
      await page.getByRole('button', { name: 'Send a job alert' }).click();
      const alert = page.getByRole('dialog', { name: 'Send a job alert' });
      await chooseOption(alert, 'Job', new RegExp(`^${ALERT_FOR.replace(/[()]/g, '\\$&')}`));
      const preview = alert.getByRole('region', { name: 'What they would receive' });
      await preview.getByText(`New role at Acme Robotics: ${ALERT_FOR}`).waitFor();
      await preview.getByText('(their own one-click unsubscribe link)').waitFor();
      await screenshot(page, `talent-pool-alert-${server.dialect}`);
      expect(await axeViolations(page)).toEqual([]);
      await alert.getByRole('button', { name: /^Send to \d+ (person|people)$/ }).click();
      await page.getByText(/^Job alert queued for \d+ (person|people)$/).waitFor();

      const mail = await fromMail(server.dataDir, (message) =>
        message.includes(`To: ${email}`) && message.includes(`New role at Acme Robotics: ${ALERT_FOR}`)
          ? message
          : undefined,
      );
      // Headers unfolded (a long one continues on lines that start with white space).
      expect(mail.replace(/\r?\n[ \t]+/g, ' ')).toMatch(
        /^List-Unsubscribe: <http[^>]+\/privacy\/unsubscribe\/\?t=/m,
      );
      expect(mail).toContain(`Hello Tala,`);
      await page.context().close();
    });
  });
}
