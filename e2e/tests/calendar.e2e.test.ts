import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  chooseSuggestion,
  launchBrowser,
  newMember,
  newTestPage,
  queryAs,
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

for (const server of servers()) {
  describe(`calendar settings [${server.dialect}]`, () => {
    it('a member sets their time zone and working hours, and makes and turns off a feed link', async () => {
      const email = `cal.zone.${Date.now()}@example.test`;
      const password = 'harbour quartz lantern meadow';
      await newMember(browser, server, { email, name: 'Cal Zone', password });
      const page = await newTestPage(browser);
      await page.goto(`${server.url}/admin/`);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel(/^Password/).fill(password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page
        .getByRole('button', { name: /account menu/i })
        .first()
        .click();
      await page.getByRole('menuitem', { name: 'Your account' }).click();

      const form = page.getByRole('form', { name: 'Time zone and working hours' });
      await chooseSuggestion(form, 'Time zone', 'Berlin', 'Europe/Berlin');
      await form.getByRole('checkbox', { name: 'Friday' }).uncheck();
      await form.getByLabel('Monday from').fill('08:30');
      await form.getByRole('button', { name: 'Save time zone and hours' }).click();
      await page.getByText('Time zone and working hours saved').waitFor();
      const saved = await queryAs<{
        timeZone: string;
        workingHours: Array<{ weekday: number; start: string }>;
      }>(page, 'calendar.mine');
      expect(saved.timeZone).toBe('Europe/Berlin');
      expect(saved.workingHours.map((r) => r.weekday)).toEqual([1, 2, 3, 4]);
      expect(saved.workingHours[0]!.start).toBe('08:30');

      await page.getByRole('button', { name: 'Make a feed link' }).click();
      const link = page.getByLabel('Your feed link');
      await link.waitFor();
      const url = await link.inputValue();
      expect(url).toMatch(/\/calendar\/feed\/[A-Za-z0-9_-]{43}\.ics$/);
      const feed = await page.request.get(url);
      expect(feed.status()).toBe(200);
      expect(await feed.text()).toContain('BEGIN:VCALENDAR');
      await page.getByRole('form', { name: 'Connect a calendar' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `calendar-account-${server.dialect}`);

      await page.getByRole('button', { name: 'Turn off the feed' }).click();
      await page.getByRole('button', { name: 'Turn off', exact: true }).click();
      await page.getByText('The feed link no longer works').waitFor();
      expect((await page.request.get(url)).status()).toBe(404);
    });
  });
}
