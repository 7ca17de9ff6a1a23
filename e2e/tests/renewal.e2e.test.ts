/**
 * Talent-pool renewal in a real browser, against the built server with the
 * demo seed: Henrik's consent ends in 20 days, so the server's first round
 * emails him a renewal link. Opening it asks; the button renews, with a
 * receipt, and the page has no axe violations.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
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

/** The renewal link in the email to `email`. */
function renewalLink(dataDir: string, email: string): Promise<string> {
  return fromMail(dataDir, (message) =>
    message.includes(email) && /stay in our talent pool/.test(message)
      ? /(https?:\/\/\S+\/privacy\/renew\/\?t=[A-Za-z0-9_.-]+)/.exec(message)?.[1]
      : undefined,
  );
}

for (const server of servers()) {
  describe(`talent-pool renewal [${server.dialect}]`, () => {
    it('asks on opening the emailed link and renews on the button, with a receipt', async () => {
      const page = await newTestPage(browser, { width: 1000 });
      const link = new URL(await renewalLink(server.dataDir, 'henrik.sorensen@example.dk'));
      await page.goto(`${server.url}${link.pathname}${link.search}`);
      await page.getByRole('heading', { level: 1, name: 'Stay in the talent pool?' }).waitFor();
      await expect(page.getByText(/Keep my profile in the talent pool/).isVisible()).resolves.toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `renewal-ask-${server.dialect}`);

      await page.getByRole('button', { name: 'Keep my profile' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your profile stays in the talent pool' }).waitFor();
      await expect(page.getByText(/Your consent receipt/).isVisible()).resolves.toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `renewal-done-${server.dialect}`);
      await page.context().close();
    });
  });
}
