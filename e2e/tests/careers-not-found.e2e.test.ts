/**
 * An address on a careers site that names nothing gets the tenant's own
 * not-found page (issue 19): its header, a friendly word and the way back to
 * the open roles, with status 404, no scripts and no axe violations.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, screenshot, servers } from '../support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

for (const server of servers()) {
  describe(`careers not-found page [${server.dialect}]`, () => {
    it('is the tenant’s, says 404 and leads back to the open roles', async () => {
      const context = await browser.newContext({
        javaScriptEnabled: false,
        viewport: { width: 390, height: 844 },
      });
      const page = await context.newPage();
      const res = await page.goto(`${server.url}/careers/acme/jobs/no-such-role/`);
      expect(res?.status()).toBe(404);
      await page.getByRole('heading', { level: 1, name: 'This page is not here' }).waitFor();
      expect(await page.getByRole('link', { name: 'Acme Robotics' }).count()).toBe(1);
      expect(await page.locator('script').count()).toBe(0);
      await screenshot(page, `careers-not-found-${server.dialect}`);

      await page.getByRole('link', { name: 'See the roles that are open now' }).click();
      await page.waitForURL(`${server.url}/careers/acme/`);
      await page.getByRole('heading', { name: 'Open roles' }).waitFor();
      await context.close();

      const withJs = await (await browser.newContext({ bypassCSP: true })).newPage();
      const again = await withJs.goto(`${server.url}/careers/acme/no-such-page`);
      expect(again?.status()).toBe(404);
      expect(await axeViolations(withJs)).toEqual([]);
      await withJs.context().close();
    });
  });
}
