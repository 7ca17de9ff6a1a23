/**
 * GDPR Art. 14 in a real browser: the demo tenant tells the people it adds
 * itself from the candidates list. A recruiter adds a sourced candidate,
 * finds them in the "not yet told" queue, sends the notice from their page,
 * and the email (what is held, where it came from) is delivered.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  fromMail,
  launchBrowser,
  panelsLoaded,
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
  describe(`Art. 14 notices [${server.dialect}]`, () => {
    it('a sourced candidate waits in the queue until the recruiter sends the notice', async () => {
      const tag = `${server.dialect}${Date.now()}`;
      const email = `sourced-${tag}@example.test`;
      const name = `Sol Sourced ${tag}`;
      const page = await signedInPage(browser, server.url, 'recruiter@acme.example');
      await page.goto(`${server.url}/admin/#/candidates/create`);
      await page.getByRole('textbox', { name: 'Full name' }).fill(name);
      await page.getByRole('textbox', { name: 'Email' }).fill(email);
      await page.getByRole('button', { name: 'Add candidate' }).click();

      // The candidate's page says they are owed the notice, with its deadline.
      const banner = page.getByRole('status').filter({ hasText: 'Not yet told where their data came from' });
      await banner.waitFor();
      await panelsLoaded(page);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `sourced-notice-banner-${server.dialect}`);

      // The queue on the candidates list holds them.
      await page.goto(
        `${server.url}/admin/#/candidates?filter=${encodeURIComponent(JSON.stringify({ notTold: true, q: tag }))}`,
      );
      const row = page.getByRole('row').filter({ hasText: name });
      await row.getByText('Not told yet').waitFor();
      await screenshot(page, `sourced-notice-queue-${server.dialect}`);
      expect(await axeViolations(page)).toEqual([]);
      // The queue's own button tells everyone listed (here the one the search left).
      await page.getByRole('button', { name: 'Send privacy notice to 1 listed' }).waitFor();
      await row.getByText(name).click();

      await banner.getByRole('button', { name: 'Send notice now' }).click();
      await page.getByText(`${name} is emailed what we hold and where it came from`).waitFor();
      await banner.waitFor({ state: 'detached' });

      const mail = await fromMail(server.dataDir, (message) =>
        message.includes(email) && message.includes('Where your details came from') ? message : undefined,
      );
      expect(mail).toContain('our recruiters found your public professional profile');
      expect(mail).toContain('What we hold: your name; email address.');
      await page.context().close();
    });
  });
}
