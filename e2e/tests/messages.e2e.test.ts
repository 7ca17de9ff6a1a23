/**
 * Writing to candidates in a real browser, against the built server with the
 * demo seed: compose from an application's page with a template (preview,
 * then send, and the email lands in the outbox's mail folder), and bulk email
 * from the applications list, which skips a candidate who restricted processing.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  chooseOption,
  fromMail,
  launchBrowser,
  mutateAs,
  panelsLoaded,
  queryAs,
  screenshot,
  servers,
  signedInPage,
  transitionsDone,
} from '../support/browser.js';
import { DEMO_JOB, newApplicant } from '../support/careers.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

for (const server of servers()) {
  describe(`messages to candidates [${server.dialect}]`, () => {
    it('a recruiter writes to a candidate from the application page with a template, previews it, and it is sent', async () => {
      const tag = `${server.dialect}${Date.now()}`;
      const admin = await signedInPage(browser, server.url, 'admin@acme.example');
      const templateName = `Phone screen ${tag}`;
      // The template is written in Settings, next to the email templates.
      await admin.getByRole('menuitem', { name: 'Settings' }).click();
      const templates = admin.getByRole('region', { name: 'Message templates' });
      await templates.getByRole('button', { name: 'New template' }).click();
      const editor = admin.getByRole('dialog', { name: 'New message template' });
      await editor.getByRole('textbox', { name: 'Name' }).fill(templateName);
      await editor.getByRole('textbox', { name: 'Subject' }).fill('A call about {{job_title}}');
      // A typo in a variable is refused with the ones that exist.
      await editor.getByRole('textbox', { name: 'Message' }).fill('Hi {{first_name}}');
      await editor.getByRole('button', { name: 'Save template' }).click();
      await editor.getByText(/Unknown variable \{\{first_name\}\}/).waitFor();
      await editor
        .getByRole('textbox', { name: 'Message' })
        .fill(
          'Hi {{candidate_first_name}},\n\nCould we have a short call this week?\n\n{{sender_name}}, {{company_name}}',
        );
      await editor.getByRole('button', { name: 'Save template' }).click();
      await admin.getByText(`Template “${templateName}” saved`).waitFor();
      await templates.getByRole('heading', { name: templateName }).waitFor();
      await panelsLoaded(admin);
      await screenshot(admin, `messages-templates-${server.dialect}`);
      expect(await axeViolations(admin)).toEqual([]);
      await admin.context().close();

      const page = await signedInPage(browser, server.url, 'recruiter@acme.example');
      const ines = await newApplicant(page, `Inês Compose${tag}`, `ines.${tag}`);
      await page.goto(`${server.url}/admin/#/applications/${ines.applicationId}/show`);
      // Writing to the candidate starts from the conversation with them.
      const conversation = page.getByRole('region', { name: 'Conversation' });
      await conversation.getByText('No emails yet').waitFor();
      await conversation.getByRole('button', { name: /^Email / }).click();
      const dialog = page.getByRole('dialog', { name: /^Email Inês/ });
      await chooseOption(dialog, 'Template', templateName);
      await expect
        .poll(() => dialog.getByRole('textbox', { name: 'Subject' }).inputValue())
        .toBe('A call about {{job_title}}');
      await dialog.getByRole('button', { name: 'Preview' }).click();
      const preview = dialog.getByRole('region', { name: 'Preview' });
      await preview.getByText(`Subject: A call about ${DEMO_JOB}`).waitFor();
      await preview.getByText(/Hi Inês,/).waitFor();
      await preview.getByText(/privacy\/portal\//).waitFor();
      await transitionsDone(page);
      await screenshot(page, `messages-compose-${server.dialect}`);
      expect(await axeViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Send', exact: true }).click();
      await page.getByText(/^Message to Inês .* sent$/).waitFor();
      // The conversation shows the message without a reload.
      await conversation.getByRole('article', { name: `A call about ${DEMO_JOB}` }).waitFor();

      const mail = await fromMail(server.dataDir, (message) =>
        message.includes(`To: ${ines.email}`) && message.includes('Subject: A call about')
          ? message
          : undefined,
      );
      expect(mail).toContain('/privacy/portal/');
      expect(mail).not.toContain('List-Unsubscribe');
      await page.context().close();
    });

    it('bulk email from the applications list skips a candidate who restricted processing', async () => {
      const tag = `${server.dialect}${Date.now()}`;
      const page = await signedInPage(browser, server.url, 'admin@acme.example');
      const open = await newApplicant(page, `Olu Bulk${tag}`, `olu.${tag}`);
      const held = await newApplicant(page, `Rhea Bulk${tag}`, `rhea.${tag}`);
      await mutateAs(page, 'candidates.restrict', { id: held.candidateId });

      await page.getByRole('menuitem', { name: 'Applications' }).click();
      await page.getByPlaceholder('Search candidate name or email').fill(`Bulk${tag}`);
      await page.getByRole('row').filter({ hasText: open.email }).waitFor();
      await page.getByRole('row').filter({ hasText: held.email }).waitFor();
      const rows = page.getByRole('checkbox', { name: 'Select this row' });
      // The search applies after a short debounce: until then the newest applications of all show.
      await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(2);
      await rows.nth(0).check();
      await rows.nth(1).check();
      await page.getByText('2 items selected').waitFor();
      await page.getByRole('button', { name: 'Email', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Email 2 candidates' });
      await dialog.getByRole('textbox', { name: 'Subject' }).fill('News about {{job_title}}');
      await dialog
        .getByRole('textbox', { name: 'Message' })
        .fill('Hello {{candidate_first_name}}, a quick update.');
      await dialog.getByRole('button', { name: 'Send', exact: true }).click();
      await page.getByText('Queued 1 message; 1 skipped (1 restricted processing of their data)').waitFor();
      await panelsLoaded(page);

      await fromMail(server.dataDir, (message) =>
        message.includes(`To: ${open.email}`) && message.includes('Subject: News about')
          ? 'found'
          : undefined,
      );
      const outbox = await queryAs<{ data: Array<{ to: string; subject: string }> }>(page, 'outbox.list', {
        filter: { q: held.email },
      });
      expect(outbox.data.filter((m) => m.subject.startsWith('News about'))).toEqual([]);
      await page.context().close();
    });

    it('the board emails the candidates of one stage', async () => {
      const page = await signedInPage(browser, server.url, 'recruiter@acme.example');
      const { data } = await queryAs<{ data: Array<{ id: string; title: string }> }>(page, 'jobs.list', {
        filter: { q: DEMO_JOB },
      });
      await page.goto(`${server.url}/admin/#/jobs/${data.find((j) => j.title === DEMO_JOB)!.id}/board`);
      const applied = page.locator('section[data-stage-id]').first();
      await applied.getByRole('listitem').first().waitFor();
      await applied.getByRole('button', { name: /^Email the candidates in / }).click();
      const dialog = page.getByRole('dialog', { name: /^Email \d+ candidates?$/ });
      await dialog.getByText(/each candidate gets their own/).waitFor();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.context().close();
    });

    it('a rejection email waiting to go out is taken back when the rejection is undone', async () => {
      const tag = `${server.dialect}${Date.now()}`;
      const page = await signedInPage(browser, server.url, 'recruiter@acme.example');
      const name = `Remy Undo${tag}`;
      const remy = await newApplicant(page, name, `remy.${tag}`);
      await page.goto(`${server.url}/admin/#/applications/${remy.applicationId}/show`);
      await panelsLoaded(page);
      await page.getByRole('button', { name: 'Reject', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: `Reject ${name}` });
      await chooseOption(page, /^Reason/, 'Skills do not match the role');
      await dialog.getByRole('radio', { name: 'Send in 1 day' }).check();
      await dialog.getByRole('button', { name: 'Reject' }).click();
      await dialog.waitFor({ state: 'detached' });

      // Waiting in the outbox, and shown as such in the conversation.
      const subject = `Your application for ${DEMO_JOB} at Acme Robotics`;
      const conversation = page.getByRole('region', { name: 'Conversation' });
      await conversation.getByRole('article', { name: subject }).waitFor();
      const pending = () =>
        queryAs<{ total: number }>(page, 'outbox.list', {
          filter: { q: remy.email, status: 'pending' },
          pagination: { page: 1, perPage: 10 },
        });
      expect((await pending()).total).toBe(1);

      // Moved back into the process before it went out: the email is taken back, and the page says so.
      await page.getByRole('button', { name: 'Move to…' }).click();
      await page.getByRole('menuitem', { name: 'Applied' }).click();
      await page
        .getByText(`${name} moved to Applied; the rejection email waiting to go out will not be sent`)
        .waitFor();
      await conversation.getByRole('article', { name: subject }).waitFor({ state: 'detached' });
      expect((await pending()).total).toBe(0);
      await page.context().close();
    });
  });
}
