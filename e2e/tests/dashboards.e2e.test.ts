/**
 * "My work" on the dashboard, by role, in a real browser against the built
 * server with the demo seed: a recruiter sees a new application and an
 * overdue scorecard and nudges the interviewer; the hiring manager sees the
 * scorecard they owe and one click opens its form; an admin sees the setup
 * checklist and checks the audit log's integrity, and a keyboard's first Tab
 * shows a readable skip link.
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
  transitionsDone,
} from '../support/browser.js';
import { jobIdByTitle } from '../support/careers.js';

/** WCAG's contrast ratio of two opaque `rgb(r, g, b)` colours, as getComputedStyle gives them. */
function contrastRatio(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, b] = (colour.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((c) => {
      const v = Number(c) / 255;
      return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

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
      const jobId = jobIdByTitle(server.dataDir, JOB);
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

      // A keyboard's first Tab shows the skip link over the app bar, and it reads: it was white
      // on the page's off-white, an empty white button over the menu in screenshots.
      await page.reload();
      await checklist.waitFor();
      await page.keyboard.press('Tab');
      const skip = page.getByRole('button', { name: 'Skip to content' });
      await expect(skip.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      await transitionsDone(page);
      expect((await skip.boundingBox())!.y).toBeGreaterThanOrEqual(0);
      // Axe cannot tell (it overlaps the app bar and the menu): its own colours are compared here.
      const [text, background] = await skip.evaluate((el) => {
        const style = getComputedStyle(el);
        return [style.color, style.backgroundColor];
      });
      expect(contrastRatio(text!, background!)).toBeGreaterThanOrEqual(4.5);
      await page.context().close();
    });
  });
}
