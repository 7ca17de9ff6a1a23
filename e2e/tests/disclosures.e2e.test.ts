/**
 * The disclosure log and Art. 19, end to end in a real browser against the
 * built server with the demo seed (acme lists three recipients; Personio is
 * its HR system, with an address for notices). An applicant applies, a
 * recruiter schedules an interview named after them, the applicant corrects
 * their phone in the portal (nobody received their data, so nobody is told),
 * a recruiter hires them and exports them to HR (now Personio holds their
 * data), the applicant asks for erasure and an admin erases: Personio alone
 * gets the Art. 19 notice.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  chooseSuggestion,
  fromMail,
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

/** Every delivered message that is an Art. 19 notice mentioning `text`. */
function noticesAbout(dataDir: string, text: string): string[] {
  const dir = join(dataDir, 'mail');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((file) => readFileSync(join(dir, file), 'utf8').replace(/=\r?\n/g, ''))
    .filter((message) => /GDPR Art\. 19 notice/.test(message) && message.includes(text));
}

async function portalSignIn(page: Page, server: { url: string; dataDir: string }, email: string) {
  await page.goto(`${server.url}/careers/acme/privacy/portal/`);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Send me a code' }).click();
  await page.getByRole('heading', { name: 'Check your email' }).waitFor();
  const code = await fromMail(server.dataDir, (message) =>
    message.includes(email) && /privacy portal/.test(message)
      ? /^ {4}(\d{6})\s*$/m.exec(message)?.[1]
      : undefined,
  );
  await page.getByLabel(/Code from the email/).fill(code);
  await page.getByRole('button', { name: 'Open my data' }).click();
  await page.getByText(`Signed in as ${email}`).waitFor();
}

for (const server of servers()) {
  describe(`the disclosure log and Art. 19 notices [${server.dialect}]`, () => {
    const name = `Dora Disclosed ${server.dialect}`;
    const email = `dora-${server.dialect}-${Date.now()}@example.test`;

    it('tells the HR recipient alone, because only it received the data', async () => {
      const applicant = await newTestPage(browser);
      await applyToDemoJob(applicant, server, { name, email });

      // A recruiter schedules an interview whose title names the applicant.
      const staff = await signedInPage(browser, server.url, 'recruiter@acme.example');
      const { data } = await queryAs<{ data: Array<{ id: string }> }>(staff, 'applications.list', {
        filter: { q: email },
        pagination: { page: 1, perPage: 5 },
      });
      const applicationId = data[0]?.id;
      if (!applicationId) throw new Error('the application is not in the list');
      await staff.goto(`${server.url}/admin/#/applications/${applicationId}/show`);
      const interviews = staff.getByRole('region', { name: 'Interviews' });
      await interviews.getByRole('button', { name: 'Schedule interview' }).click();
      const dialog = staff.getByRole('dialog');
      await dialog.getByRole('textbox', { name: 'Title' }).fill(`Call with ${name}`);
      await chooseSuggestion(dialog, /^Interviewers/, 'recruiter@acme.example', 'recruiter@acme.example');
      await dialog.getByRole('textbox', { name: 'Location' }).fill(`Meeting room, ask for ${name}`);
      await dialog.getByRole('button', { name: 'Schedule' }).click();
      await interviews.getByRole('heading', { name: `Call with ${name}` }).waitFor();

      // The applicant corrects their phone: nobody holds their data, so nobody is told.
      await portalSignIn(applicant, server, email);
      await applicant.getByText('Nobody: we have not given your data to anyone.').waitFor();
      await applicant.getByLabel(/^Phone/).fill('+49 30 5550142');
      await applicant.getByRole('button', { name: 'Save my contact details' }).click();
      await applicant.getByText('Your contact details are updated.').waitFor();

      // Hired and exported to HR: Personio now holds the data, and the candidate page says so.
      await staff.reload();
      await staff.getByRole('button', { name: 'Move to…' }).click();
      await staff.getByRole('menuitem', { name: /^Hired/ }).click();
      const exportButton = staff.getByRole('button', { name: /^Export to HR/ });
      await exportButton.waitFor();
      await Promise.all([staff.waitForEvent('download'), exportButton.click()]);
      await staff.getByRole('button', { name: 'Export to HR again' }).waitFor();
      const { candidate } = await queryAs<{ candidate: { id: string } }>(staff, 'applications.get', {
        id: applicationId,
      });
      await staff.goto(`${server.url}/admin/#/candidates/${candidate.id}/show`);
      const log = staff.getByRole('region', { name: 'Who received their data' });
      await log.getByRole('cell', { name: /Personio \(HR system\)/ }).waitFor();
      await log.getByText('Export to HR', { exact: true }).waitFor();
      expect(await axeViolations(staff)).toEqual([]);
      await screenshot(staff, `disclosures-candidate-${server.dialect}`);

      // The applicant sees it and asks for erasure.
      await applicant.reload();
      const recipients = applicant.getByRole('region', { name: 'Who received your data' });
      await recipients.getByRole('cell', { name: 'Personio (HR system)' }).waitFor();
      await screenshot(applicant, `disclosures-portal-${server.dialect}`);
      await applicant.getByLabel(/I understand that my applications end/).check();
      await applicant.getByRole('button', { name: 'Erase my data' }).click();
      await applicant.getByText(/Your erasure request is with the team/).waitFor();
      await applicant.context().close();

      // An admin erases (the portal proved the address, so the request is verified already).
      const admin = await signedInPage(browser, server.url, 'admin@acme.example');
      await admin.getByRole('menuitem', { name: 'Data requests' }).click();
      await admin.getByRole('row').filter({ hasText: email }).filter({ hasText: 'Erasure' }).click();
      await admin.waitForURL(/#\/privacy-requests\/[0-9a-f-]{36}\/show/);
      await admin.getByRole('button', { name: 'Erase now' }).click();
      const erase = admin.getByRole('dialog', { name: 'Erase this candidate’s data' });
      await erase.getByRole('textbox', { name: 'Type ERASE to confirm' }).fill('ERASE');
      await erase.getByRole('button', { name: 'Erase permanently' }).click();
      await erase.waitFor({ state: 'hidden' });
      await admin.getByText('The data was erased').waitFor();

      // Exactly one notice about this person: the erasure, to Personio.
      await fromMail(server.dataDir, (message) =>
        /GDPR Art\. 19 notice/.test(message) && message.includes(email) ? 'found' : undefined,
      );
      const notices = noticesAbout(server.dataDir, email);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(/^To: privacy@personio\.example$/m);
      expect(notices[0]).toContain('erasure of personal data');
      await screenshot(admin, `disclosures-erased-${server.dialect}`);
      await admin.context().close();
      await staff.context().close();
    }, 240_000);
  });
}
