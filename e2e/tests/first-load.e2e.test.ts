import { request as httpRequest } from 'node:http';
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newTestPage, screenshot, servers, signIn } from '../support/browser.js';

/**
 * The backoffice's first-load budget, measured in a real browser: the
 * JavaScript a fresh visit downloads for the sign-in page, and for the
 * dashboard after signing in, gzipped. Chromium asks for brotli; the budget
 * is in gzip (what every browser accepts), so each script the browser loaded
 * is fetched again as gzip to count it.
 *
 * Issue 16 asks for at most 250 KB each, and this test fails CI past that.
 * Measured when it was reached: the sign-in page 199 KB, the dashboard 245 KB
 * (from 476 KB before the lazy pages); 248.6 KB once the notification bell
 * came (its panel loads on first click, its kind labels come from
 * @candor/schemas/labels). Most of it is react-dom, MUI,
 * react-router and react-admin's core; what keeps it there: no Zod nor
 * schemas before a page validates (@candor/schemas/labels), react-admin's
 * <Admin>, <Layout>, <Menu> and <Login> replaced by their parts (their
 * defaults import pages never shown), and one vendor chunk for the first page.
 */
const KB = 1024;
const BUDGET_GZIPPED = 250 * KB;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Script = { url: string; transferred: number; encoding: string | undefined };

/** Every script the page loads from here on, with the bytes it took on the wire and its coding. */
function recordScripts(page: Page): () => Promise<Script[]> {
  const seen: Promise<Script>[] = [];
  page.on('response', (response: Response) => {
    if (response.request().resourceType() !== 'script') return;
    seen.push(
      response.finished().then(async () => ({
        url: response.url(),
        transferred: (await response.request().sizes()).responseBodySize,
        encoding: (await response.allHeaders())['content-encoding'],
      })),
    );
  });
  return () => Promise.all(seen);
}

/**
 * The size of a URL's body as sent to a client that accepts gzip (node:http
 * does not decode it, unlike fetch); a file too small to gain from gzip goes
 * out as it is.
 */
function gzippedSize(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
      if (res.headers['content-encoding'] !== undefined && res.headers['content-encoding'] !== 'gzip') {
        reject(new Error(`${url} was sent as ${res.headers['content-encoding']}`));
      }
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.on('end', () => resolve(bytes));
    })
      .on('error', reject)
      .end();
  });
}

async function measure(label: string, scripts: Script[]) {
  const urls = [...new Set(scripts.map((script) => script.url))];
  const sizes = await Promise.all(urls.map(gzippedSize));
  const gzipped = sizes.reduce((sum, size) => sum + size, 0);
  // The largest scripts, so a failure says where the bytes went.
  const largest = urls
    .map((url, i) => ({ name: new URL(url).pathname.split('/').pop(), kb: sizes[i]! / KB }))
    .sort((a, b) => b.kb - a.kb)
    .slice(0, 12)
    .map(({ name, kb }) => `${name} ${kb.toFixed(1)}`);
  const transferred = scripts.reduce((sum, script) => sum + script.transferred, 0);
  console.info(
    `${label}: ${urls.length} scripts, ${(gzipped / KB).toFixed(1)} KB gzipped (budget ${BUDGET_GZIPPED / KB} KB), ${(transferred / KB).toFixed(1)} KB as the browser got them (${[...new Set(scripts.map((s) => s.encoding ?? 'identity'))].join(', ')}); largest (KB): ${largest.join(', ')}`,
  );
  // Every script went out compressed, but for the few too small to gain from it.
  expect(
    scripts.filter((script) => !script.encoding && script.transferred > KB).map((script) => script.url),
  ).toEqual([]);
  return gzipped;
}

for (const server of servers()) {
  describe(`the backoffice's first load [${server.dialect}]`, () => {
    it('keeps the sign-in page’s gzipped JavaScript within 250 KB, every script compressed', async () => {
      const page = await newTestPage(browser);
      const scripts = recordScripts(page);
      await page.goto(`${server.url}/admin/`);
      await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
      await page.waitForLoadState('networkidle');
      await screenshot(page, `first-load-sign-in-${server.dialect}`);
      expect(await measure('sign-in page', await scripts())).toBeLessThanOrEqual(BUDGET_GZIPPED);
      await page.close();
    });

    it('keeps the dashboard’s gzipped JavaScript within 250 KB, signing in included', async () => {
      const page = await newTestPage(browser);
      const scripts = recordScripts(page);
      await signIn(page, server.url);
      await page.waitForLoadState('networkidle');
      await screenshot(page, `first-load-dashboard-${server.dialect}`);
      expect(await measure('dashboard', await scripts())).toBeLessThanOrEqual(BUDGET_GZIPPED);
      await page.close();
    });
  });
}
