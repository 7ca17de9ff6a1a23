/**
 * Reference checks in real browsers against the built server: a recruiter
 * asks the candidate for referees on the application page; the candidate
 * names one from the email's link with JavaScript off; the referee answers
 * the short form (JavaScript off, one missing answer first); the answers
 * show on the application. The candidate's and the referee's pages are
 * checked with axe, and so is the recruiter's dialog.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  fromMail,
  launchBrowser,
  mutateAs,
  newTestPage,
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

/** Checks a public page with axe: axe needs JavaScript in the page, the person uses the page without. */
async function axeClean(url: string, heading: string): Promise<void> {
  const checked = await newTestPage(browser);
  await checked.goto(url);
  await checked.getByRole('heading', { name: heading }).waitFor();
  expect(await axeViolations(checked)).toEqual([]);
  await checked.close();
}

async function noScriptPage(url: string): Promise<Page> {
  const page = await newTestPage(browser, { javaScriptEnabled: false });
  await page.goto(url);
  return page;
}

for (const server of servers()) {
  describe(`reference checks [${server.dialect}]`, () => {
    it('a recruiter asks for referees, the candidate names one, the referee answers without JavaScript, the answers show on the application', async () => {
      const tag = `${server.dialect}${Date.now()}`;
      const recruiter = await signedInPage(browser, server.url, 'admin@acme.example');
      const candidate = await newApplicant(recruiter, `Rory Reference${tag}`, `rory.${tag}`);
      await recruiter.goto(`${server.url}/admin/#/applications/${candidate.applicationId}/show`);
      await panelsLoaded(recruiter);
      const references = recruiter.getByRole('region', { name: 'References' });
      await references.getByText('No references asked for yet.').waitFor();
      await references.getByRole('button', { name: 'Ask the candidate for referees' }).click();
      const dialog = recruiter.getByRole('dialog', { name: 'Ask the candidate for referees' });
      await dialog.getByRole('button', { name: 'Email the candidate' }).waitFor();
      expect(await axeViolations(recruiter)).toEqual([]);
      await dialog.getByRole('button', { name: 'Email the candidate' }).click();
      await recruiter.getByText('The candidate was emailed a link to name their referees').waitFor();
      await references.getByText(/The candidate was asked to name up to 2 referees/).waitFor();

      const localUrl = (link: string) => link.replace(/^http:\/\/localhost:\d+/, server.url);
      const nameUrl = localUrl(
        await fromMail(server.dataDir, (mail) =>
          mail.includes(`To: ${candidate.email}`)
            ? /(http:\/\/\S+\/references\/name\/[\w-]+)/.exec(mail)?.[1]
            : undefined,
        ),
      );
      await axeClean(nameUrl, 'Name your referees');
      const naming = await noScriptPage(nameUrl);
      const first = naming.getByRole('group', { name: 'Referee 1' });
      const refereeEmail = `rita.${tag}@example.test`;
      await first.getByRole('textbox', { name: 'Full name' }).fill(`Rita Referee${tag}`);
      await first.getByRole('textbox', { name: 'Email address' }).fill(refereeEmail);
      await first.getByRole('textbox', { name: 'How you know them' }).fill('My team lead at Initech');
      // Forgetting the agreement tick: the page says so and keeps what was typed.
      await naming.getByRole('button', { name: 'Send to my referees' }).click();
      await naming.getByRole('link', { name: 'Confirm that this referee agreed to be contacted' }).waitFor();
      expect(await first.getByRole('textbox', { name: 'Full name' }).inputValue()).toBe(`Rita Referee${tag}`);
      await first.getByRole('checkbox', { name: /This person agreed to be contacted/ }).check();
      await naming.getByRole('button', { name: 'Send to my referees' }).click();
      await naming.getByText('We have emailed your referee a short form.').waitFor();
      await naming.close();

      const answerUrl = localUrl(
        await fromMail(server.dataDir, (mail) =>
          mail.includes(`To: ${refereeEmail}`)
            ? /(http:\/\/\S+\/references\/answer\/[\w-]+)/.exec(mail)?.[1]
            : undefined,
        ),
      );
      const formHeading = `A reference for Rory Reference${tag}`;
      await axeClean(answerUrl, formHeading);
      const form = await noScriptPage(answerUrl);
      await form
        .getByRole('textbox', { name: /How do you know the candidate/ })
        .fill('I led the team Rory worked in for two years.');
      await form.getByRole('button', { name: 'Send reference' }).click();
      // Two required answers missing: a summary linking to each, and the form again.
      await form.getByRole('link', { name: 'Please answer this question' }).waitFor();
      await form.getByRole('link', { name: 'Choose yes or no' }).waitFor();
      await screenshot(form, `references-errors-${server.dialect}`);
      await form
        .getByRole('textbox', { name: /What are their main strengths/ })
        .fill('Patient teacher; ships.');
      await form
        .getByRole('group', { name: /Would you work with them again/ })
        .getByRole('radio', { name: 'Yes' })
        .check();
      await form.getByRole('button', { name: 'Send reference' }).click();
      await form.getByText(/Your reference was sent/).waitFor();
      await form.close();
      // The link worked once.
      const again = await noScriptPage(answerUrl);
      await again.getByRole('heading', { name: 'This link does not work' }).waitFor();
      await again.close();

      await recruiter.reload();
      await panelsLoaded(recruiter);
      const answered = references
        .getByRole('listitem')
        .filter({ has: recruiter.getByRole('heading', { name: `Rita Referee${tag}` }) });
      await answered.getByText('Answered', { exact: true }).waitFor();
      await answered.getByText('Patient teacher; ships.').waitFor();
      expect(await axeViolations(recruiter)).toEqual([]);
      await screenshot(recruiter, `references-application-${server.dialect}`);

      // The referee asks for their own data: the request page answers it from their references.
      const request = await mutateAs<{ id: string }>(recruiter, 'requests.create', {
        type: 'access',
        channel: 'email',
        requesterEmail: refereeEmail,
      });
      await recruiter.goto(`${server.url}/admin/#/privacy-requests/${request.id}/show`);
      const asReferee = recruiter.getByRole('region', { name: 'As a referee' });
      const [download] = await Promise.all([
        recruiter.waitForEvent('download'),
        asReferee.getByRole('button', { name: 'Download their data as a referee (JSON)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('referee-data.json');
      const exported = JSON.parse(await readFile(await download.path(), 'utf8')) as {
        references: Array<{ name: string; answers: Array<{ answer: string }> }>;
      };
      expect(exported.references.map((r) => r.name)).toEqual([`Rita Referee${tag}`]);
      expect(exported.references[0]!.answers.map((a) => a.answer)).toContain('Patient teacher; ships.');
      await panelsLoaded(recruiter);
      expect(await axeViolations(recruiter)).toEqual([]);
      await recruiter.close();
    }, 120_000);
  });
}
