/**
 * The backoffice's two searches, as the browser tests drive them: the
 * documents search page and the Ctrl-K palette. Each search starts on a
 * freshly loaded page, so no answer of an earlier search is still on screen.
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Runs a document search for `q` and returns the results once they are counted. */
export async function searchDocuments(page: Page, baseUrl: string, q: string): Promise<Locator> {
  await page.goto('about:blank');
  await page.goto(`${baseUrl}/admin/#/search?q=${encodeURIComponent(q)}`);
  await page.getByRole('heading', { level: 1, name: 'Search in documents' }).waitFor();
  await page.getByRole('status').filter({ hasText: /match/ }).waitFor();
  return page.getByRole('region', { name: 'Results' });
}

/**
 * Searches for `q` until a result links to `name` (the server indexes a new
 * document in the background) and returns that result.
 */
export async function waitUntilFound(page: Page, baseUrl: string, q: string, name: RegExp): Promise<Locator> {
  await expect
    .poll(async () => (await searchDocuments(page, baseUrl, q)).getByRole('link', { name }).count(), {
      timeout: 30_000,
      interval: 1_000,
    })
    .toBe(1);
  return page.getByRole('region', { name: 'Results' }).getByRole('link', { name });
}

/** The search for `q` comes back empty. */
export async function expectNoDocumentMatch(page: Page, baseUrl: string, q: string): Promise<void> {
  const results = await searchDocuments(page, baseUrl, q);
  await expect(results.getByRole('status').textContent()).resolves.toBe('No document matches');
  expect(await results.getByRole('link').count()).toBe(0);
}

/** Opens the Ctrl-K palette on the page as it is and returns its dialog. */
export async function openPalette(page: Page): Promise<Locator> {
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Go to a candidate, job or application' });
  await dialog.waitFor();
  return dialog;
}

/** Types `q` into the palette, opened on a freshly loaded page, and returns the dialog. */
export async function paletteSearch(page: Page, baseUrl: string, q: string): Promise<Locator> {
  await page.goto('about:blank');
  await page.goto(`${baseUrl}/admin/#/search`);
  await page.getByRole('heading', { level: 1, name: 'Search in documents' }).waitFor();
  const dialog = await openPalette(page);
  await dialog.getByRole('combobox', { name: 'Search' }).fill(q);
  return dialog;
}

/** The palette finds nothing for `q`. */
export async function expectNothingInPalette(page: Page, baseUrl: string, q: string): Promise<Locator> {
  const palette = await paletteSearch(page, baseUrl, q);
  await palette.getByText('Nothing found').waitFor();
  expect(await palette.getByRole('option').count()).toBe(0);
  return palette;
}
