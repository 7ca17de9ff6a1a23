/**
 * Every backoffice page a person opens from the menu, the account menu and a
 * list's "New" button starts with a top-level heading (axe's
 * page-has-heading-one): what a screen reader's list of headings offers first.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, queryAs, screenshot, servers, signedInPage } from '../support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Page address → the heading it starts with. */
const PAGES: Array<[string, string | RegExp]> = [
  ['#/', /^Welcome/],
  ['#/jobs', 'Jobs'],
  ['#/jobs/create', 'New job'],
  ['#/candidates', 'Candidates'],
  ['#/candidates/create', 'Add candidate'],
  ['#/talent-pool', 'Talent pool'],
  ['#/applications', 'Applications'],
  ['#/outbox', 'Mail outbox'],
  ['#/users', 'Users'],
  ['#/users/create', 'Invite user'],
  ['#/audit', 'Audit log'],
  ['#/privacy-requests', 'Data requests'],
  ['#/privacy-requests/create', 'New privacy request'],
  ['#/account', 'Your account'],
  ['#/notifications', 'Notifications'],
  ['#/security', 'Sign-in & security'],
  ['#/settings', 'Hiring settings'],
  ['#/privacy', 'Privacy'],
  ['#/retention', 'Retention'],
  ['#/settings/background-jobs', 'Background jobs'],
  ['#/diversity', 'Diversity'],
  ['#/reports', 'Reports'],
  ['#/branding', 'Branding'],
];

for (const server of servers()) {
  describe(`page headings [${server.dialect}]`, () => {
    it('every page starts with one top-level heading', async () => {
      const page = await signedInPage(browser, server.url, 'owner@acme.example');
      const { data } = await queryAs<{ data: Array<{ id: string; title: string }> }>(page, 'jobs.list', {
        pagination: { page: 1, perPage: 1 },
      });
      const pages: Array<[string, string | RegExp]> = [
        ...PAGES,
        [`#/jobs/${data[0]!.id}`, `Edit ${data[0]!.title}`],
      ];
      for (const [address, name] of pages) {
        await page.goto(`${server.url}/admin/${address}`);
        const heading = page.getByRole('heading', { level: 1, name, exact: typeof name === 'string' });
        await heading.first().waitFor();
        expect(await page.getByRole('heading', { level: 1 }).count(), address).toBe(1);
        if (address === '#/candidates' || address === '#/jobs/create') {
          await screenshot(page, `heading-${address.slice(2).replace('/', '-')}-${server.dialect}`);
        }
      }
      await page.context().close();
    });
  });
}
