/**
 * Assessments in real browsers against the built server: a recruiter writes
 * a questionnaire on a job's Assessments tab and attaches it to the
 * screening stage; an applicant moved there gets the link and answers it
 * with JavaScript off (Start, Save progress, close, reopen, Submit); the
 * recruiter scores it on the application page. A second applicant is sent
 * the assessment by hand and answers with JavaScript on. The candidate's
 * pages and the staff pages are checked with axe.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  chooseOption,
  fromMail,
  launchBrowser,
  mutateAs,
  newTestPage,
  panelsLoaded,
  screenshot,
  servers,
  signedInPage,
} from '../support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Checks a public page with axe: axe needs JavaScript in the page, the person may use the page without. */
async function axeClean(url: string, heading: string): Promise<void> {
  const checked = await newTestPage(browser);
  await checked.goto(url);
  await checked.getByRole('heading', { name: heading, level: 1 }).waitFor();
  expect(await axeViolations(checked)).toEqual([]);
  await checked.close();
}

for (const server of servers()) {
  describe(`assessments [${server.dialect}]`, () => {
    it('a recruiter writes a questionnaire and attaches it to a stage; the candidate answers without JavaScript, resuming; the recruiter scores it', async () => {
      const tag = `${server.dialect}${Date.now()}`;
      const title = `Warehouse questionnaire ${tag}`;
      const recruiter = await signedInPage(browser, server.url, 'admin@acme.example');
      const job = await mutateAs<{ id: string; stages: Array<{ id: string; name: string; kind: string }> }>(
        recruiter,
        'jobs.create',
        {
          title: `Assessed role ${tag}`,
          department: 'Operations',
          workplace: 'remote',
          employmentType: 'full_time',
        },
      );
      const screening = job.stages.find((s) => s.kind === 'screening')!;

      // Write the assessment on the job's Assessments tab.
      await recruiter.goto(`${server.url}/admin/#/jobs/${job.id}/show/assessments`);
      await recruiter.getByRole('button', { name: 'New assessment' }).click();
      const dialog = recruiter.getByRole('dialog', { name: 'New assessment' });
      await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
      await dialog
        .getByRole('textbox', { name: 'Instructions for the candidate' })
        .fill('Answer in a few sentences.');
      await dialog.getByRole('spinbutton', { name: 'Time limit in minutes' }).fill('30');
      await dialog.getByRole('textbox', { name: 'Question 1' }).fill('How would you organise a stock count?');
      await dialog
        .getByRole('textbox', { name: 'Model answer (for reviewers)' })
        .fill('Cycle counts by zone, reconciled daily.');
      await dialog.getByRole('textbox', { name: 'Criterion 1' }).fill('Method');
      expect(await axeViolations(recruiter)).toEqual([]);
      await dialog.getByRole('button', { name: 'Save assessment' }).click();
      await recruiter.getByText('Assessment created').waitFor();
      await chooseOption(recruiter, `Assessment for ${screening.name}`, title);
      await recruiter.getByText('Stage saved').waitFor();
      await recruiter
        .getByRole('checkbox', { name: `Send automatically on entering ${screening.name}` })
        .waitFor();
      expect(await axeViolations(recruiter)).toEqual([]);
      await screenshot(recruiter, `assessments-job-${server.dialect}`);

      // An applicant enters the stage: the link goes out by itself.
      const email = `ava.${tag}@example.test`;
      const made = await mutateAs<{ applications: Array<{ id: string }> }>(recruiter, 'candidates.create', {
        name: `Ava Assessed${tag}`,
        email,
        jobId: job.id,
        source: 'careers_site',
      });
      const applicationId = made.applications[0]!.id;
      await mutateAs(recruiter, 'applications.move', { ids: [applicationId], stageId: screening.id });
      const localUrl = (link: string) => link.replace(/^http:\/\/localhost:\d+/, server.url);
      const linkFor = async (to: string) =>
        localUrl(
          await fromMail(server.dataDir, (mail) =>
            mail.includes(`To: ${to}`) ? /(http:\/\/\S+\/assessments\/[\w-]+)/.exec(mail)?.[1] : undefined,
          ),
        );
      const url = await linkFor(email);

      // The intro (opening the link starts nothing), checked with axe.
      await axeClean(url, title);
      const page: Page = await newTestPage(browser, { javaScriptEnabled: false });
      await page.goto(url);
      await page.getByText(/You have 30 minutes from the moment you press Start/).waitFor();
      await screenshot(page, `assessments-intro-${server.dialect}`);
      await page.getByRole('button', { name: 'Start' }).click();
      const answer = page.getByRole('textbox', { name: 'Your answer to question 1' });
      await answer.fill('Count one zone a day');
      await page.getByRole('button', { name: 'Save progress' }).click();
      await page.getByText(/Your answers were saved/).waitFor();
      await page.close();

      // Closing the tab and opening the link again resumes where the candidate was.
      await axeClean(url, title);
      const resumed = await newTestPage(browser, { javaScriptEnabled: false });
      await resumed.goto(url);
      const again = resumed.getByRole('textbox', { name: 'Your answer to question 1' });
      expect(await again.inputValue()).toBe('Count one zone a day');
      await screenshot(resumed, `assessments-questions-${server.dialect}`);
      await again.fill('Count one zone a day, reconcile against the system each evening.');
      await resumed.getByRole('button', { name: 'Submit' }).click();
      await resumed.getByText(/Your answers were sent/).waitFor();
      await resumed.close();
      await axeClean(url, title);

      // The recruiter scores it against the rubric on the application page.
      await recruiter.goto(`${server.url}/admin/#/applications/${applicationId}/show`);
      await panelsLoaded(recruiter);
      const panel = recruiter.getByRole('region', { name: 'Assessments' });
      await panel.getByText('Count one zone a day, reconcile against the system each evening.').waitFor();
      await panel.getByText('Cycle counts by zone, reconciled daily.').waitFor();
      await panel.getByRole('spinbutton', { name: 'Method (0 to 5)' }).fill('4');
      await panel.getByRole('textbox', { name: 'Comment on Method' }).fill('Practical.');
      await panel.getByRole('button', { name: 'Save scores' }).click();
      await panel.getByText('Score 4 / 5').waitFor();
      await panelsLoaded(recruiter);
      expect(await axeViolations(recruiter)).toEqual([]);
      await screenshot(recruiter, `assessments-application-${server.dialect}`);

      // A second applicant, sent the assessment by hand, answers with JavaScript on.
      const second = `ben.${tag}@example.test`;
      const other = await mutateAs<{ applications: Array<{ id: string }> }>(recruiter, 'candidates.create', {
        name: `Ben Assessed${tag}`,
        email: second,
        jobId: job.id,
        source: 'careers_site',
      });
      await recruiter.goto(`${server.url}/admin/#/applications/${other.applications[0]!.id}/show`);
      await panelsLoaded(recruiter);
      const otherPanel = recruiter.getByRole('region', { name: 'Assessments' });
      await otherPanel.getByText('No assessment was sent for this application.').waitFor();
      await chooseOption(otherPanel, 'Assessment to send', title);
      await otherPanel.getByRole('button', { name: 'Send' }).click();
      await recruiter.getByText('Assessment sent to the candidate').waitFor();
      await otherPanel.getByText('Sent, not started').waitFor();
      const withScript = await newTestPage(browser);
      await withScript.goto(await linkFor(second));
      await withScript.getByRole('button', { name: 'Start' }).click();
      await withScript.getByRole('textbox', { name: 'Your answer to question 1' }).fill('By zone.');
      await withScript.getByRole('button', { name: 'Submit' }).click();
      await withScript.getByText(/Your answers were sent/).waitFor();
      await withScript.close();
      await recruiter.reload();
      await panelsLoaded(recruiter);
      await otherPanel.getByText('Submitted, to score').waitFor();
      await recruiter.close();
    }, 180_000);
  });
}
