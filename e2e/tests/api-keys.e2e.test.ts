/**
 * API keys in a real browser, against the built server with the demo seed:
 * an admin opens API keys from Settings, creates a key with two
 * permissions, copies it with the copy button (shown once), calls the REST
 * API with it from outside the browser, revokes it after confirming, and
 * opens the API reference, which renders under the app's own CSP without
 * any request to another host.
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

for (const server of servers()) {
  describe(`API keys [${server.dialect}]`, () => {
    it('an admin creates a key, copies it, the API answers to it, and after revoking it refuses it', async () => {
      const page = await newTestPage(browser);
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
      await signIn(page, server.url);
      await page.getByRole('menuitem', { name: 'Settings' }).click();
      await page.getByRole('link', { name: 'API keys' }).click();
      await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();

      const name = `HR sync ${Date.now()}`;
      const form = page.getByRole('form', { name: 'New API key' });
      // Nothing chosen: the form says what is missing instead of sending.
      await form.getByRole('button', { name: 'Create key' }).click();
      await form.getByText('Choose at least one permission').waitFor();
      await form.getByLabel('Name').fill(name);
      await form.getByLabel(/Read jobs/).check();
      await form.getByLabel(/Read candidates/).check();
      await form.getByRole('button', { name: 'Create key' }).click();

      await page.getByText('it is shown only this once').waitFor();
      await page.getByRole('button', { name: 'Copy the API key' }).click();
      await page.getByText('Copied the API key').waitFor();
      const key = await page.evaluate(() => navigator.clipboard.readText());
      expect(key).toMatch(/^cnd_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
      expect(await page.getByLabel('API key', { exact: true }).inputValue()).toBe(key);

      const table = page.getByRole('table', { name: 'API keys' });
      const row = table.getByRole('row').filter({ hasText: name });
      await row.waitFor();
      expect(await row.textContent()).toContain(key.slice(0, 12));
      expect(await row.textContent()).toContain('Never');
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `api-keys-${server.dialect}`);

      // The key works from outside the browser, within its permissions.
      const headers = { Authorization: `Bearer ${key}` };
      const jobs = await fetch(`${server.url}/api/v1/jobs`, { headers });
      expect(jobs.status).toBe(200);
      expect(((await jobs.json()) as { data: unknown[] }).data.length).toBeGreaterThan(0);
      const candidates = await fetch(`${server.url}/api/v1/candidates?perPage=5`, { headers });
      expect(candidates.status).toBe(200);
      const apps = await fetch(`${server.url}/api/v1/applications`, { headers });
      expect(apps.status).toBe(403);
      expect(((await apps.json()) as { error: { missingScope: string } }).error.missingScope).toBe(
        'applications:read',
      );

      // Last used shows after a reload; then revoke, after confirming.
      await page.reload();
      await row.waitFor();
      expect(await row.textContent()).not.toContain('Never');
      await row.getByRole('button', { name: `Revoke ${name}` }).click();
      const dialog = page.getByRole('dialog', { name: `Revoke “${name}”?` });
      await dialog.getByRole('button', { name: 'Revoke' }).click();
      await dialog.waitFor({ state: 'detached' });
      await row.getByText('Revoked').waitFor();
      expect((await fetch(`${server.url}/api/v1/jobs`, { headers })).status).toBe(401);
      await page.context().close();
    });

    it('the API reference opens from the API keys page and loads nothing from elsewhere', async () => {
      const page = await newTestPage(browser);
      await signIn(page, server.url);
      await page.goto(`${server.url}/admin/#/settings/api-keys`);
      await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();
      const [reference] = await Promise.all([
        page.context().waitForEvent('page'),
        page.getByRole('link', { name: 'API reference' }).click(),
      ]);
      await reference.waitForLoadState();
      expect(new URL(reference.url()).pathname).toBe('/api/v1/docs');
      await page.context().close();

      // In a context that enforces the CSP (test pages bypass it to inject axe): no violation, no foreign request.
      const context = await browser.newContext();
      const strict = await context.newPage();
      const foreign: string[] = [];
      const violations: string[] = [];
      strict.on('request', (request) => {
        if (!request.url().startsWith(server.url)) foreign.push(request.url());
      });
      strict.on('console', (message) => {
        if (message.type() === 'error') violations.push(message.text());
      });
      await strict.goto(`${server.url}/api/v1/docs`);
      await strict.getByRole('heading', { level: 1, name: /Candor REST API/ }).waitFor();
      await strict.getByRole('heading', { name: 'POST /applications/{id}/stage' }).waitFor();
      expect(foreign).toEqual([]);
      expect(violations).toEqual([]);
      // (The JSON page below has no icon of its own: the browser's request for /favicon.ico is no concern of the reference.)
      await strict.getByRole('link', { name: 'openapi.json' }).click();
      await strict.waitForURL(/\/api\/v1\/openapi\.json$/);
      expect(JSON.parse((await strict.locator('body').textContent()) ?? '').openapi).toBe('3.1.0');
      await context.close();
    });
  });
}
