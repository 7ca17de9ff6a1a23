import { totpCodeFor } from '@candor/api/testing/totp-code';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  launchBrowser,
  mutateAs,
  newMember,
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

async function passwordSignIn(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/admin/`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Sets up an authenticator app on the TwoFactor card shown on the page and confirms the recovery codes. */
async function enrolTotp(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
  await page.getByRole('img', { name: /QR code/ }).waitFor();
  const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
  await page.getByLabel('Code from your app').fill(totpCodeFor(secret));
  await page.getByRole('button', { name: 'Turn on' }).click();
  await page.getByTestId('recovery-codes').waitFor();
  await page.getByRole('button', { name: 'I have saved them' }).click();
}

for (const server of servers()) {
  describe(`a tenant that requires a second factor [${server.dialect}]`, () => {
    it('an owner requires it, sees who has which factor, and a member without one is sent to set one up', async () => {
      const stamp = Date.now();
      const owner = {
        email: `nora.owner.${stamp}@example.test`,
        name: 'Nora Owner',
        password: 'granite lantern orchard piano',
        role: 'owner' as const,
      };
      const member = {
        email: `milo.member.${stamp}@example.test`,
        name: 'Milo Member',
        password: 'velvet harbour cactus tundra',
      };
      await newMember(browser, server, owner);
      await newMember(browser, server, member);

      // The owner needs a second factor of their own before they may require one.
      const ownerPage = await newTestPage(browser);
      await passwordSignIn(ownerPage, server.url, owner.email, owner.password);
      await ownerPage.getByText(/^Welcome/).waitFor();
      await ownerPage
        .getByRole('button', { name: /account menu/i })
        .first()
        .click();
      await ownerPage.getByRole('menuitem', { name: 'Your account' }).click();
      await enrolTotp(ownerPage);
      await ownerPage.getByText(/10 recovery codes left/).waitFor();

      await ownerPage.getByRole('menuitem', { name: 'Sign-in & security' }).click();
      const table = ownerPage.getByRole('table', { name: 'Members and their second factors' });
      await table
        .getByRole('row', { name: /Nora Owner/ })
        .getByText('Authenticator app')
        .waitFor();
      await table
        .getByRole('row', { name: /Milo Member/ })
        .getByText('None')
        .waitFor();
      try {
        // The switch follows the saved setting, so it turns once the API has answered.
        await ownerPage.getByLabel('Require a second factor for everyone').click();
        await ownerPage.getByText('A second factor is now required').waitFor();
        await ownerPage.getByText(/will be asked to set one up/).waitFor();
        expect(await ownerPage.getByLabel('Require a second factor for everyone').isChecked()).toBe(true);
        expect(await axeViolations(ownerPage)).toEqual([]);
        await screenshot(ownerPage, `require-second-factor-owner-${server.dialect}`);

        // The member signs in with their password and meets the set-up screen instead of any page.
        const memberPage = await newTestPage(browser);
        await passwordSignIn(memberPage, server.url, member.email, member.password);
        await memberPage.getByText(/asks everyone to sign in with a second factor/).waitFor();
        expect(await memberPage.getByText(/^Welcome/).count()).toBe(0);
        expect(await axeViolations(memberPage)).toEqual([]);
        await screenshot(memberPage, `require-second-factor-gate-${server.dialect}`);
        await enrolTotp(memberPage);
        await memberPage.getByText(/^Welcome/).waitFor();
        await memberPage.getByRole('menuitem', { name: 'Jobs' }).click();
        await memberPage.getByRole('heading', { name: 'Jobs' }).first().waitFor();
        await memberPage.close();

        // The owner's list now shows the member's factor.
        await ownerPage.reload();
        await table
          .getByRole('row', { name: /Milo Member/ })
          .getByText('Authenticator app')
          .waitFor();
      } finally {
        // Other browser tests sign in to this tenant with passwords only.
        await mutateAs(ownerPage, 'signInRules.setRequireSecondFactor', { required: false });
        await ownerPage.close();
      }
    });
  });
}
