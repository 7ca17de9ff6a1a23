/**
 * The backoffice at a phone's width, 390 × 844 (issue 19): the lists show
 * their records as cards, nothing makes the page scroll sideways, and the
 * page's title in the app bar is not run into by the tenant's name.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  launchBrowser,
  newTestPage,
  screenshot,
  servers,
  signIn,
} from '../support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const LISTS: Array<[string, string]> = [
  ['#/jobs', 'Jobs'],
  ['#/candidates', 'Candidates'],
  ['#/applications', 'Applications'],
  ['#/users', 'Users'],
  ['#/privacy-requests', 'Data requests'],
];

for (const server of servers()) {
  describe(`at 390 px [${server.dialect}]`, () => {
    it('lists are cards and no page scrolls sideways', async () => {
      const page = await newTestPage(browser, { width: 390, height: 844 });
      await signIn(page, server.url, 'owner@acme.example');
      for (const [address, heading] of LISTS) {
        await page.goto('about:blank');
        await page.goto(`${server.url}/admin/${address}`);
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        // A list may be empty under its default filter (open data requests): its message instead of cards.
        await page
          .locator('li > .MuiCard-root')
          .or(page.getByText('Nothing matches these filters.'))
          .first()
          .waitFor({ timeout: 15_000 });
        expect(await page.locator('table').count(), address).toBe(0);
        const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
        expect(width, address).toBeLessThanOrEqual(390);
        const name = address.slice(2);
        await screenshot(page, `small-screen-${name}-${server.dialect}`);
        if (address === '#/jobs') expect(await axeViolations(page)).toEqual([]);
      }
      // The app bar's title keeps its room: it ends before the next item starts.
      const title = await page.locator('#react-admin-title').boundingBox();
      expect(title!.x + title!.width).toBeLessThanOrEqual(390);
      // A card leads to its record.
      await page.goto('about:blank');
      await page.goto(`${server.url}/admin/#/jobs`);
      await page.locator('li > .MuiCard-root a').first().click();
      await page.waitForURL(/#\/jobs\/[^/]+\/show$/);
      await page.context().close();
    });
  });
}
