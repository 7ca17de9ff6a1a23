/**
 * "My work" on the dashboard, by role, in a real browser against the built
 * server with the demo seed: a recruiter sees a new application and an
 * overdue scorecard and nudges the interviewer; the hiring manager sees the
 * scorecard they owe and one click opens its form; an admin sees the setup
 * checklist and checks the audit log's integrity.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  launchBrowser,
  mutateAs,
  queryAs,
  screenshot,
  servers,
  signedInPage,
} from '../support/browser.js';

/** Open, with the recruiter and the hiring manager on its team. */
const JOB = 'Senior Robotics Software Engineer';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

for (const server of servers()) {
  describe(`dashboards [${server.dialect}]`, () => {
    it('a recruiter nudges an interviewer whose scorecard is overdue; the manager opens the form from theirs', async () => {
      const tag = `${server.dialect}${Date.now()}`;
      const recruiter = await signedInPage(browser, server.url, 'recruiter@acme.example');
      const people = await queryAs<Array<{ id: string; email: string; name: string }>>(
        recruiter,
        'users.directory',
      );
      const manager = people.find((p) => p.email === 'manager@acme.example')!;
      const { data: jobs } = await queryAs<{ data: Array<{ id: string; title: string }> }>(
        recruiter,
        'jobs.list',
        {
          filter: { q: JOB },
        },
      );
      const jobId = jobs.find((j) => j.title === JOB)!.id;
      const made = await mutateAs<{ applications: Array<{ id: string }> }>(recruiter, 'candidates.create', {
        name: `Dana Dashboard${tag}`,
        email: `dana.${tag}@example.test`,
        jobId,
      });
      // An interview that ended yesterday, with no scorecard from the manager.
      const yesterday = new Date(Date.now() - 86_400_000);
      yesterday.setUTCHours(9, 0, 0, 0);
      await mutateAs(recruiter, 'interviews.schedule', {
        applicationId: made.applications[0]!.id,
        title: `Screen ${tag}`,
        startsAt: yesterday.toISOString(),
        endsAt: new Date(yesterday.getTime() + 3_600_000).toISOString(),
        interviewerIds: [manager.id],
        videoUrl: 'https://meet.example.com/screen',
      });

      await recruiter.goto(`${server.url}/admin/#/`);
      const recruiting = recruiter.getByRole('region', { name: 'Recruiting' });
      await recruiting.getByRole('region', { name: 'New applications' }).getByText(JOB).first().waitFor();
      const overdue = recruiting.getByRole('region', { name: 'Scorecards overdue' });
      const nudge = overdue.getByRole('button', { name: `Nudge ${manager.name}` }).first();
      await nudge.waitFor();
      await screenshot(recruiter, `dashboard-recruiter-${server.dialect}`);
      expect(await axeViolations(recruiter)).toEqual([]);
      await nudge.click();
      await overdue
        .getByRole('button', { name: `Nudged ${manager.name}` })
        .first()
        .waitFor();
      await recruiter.getByText(`${manager.name} was reminded`).waitFor();
      await recruiter.context().close();

      const page = await signedInPage(browser, server.url, 'manager@acme.example');
      const owed = page
        .getByRole('region', { name: 'Your hiring' })
        .getByRole('region', { name: 'Scorecards you owe' });
      const write = owed.getByRole('link', { name: /^Write scorecard:/ }).first();
      await write.waitFor();
      await screenshot(page, `dashboard-manager-${server.dialect}`);
      expect(await axeViolations(page)).toEqual([]);
      await write.click();
      await page
        .getByRole('form', { name: 'Submit your scorecard' })
        .getByRole('radiogroup', { name: 'Recommendation' })
        .waitFor();
      await page.context().close();
    });

    it('an admin sees the setup checklist and checks the audit log’s integrity', async () => {
      const page = await signedInPage(browser, server.url, 'admin@acme.example');
      const organisation = page.getByRole('region', { name: 'Your organisation' });
      const checklist = organisation.getByRole('region', { name: 'Setup checklist' });
      await checklist.getByRole('link', { name: /Publish your first job/ }).waitFor();
      const audit = organisation.getByRole('region', { name: 'Audit log integrity' });
      await audit.getByRole('button', { name: /Check now/ }).click();
      await audit.getByText('Intact', { exact: true }).waitFor();
      await screenshot(page, `dashboard-admin-${server.dialect}`);
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    });
  });
}
