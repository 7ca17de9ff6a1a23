/**
 * Staff notifications in a real browser, against the built server with the
 * demo seed: an admin @mentions a new colleague in a note (picked from the
 * field's suggestions); the colleague's daily digest arrives (the server
 * checks every few seconds in these tests), their bell counts it, and
 * opening it goes to the application.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  fromMail,
  launchBrowser,
  newMember,
  newTestPage,
  panelsLoaded,
  queryAs,
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

for (const server of servers()) {
  describe(`notifications [${server.dialect}]`, () => {
    it('a mention reaches the colleague: digest email, bell with count, link to the application', async () => {
      const stamp = `${server.dialect}${Date.now().toString(36)}`;
      const colleague = {
        email: `nora-${stamp}@acme.example`,
        name: `Nora Notified ${stamp}`,
        password: 'lantern orchid pebble fjord',
      };
      await newMember(browser, server, colleague);

      const admin = await signedInPage(browser, server.url, 'admin@acme.example');
      const { data } = await queryAs<{
        data: Array<{ id: string; candidate: { restrictedAt?: string | null } }>;
      }>(admin, 'applications.list', { filter: { status: 'active' }, pagination: { page: 1, perPage: 20 } });
      // Not one whose candidate restricted processing: no notes can be added about them.
      const applicationId = data.find((a) => !a.candidate.restrictedAt)!.id;
      await admin.goto(`${server.url}/admin/#/applications/${applicationId}/show`);
      await panelsLoaded(admin);
      const field = admin.getByRole('textbox', { name: 'Add a note' });
      await field.fill('Worth a second look, ');
      await field.pressSequentially('@Nora');
      const suggestions = admin.getByRole('listbox', { name: 'Mention a colleague' });
      await suggestions.getByRole('option', { name: colleague.name }).click();
      await expect(field.inputValue()).resolves.toBe(`Worth a second look, @${colleague.name} `);
      await field.pressSequentially('what do you think?');
      await admin.getByRole('button', { name: 'Add note' }).click();
      await admin.getByText(`@${colleague.name} what do you think?`).waitFor();
      await admin.close();

      // New members get a daily digest: one email, what and where, no candidate's name.
      const digest = await fromMail(server.dataDir, (mail) =>
        mail.includes(`To: ${colleague.email}`) && /unread notification/.test(mail) ? mail : undefined,
      );
      expect(digest).toContain('- Mentioned you');
      expect(digest).toContain(`/admin/#/applications/${applicationId}/show`);

      const page = await newTestPage(browser, { width: 1440 });
      await page.goto(`${server.url}/admin/`);
      await page.getByLabel('Email').fill(colleague.email);
      await page.getByLabel(/^Password/).fill(colleague.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByText(/^Welcome/).waitFor();
      const bell = page.getByRole('button', { name: 'Notifications, 1 unread' });
      await bell.click();
      const menu = page.getByRole('dialog', { name: 'Notifications' });
      const item = menu.getByRole('link', { name: /^Unread: Note on .+ Mentioned you · by Adam Admin/ });
      await item.waitFor();
      await screenshot(page, 'notifications-bell-open');
      expect(await axeViolations(page)).toEqual([]);
      await item.click();
      await page.waitForURL(new RegExp(`#/applications/${applicationId}/show$`));
      await page.getByRole('button', { name: 'Notifications, none unread' }).waitFor();

      // The full page lists it, read, with the way to change the email settings.
      await page.goto(`${server.url}/admin/#/notifications`);
      await page
        .getByRole('list', { name: 'Notifications' })
        .getByRole('link', { name: /^Note on / })
        .waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('link', { name: 'Email settings' }).click();
      const emails = page.getByRole('radiogroup', { name: 'Notification emails' });
      await expect(
        emails.getByRole('radio', { name: 'Email me a daily summary of the unread ones' }).isChecked(),
      ).resolves.toBe(true);
      await emails.getByRole('radio', { name: 'Email me each one as it happens' }).check();
      await page.getByText('Notification emails saved').waitFor();
      await page.close();
    });
  });
}
