/**
 * Interviews and scorecards in a real browser, against the built server with
 * the demo seed (packages/db/src/seed/demo-hiring.ts and demo-feedback.ts):
 * manager@acme.example is on the Senior Robotics Software Engineer team.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  calendarPart,
  chooseOption,
  chooseSuggestion,
  fromMail,
  launchBrowser,
  mutateAs,
  panelsLoaded,
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

/** An instant as an .ics DTSTART in UTC: 20261208T090000Z. */
function icsTime(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

type Interview = { id: string; interviewers: Array<{ id: string; submitted: boolean }> };
type Person = { id: string; email: string };

/** An active application of JOB on which the manager has not submitted a scorecard yet. */
async function applicationWithoutManagerScorecard(page: Page, managerId: string): Promise<string> {
  const jobs = await queryAs<{ data: Array<{ id: string; title: string }> }>(page, 'jobs.list', {
    filter: { q: JOB },
  });
  const job = jobs.data.find((j) => j.title === JOB);
  if (!job) throw new Error(`no job "${JOB}" in the seed`);
  const { data } = await queryAs<{ data: Array<{ id: string }> }>(page, 'applications.list', {
    filter: { jobId: job.id, status: 'active' },
    pagination: { page: 1, perPage: 50 },
  });
  for (const application of data) {
    const interviews = await queryAs<Interview[]>(page, 'interviews.forApplication', {
      applicationId: application.id,
    });
    const managerDone = interviews.some((i) => i.interviewers.some((p) => p.id === managerId && p.submitted));
    if (!managerDone) return application.id;
  }
  throw new Error(`no active application of "${JOB}" without a scorecard by the manager`);
}

for (const server of servers()) {
  describe(`interviews and feedback [${server.dialect}]`, () => {
    it('a recruiter moves an interview, then cancels it; the candidate is told each time', async () => {
      const recruiter = await signedInPage(browser, server.url, 'recruiter@acme.example');
      const people = await queryAs<Person[]>(recruiter, 'users.directory');
      const manager = people.find((p) => p.email === 'manager@acme.example');
      if (!manager) throw new Error('the demo users are missing');
      const applicationId = await applicationWithoutManagerScorecard(recruiter, manager.id);
      const application = await queryAs<{ candidate: { email: string }; job: { title: string } }>(
        recruiter,
        'applications.get',
        { id: applicationId },
      );
      const title = `Moved interview ${server.dialect} ${Date.now()}`;
      const inTwoDays = new Date(Date.now() + 2 * 86_400_000);
      inTwoDays.setUTCHours(9, 0, 0, 0);
      const scheduled = await mutateAs<{ id: string }>(recruiter, 'interviews.schedule', {
        applicationId,
        title,
        startsAt: inTwoDays.toISOString(),
        endsAt: new Date(inTwoDays.getTime() + 3_600_000).toISOString(),
        interviewerIds: [manager.id],
        videoUrl: 'https://meet.example.com/moved',
      });

      // The candidate's invitation carries the event: a request from the organiser, to every attendee.
      const candidate = application.candidate.email;
      const uid = `UID:${scheduled.id}@candor`;
      /** The calendar part of the candidate's email about this interview that `holds` says is the one. */
      const candidateEvent = (holds: (ics: string) => boolean) =>
        fromMail(server.dataDir, (mail) => {
          const ics = mail.includes(`To: ${candidate}`) ? calendarPart(mail) : undefined;
          return ics?.includes(uid) && holds(ics) ? ics : undefined;
        });
      const invitation = await candidateEvent((ics) => ics.includes('METHOD:REQUEST'));
      expect(invitation).toContain('METHOD:REQUEST');
      expect(invitation).toMatch(/ORGANIZER[^\r\n]*:mailto:/);
      expect(invitation).toMatch(
        new RegExp(`ATTENDEE[^\\r\\n]*:mailto:${candidate.replace(/[.+]/g, '\\$&')}`),
      );
      expect(invitation).toContain(`DTSTART:${icsTime(inTwoDays)}`);

      await recruiter.goto(`${server.url}/admin/#/applications/${applicationId}/show`);
      const item = recruiter
        .getByRole('region', { name: 'Interviews' })
        .getByRole('listitem')
        .filter({ has: recruiter.getByRole('heading', { name: title }) });
      await item.getByRole('button', { name: 'Move interview' }).click();
      const dialog = recruiter.getByRole('dialog', { name: `Move ${title}` });
      // A day later, same hour: the end follows the start.
      const later = new Date(inTwoDays.getTime() + 86_400_000);
      // Typed in the recruiter's zone from Your account: the demo users have none set, so UTC.
      const local = (d: Date) => d.toISOString().slice(0, 16);
      await dialog.getByLabel('Starts').fill(local(later));
      await dialog.getByRole('button', { name: 'Move interview' }).click();
      await recruiter.getByText(`${title} moved; everyone invited was sent the new time`).waitFor();
      // The update replaces the event in the candidate's calendar: same UID, a higher SEQUENCE, the new time.
      const update = await candidateEvent((ics) => ics.includes('SEQUENCE:1'));
      expect(update).toContain('METHOD:REQUEST');
      expect(update).toContain(`DTSTART:${icsTime(later)}`);
      await fromMail(server.dataDir, (mail) =>
        mail.includes(`To: ${candidate}`) && mail.includes('New time for your interview') ? mail : undefined,
      );

      await item.getByRole('button', { name: 'Cancel interview' }).click();
      await recruiter.getByRole('dialog').getByRole('button', { name: 'Cancel interview' }).click();
      await recruiter
        .getByText(`${title} cancelled; everyone invited was sent a calendar cancellation`)
        .waitFor();
      await item.getByText('Cancelled', { exact: true }).waitFor();
      await fromMail(server.dataDir, (mail) =>
        mail.includes(`To: ${candidate}`) &&
        mail.includes(`Your interview for ${application.job.title} is cancelled`)
          ? mail
          : undefined,
      );
      // The cancellation removes the same event from the candidate's calendar.
      const cancellation = await candidateEvent((ics) => ics.includes('METHOD:CANCEL'));
      expect(cancellation).toContain('STATUS:CANCELLED');
      await recruiter.close();
    });

    it('a recruiter schedules an interview; the manager must submit a scorecard before seeing the others', async () => {
      const recruiter = await signedInPage(browser, server.url, 'recruiter@acme.example');
      const people = await queryAs<Person[]>(recruiter, 'users.directory');
      const manager = people.find((p) => p.email === 'manager@acme.example');
      const me = people.find((p) => p.email === 'recruiter@acme.example');
      if (!manager || !me) throw new Error('the demo users are missing');
      const applicationId = await applicationWithoutManagerScorecard(recruiter, manager.id);
      const title = `Systems interview ${server.dialect} ${Date.now()}`;

      // The recruiter schedules it in the dialog, with the manager and themselves.
      await recruiter.goto(`${server.url}/admin/#/applications/${applicationId}/show`);
      const interviews = recruiter.getByRole('region', { name: 'Interviews' });
      await interviews.getByRole('button', { name: 'Schedule interview' }).click();
      const dialog = recruiter.getByRole('dialog');
      await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
      for (const email of ['manager@acme.example', 'recruiter@acme.example']) {
        await chooseSuggestion(dialog, /^Interviewers/, email, email);
      }
      await dialog.getByRole('textbox', { name: 'Video link' }).fill('https://meet.example.com/e2e');
      await dialog.getByRole('button', { name: 'Schedule' }).click();
      await recruiter
        .getByText(/scheduled; the interviewers and the candidate were sent a calendar invitation/)
        .waitFor();
      await interviews.getByRole('heading', { name: title }).waitFor();

      // The recruiter submits their scorecard for it, so there is one the manager may not see yet.
      const scorecardForm = recruiter.getByRole('form', { name: 'Submit your scorecard' });
      await scorecardForm.waitFor();
      if (await scorecardForm.getByRole('combobox', { name: 'Interview' }).count()) {
        await chooseOption(scorecardForm, 'Interview', new RegExp(title));
      }
      // The job's criteria come first, the recommendation last.
      const recruiterGroups = await scorecardForm.getByRole('radiogroup').all();
      for (const group of recruiterGroups.slice(0, -1))
        await group.getByRole('radio', { name: /^3/ }).check();
      await scorecardForm
        .getByRole('radiogroup', { name: 'Recommendation' })
        .getByRole('radio', { name: 'Yes', exact: true })
        .check();
      await scorecardForm.getByRole('textbox', { name: 'Notes' }).fill('Recruiter view: solid.');
      await scorecardForm.getByRole('button', { name: 'Submit scorecard' }).click();
      await recruiter.getByText('Scorecard submitted', { exact: true }).waitFor();
      await recruiter.close();

      // The manager opens the application: the scorecards stay hidden until theirs is in.
      const page = await signedInPage(browser, server.url, 'manager@acme.example');
      await page.goto(`${server.url}/admin/#/applications/${applicationId}/show`);
      const feedback = page.getByRole('region', { name: 'Feedback' });
      await feedback.getByText(/scorecards? submitted — submit yours to see them/).waitFor();
      await expect(feedback.getByRole('list', { name: 'Scorecards' }).count()).resolves.toBe(0);
      await page.getByRole('region', { name: 'Interviews' }).getByRole('heading', { name: title }).waitFor();

      // The form comes once the job (its criteria) is loaded, after the interviews: wait for it before counting its parts.
      const form = page.getByRole('form', { name: 'Submit your scorecard' });
      await form.getByRole('radiogroup', { name: 'Recommendation' }).waitFor();
      if (await form.getByRole('combobox', { name: 'Interview' }).count()) {
        await chooseOption(form, 'Interview', new RegExp(title));
      }
      const groups = await form.getByRole('radiogroup').all();
      expect(groups.length).toBeGreaterThan(1);
      // The job's criteria, then the recommendation.
      for (const group of groups.slice(0, -1)) await group.getByRole('radio', { name: /^4/ }).check();
      await form
        .getByRole('radiogroup', { name: 'Recommendation' })
        .getByRole('radio', { name: 'Strong yes' })
        .check();
      await form.getByRole('textbox', { name: 'Notes' }).fill('Excellent systems thinking.');
      await screenshot(page, `feedback-form-${server.dialect}`);
      await form.getByRole('button', { name: 'Submit scorecard' }).click();
      await page.getByText('Scorecard submitted', { exact: true }).waitFor();

      // Now the summary and the scorecards themselves show.
      await feedback.getByRole('list', { name: 'Recommendations' }).waitFor();
      await feedback.getByRole('list', { name: 'Average rating per criterion' }).waitFor();
      const scorecards = feedback.getByRole('list', { name: 'Scorecards' });
      await scorecards.getByText('Excellent systems thinking.').waitFor();
      await scorecards.getByText('Recruiter view: solid.').waitFor();
      await expect(feedback.getByText(/submit yours to see them/).count()).resolves.toBe(0);
      await screenshot(page, `feedback-application-${server.dialect}`);
    });

    it('has no axe violations on an application page with interviews, feedback and an offer', async () => {
      const page = await signedInPage(browser, server.url, 'admin@acme.example');
      const { data } = await queryAs<{ data: Array<{ id: string }> }>(page, 'applications.list', {
        filter: { status: 'active' },
        pagination: { page: 1, perPage: 100 },
      });
      // One with an offer if the seed has one, else the first.
      let target = data[0]?.id;
      for (const application of data) {
        const offers = await queryAs<unknown[]>(page, 'offers.forApplication', {
          applicationId: application.id,
        });
        if (offers.length > 0) {
          target = application.id;
          break;
        }
      }
      if (!target) throw new Error('no active application in the seed');
      await page.goto(`${server.url}/admin/#/applications/${target}/show`);
      await page.getByRole('region', { name: 'Offer' }).waitFor();
      await page.getByRole('region', { name: 'Feedback' }).waitFor();
      // Interviews, feedback and offers load beside the application.
      await panelsLoaded(page);
      await screenshot(page, `application-offer-${server.dialect}`);
      expect(await axeViolations(page)).toEqual([]);
    });

    it('has no axe violations on the candidate files and the email templates', async () => {
      const page = await signedInPage(browser, server.url, 'admin@acme.example');
      const { data } = await queryAs<{ data: Array<{ id: string }> }>(page, 'candidates.list', {
        pagination: { page: 1, perPage: 1 },
      });
      const candidateId = data[0]?.id;
      if (!candidateId) throw new Error('no candidate in the seed');
      await page.goto(`${server.url}/admin/#/candidates/${candidateId}/show`);
      const files = page.getByRole('region', { name: 'Files' });
      const upload = files.getByRole('form', { name: 'Upload a file' });
      await upload.waitFor();
      // The panels above still loading move the form down: a click then lands between its press and release.
      await panelsLoaded(page);
      const filename = `cv-${server.dialect}-${Date.now()}.pdf`;
      await upload.locator('input[type="file"]').setInputFiles({
        name: filename,
        mimeType: 'application/pdf',
        buffer: Buffer.from(
          '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
        ),
      });
      await upload.getByRole('button', { name: 'Upload' }).click();
      await page.getByText(`${filename} uploaded`).waitFor();
      await files.getByRole('link', { name: `Download ${filename}` }).waitFor();
      await panelsLoaded(page);
      await screenshot(page, `candidate-files-${server.dialect}`);
      expect(await axeViolations(page)).toEqual([]);

      await page.goto(`${server.url}/admin/#/settings`);
      const templates = page.getByRole('region', { name: 'Email templates' });
      await templates.getByRole('region', { name: 'Rejection' }).waitFor();
      const rejection = templates.getByRole('region', { name: 'Rejection' });
      await rejection.getByRole('textbox', { name: 'Subject' }).fill('About {{job_titel}}');
      await rejection.getByRole('button', { name: 'Save' }).click();
      await rejection.getByText(/Unknown variable \{\{job_titel\}\}/).waitFor();
      await screenshot(page, `settings-email-templates-${server.dialect}`);
      expect(await axeViolations(page)).toEqual([]);
    });
  });
}
