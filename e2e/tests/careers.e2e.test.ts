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
  describe(`careers site [${server.dialect}]`, () => {
    it('shows the demo tenant’s open jobs with no cookies, no scripts, no outside requests and no axe violations', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      const external: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith(server.url)) external.push(r.url());
      });
      const res = await page.goto(`${server.url}/careers/acme/`);
      expect(res?.status()).toBe(200);
      await expect(page.title()).resolves.toBe('Careers at Acme Robotics');
      expect(await page.getByRole('link', { name: 'Senior Robotics Software Engineer' }).isVisible()).toBe(
        true,
      );
      expect(await page.locator('script').count()).toBe(0);
      expect(await context.cookies()).toEqual([]);
      expect(external).toEqual([]);
      await screenshot(page, `careers-index-${server.dialect}`);
      await context.close();

      // bypassCSP lets the test inject axe-core; the page itself allows no inline scripts.
      const withJs = await (await browser.newContext({ bypassCSP: true })).newPage();
      await withJs.goto(`${server.url}/careers/acme/`);
      expect(await axeViolations(withJs)).toEqual([]);
      await withJs.close();
    });

    it('shows a tenant without open jobs a friendly empty state', async () => {
      const page = await browser.newPage();
      await page.goto(`${server.url}/careers/globex/`);
      expect(await page.getByRole('heading', { name: 'No open roles right now' }).isVisible()).toBe(true);
      await page.close();
    });

    it('renders a job page without JavaScript, with JobPosting data and no axe violations', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${server.url}/careers/acme/`);
      await page.getByRole('link', { name: 'Senior Robotics Software Engineer' }).click();
      await page.getByRole('heading', { level: 1, name: 'Senior Robotics Software Engineer' }).waitFor();
      const scripts = await page
        .locator('script')
        .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('type')));
      expect(scripts).toEqual(['application/ld+json']);
      const posting = JSON.parse(
        (await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
      );
      expect(posting).toMatchObject({ '@type': 'JobPosting', title: 'Senior Robotics Software Engineer' });
      expect(posting.hiringOrganization.name).toBe('Acme Robotics');
      await screenshot(page, `careers-job-${server.dialect}`);
      const url = page.url();
      await context.close();

      const withJs = await (await browser.newContext({ bypassCSP: true })).newPage();
      await withJs.goto(url);
      expect(await axeViolations(withJs)).toEqual([]);
      await withJs.close();
    });

    it('serves the privacy page generated from the catalogue', async () => {
      const page = await (await browser.newContext({ bypassCSP: true })).newPage();
      await page.goto(`${server.url}/careers/acme/`);
      await page.getByRole('link', { name: 'Privacy notice' }).click();
      expect(await page.getByRole('heading', { level: 1, name: 'Privacy notice' }).isVisible()).toBe(true);
      // The tenant's own consent purposes, by the labels applicants tick.
      await page
        .getByText('Keep my profile in the talent pool and contact me about future roles')
        .first()
        .waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  });
}
