/**
 * Talent-pool renewal in a real browser, against the built server with the
 * demo seed: Henrik's consent ends in 20 days, so the server's first round
 * emails him a renewal link. Opening it asks; the button renews, with a
 * receipt, and the page has no axe violations.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { axeViolations, launchBrowser, screenshot, servers } from '../support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The text of a quoted-printable body: soft line breaks joined, =XX escapes decoded ("?t=3D…" is "?t=…"). */
function quotedPrintableDecoded(text: string): string {
  return text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** The renewal link in the email to `email`, once the outbox has delivered it to the mail folder. */
async function renewalLink(dataDir: string, email: string): Promise<string> {
  const dir = join(dataDir, 'mail');
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (existsSync(dir)) {
      for (const file of readdirSync(dir)) {
        const message = readFileSync(join(dir, file), 'utf8');
        if (!message.includes(email) || !/stay in our talent pool/.test(message)) continue;
        const link = /(https?:\/\/\S+\/privacy\/renew\/\?t=[A-Za-z0-9_.-]+)/.exec(quotedPrintableDecoded(message))?.[1];
        if (link) return link;
      }
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('no renewal email arrived');
}

for (const server of servers()) {
  describe(`talent-pool renewal [${server.dialect}]`, () => {
    it('asks on opening the emailed link and renews on the button, with a receipt', async () => {
      const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1000, height: 900 } });
      const page = await context.newPage();
      onTestFailed(async () => {
        if (!page.isClosed()) await screenshot(page, `failed-renewal-${server.dialect}`);
      });
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
      await context.close();
    });
  });
}
