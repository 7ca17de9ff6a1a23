import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  chooseOption,
  DEMO_PASSWORD,
  fromMail,
  launchBrowser,
  newTestPage,
  screenshot,
  servers,
} from '../support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Fills in the sign-in form (without waiting: one test expects it to fail). */
async function signIn(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/admin/`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function signOut(page: Page) {
  await page
    .getByRole('button', { name: /account menu/i })
    .first()
    .click();
  await page.getByRole('menuitem', { name: /logout|sign out/i }).click();
  await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
}

for (const server of servers()) {
  describe(`backoffice [${server.dialect}]`, () => {
    it('the demo admin signs in from a quiet, branded sign-in page, sees the users of the tenant and their session, and signs out', async () => {
      const page = await newTestPage(browser);
      // Signed out, the sign-in page must load without a single console error (no 401 from "who am I").
      const consoleErrors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      page.on('pageerror', (error) => consoleErrors.push(error.message));
      await page.goto(`${server.url}/admin/`);
      await page.getByRole('heading', { name: 'Candor' }).waitFor();
      await page.getByRole('link', { name: 'Forgot password?' }).waitFor();
      expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe('/admin/favicon.svg');
      expect((await page.request.get(`${server.url}/admin/favicon.svg`)).headers()['content-type']).toContain(
        'svg',
      );
      await page.waitForLoadState('networkidle');
      await screenshot(page, `admin-sign-in-${server.dialect}`);
      expect(consoleErrors).toEqual([]);

      await signIn(page, server.url, 'admin@acme.example');
      await page.getByRole('menuitem', { name: 'Users' }).waitFor();
      // "Your account" lists this very browser among the sessions.
      await page
        .getByRole('button', { name: /account menu/i })
        .first()
        .click();
      await page.getByRole('menuitem', { name: 'Your account' }).click();
      const sessions = page.getByRole('list', { name: 'Your sessions' });
      await sessions.getByText('This browser').waitFor();
      expect(await sessions.getByText('Chrome on Linux').count()).toBeGreaterThan(0);
      await screenshot(page, `admin-account-sessions-${server.dialect}`);
      await page.getByRole('menuitem', { name: 'Users' }).click();
      for (const email of [
        'owner@acme.example',
        'admin@acme.example',
        'recruiter@acme.example',
        'manager@acme.example',
      ]) {
        await page.getByText(email).first().waitFor();
      }
      await screenshot(page, `admin-users-${server.dialect}`);
      await signOut(page);
      await page.goto(`${server.url}/admin/#/users`);
      await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
      await page.close();
    });

    it('shows a wrong password as an error and stays signed out', async () => {
      const page = await newTestPage(browser);
      await signIn(page, server.url, 'admin@acme.example', 'not the right password');
      await page.getByText('Email or password is not correct').waitFor();
      await page.close();
    });

    it('shows a recruiter no Users menu', async () => {
      const page = await newTestPage(browser);
      await signIn(page, server.url, 'recruiter@acme.example');
      await page.getByText('Acme Robotics').first().waitFor();
      expect(await page.getByRole('menuitem', { name: 'Users' }).count()).toBe(0);
      await screenshot(page, `admin-recruiter-dashboard-${server.dialect}`);
      await page.close();
    });

    it('invites a user whose emailed link sets a password that signs in', async () => {
      const page = await newTestPage(browser);
      const email = `invitee-${server.dialect}-${Date.now()}@example.test`;
      await signIn(page, server.url, 'admin@acme.example');
      await page.getByRole('menuitem', { name: 'Users' }).click();
      await page
        .getByRole('link', { name: /invite/i })
        .first()
        .click();
      await page.waitForURL(/#\/users\/create/);
      await page.getByRole('textbox', { name: /^Email/ }).fill(email);
      await page.getByRole('textbox', { name: /^Name/ }).fill('Ivy Invitee');
      await chooseOption(page, 'Role', 'Recruiter');
      await screenshot(page, `admin-invite-${server.dialect}`);
      await page.getByRole('button', { name: /invite|save/i }).click();
      await page.getByText(/invitation sent/i).waitFor();
      await signOut(page);

      const link = await fromMail(server.dataDir, (mail) =>
        mail.includes(`To: ${email}`) ? /(http:\/\/\S+set-password\?token=\S+)/.exec(mail)?.[1] : undefined,
      );
      await page.goto(link.replace(/^http:\/\/localhost:\d+/, server.url));
      const fresh = 'ivy picks a strong passphrase';
      await page.getByLabel(/^New password/).fill(fresh);
      await page.getByLabel(/confirm/i).fill(fresh);
      await screenshot(page, `admin-set-password-${server.dialect}`);
      await page.getByRole('button', { name: /set password/i }).click();
      await page.getByText(/password set/i).waitFor();

      await signIn(page, server.url, email, fresh);
      await page.getByText('Acme Robotics').first().waitFor();
      await page.close();
    });

    it('invites someone who already uses Candor: shown as invited, they join only by signing in on the emailed link', async () => {
      const page = await newTestPage(browser);
      // A user of the other demo tenant (Globex), with the demo password.
      const email = 'recruiter@globex.example';
      await signIn(page, server.url, 'admin@acme.example');
      await page.getByRole('menuitem', { name: 'Users' }).click();
      await page
        .getByRole('link', { name: /invite/i })
        .first()
        .click();
      await page.waitForURL(/#\/users\/create/);
      await page.getByRole('textbox', { name: /^Email/ }).fill(email);
      await page.getByRole('textbox', { name: /^Name/ }).fill('Gloria Globex');
      await chooseOption(page, 'Role', 'Recruiter');
      await page.getByRole('button', { name: /invite|save/i }).click();
      await page.getByText(/invitation sent/i).waitFor();
      // Listed as invited, by address only: nothing says the account already existed.
      await page.getByRole('menuitem', { name: 'Users' }).click();
      const row = page.getByRole('row').filter({ hasText: email });
      await row.getByText('Invited').waitFor();
      expect(await row.getByText(/Recruiter Globex|Gloria/i).count()).toBe(0);
      await signOut(page);

      const link = await fromMail(server.dataDir, (mail) =>
        mail.includes(`To: ${email}`) ? /(http:\/\/\S+set-password\?token=\S+)/.exec(mail)?.[1] : undefined,
      );
      await page.goto(link.replace(/^http:\/\/localhost:\d+/, server.url));
      const accept = page.getByRole('form', { name: 'Accept with your Candor account' });
      await accept.getByLabel(/^Email/).fill(email);
      await accept.getByLabel(/^Password/).fill(DEMO_PASSWORD);
      await screenshot(page, `admin-accept-invitation-${server.dialect}`);
      await accept.getByRole('button', { name: 'Sign in and accept' }).click();
      await page.getByRole('button', { name: /Tenant: Acme Robotics/ }).waitFor();
      await page.close();
    });

    it("switches the demo owner to a second tenant and shows only that tenant's users", async () => {
      const page = await newTestPage(browser);
      await signIn(page, server.url, 'owner@acme.example');
      await page.getByRole('button', { name: /Switch tenant/ }).click();
      await page.getByRole('menuitem', { name: /Globex Labs/ }).click();
      await page.getByRole('button', { name: /Tenant: Globex Labs/ }).waitFor();
      await page.getByRole('menuitem', { name: 'Users' }).click();
      await page.getByText('recruiter@globex.example').waitFor();
      expect(await page.getByText('admin@acme.example').count()).toBe(0);
      await screenshot(page, `admin-switched-tenant-${server.dialect}`);
      await page.close();
    });

    it('has no axe violations on the login page and the users list', async () => {
      const context = await browser.newContext({ bypassCSP: true });
      const page = await context.newPage();
      await page.goto(`${server.url}/admin/`);
      await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await signIn(page, server.url, 'owner@acme.example');
      await page.getByRole('menuitem', { name: 'Users' }).click();
      await page.getByText('owner@acme.example').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    });
  });
}
