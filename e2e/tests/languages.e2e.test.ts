/**
 * The careers site in the applicant's language, in a real browser against
 * the built server with the demo seed: the demo tenant offers English,
 * German, French and Spanish; a browser that prefers German lands on the
 * German pages, applies in German, sees the German confirmation, receives
 * the German email and finds the privacy portal in German; the switcher
 * (plain links, no cookie) changes the language. English only is restored
 * at the end, as the seed has it.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import {
  axeViolations,
  fromMail,
  launchBrowser,
  mutateAs,
  screenshot,
  servers,
  signIn,
} from '../support/browser.js';
import { applyFormReady, DEMO_JOB, RESUME_PDF } from '../support/careers.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A browser whose language is German: Playwright sends Accept-Language: de-DE. */
async function germanPage(): Promise<Page> {
  const context = await browser.newContext({
    bypassCSP: true,
    locale: 'de-DE',
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  onTestFailed(async () => {
    const name = (expect.getState().currentTestName ?? 'test').replace(/\W+/g, '-').slice(-80);
    if (!page.isClosed()) await screenshot(page, `failed-${name}`);
  });
  return page;
}

async function setLanguages(server: { url: string }, locales: string[]): Promise<void> {
  // Not newTestPage: its screenshot-on-failure hook exists only inside a test.
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const admin = await context.newPage();
  await signIn(admin, server.url);
  await mutateAs(admin, 'settings.updateLanguages', { locales, defaultLocale: 'en' });
  await context.close();
}

for (const server of servers()) {
  describe(`careers languages [${server.dialect}]`, () => {
    const email = `lena-${server.dialect}-${Date.now()}@example.test`;

    beforeAll(() => setLanguages(server, ['en', 'de', 'fr', 'es']));
    afterAll(() => setLanguages(server, ['en']));

    it('a German browser lands on German pages, applies in German and gets the German email and portal', async () => {
      const page = await germanPage();
      await page.goto(`${server.url}/careers/acme/`);
      await page.waitForURL(`${server.url}/careers/acme/de/`);
      expect(await page.getAttribute('html', 'lang')).toBe('de');
      await page.getByRole('heading', { level: 2, name: 'Offene Stellen' }).waitFor();
      expect(await page.locator('link[rel=alternate][hreflang=x-default]').getAttribute('href')).toMatch(
        /\/careers\/acme\/$/,
      );

      await page.getByRole('link', { name: DEMO_JOB }).click();
      await page.getByRole('heading', { level: 2, name: 'Über die Stelle' }).waitFor();
      // The job has no German text yet: its English wording is marked as English for screen readers.
      expect(await page.locator('h1 span[lang=en]').textContent()).toBe(DEMO_JOB);
      const posting = JSON.parse(
        (await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
      );
      expect(posting).toMatchObject({ '@type': 'JobPosting', inLanguage: 'en' });
      expect(posting.url).toMatch(/\/careers\/acme\/de\/jobs\//);

      await page.getByRole('link', { name: 'Jetzt bewerben' }).click();
      await page.getByRole('button', { name: 'Bewerbung absenden' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      // The shared schema's message, in German, before anything is sent.
      await applyFormReady(page);
      await page.getByRole('button', { name: 'Bewerbung absenden' }).click();
      await page.getByText('Bestätigen Sie Ihr Alter, um sich zu bewerben').first().waitFor();

      await page.getByLabel(/^Vollständiger Name/).fill('Lena Berg');
      await page.getByLabel(/^E-Mail/).fill(email);
      await page
        .getByLabel(/^Lebenslauf \(/)
        .setInputFiles({ name: 'lebenslauf.pdf', mimeType: 'application/pdf', buffer: RESUME_PDF });
      await page
        .getByRole('group', { name: /right to work in the EU/ })
        .getByLabel('Ja')
        .check();
      await page.getByLabel(/Ich bin mindestens 18 Jahre alt/).check();
      await screenshot(page, `languages-apply-de-${server.dialect}`);
      await page.getByRole('button', { name: 'Bewerbung absenden' }).click();
      await page.getByRole('heading', { level: 1, name: 'Bewerbung eingegangen' }).waitFor();
      await page.getByRole('heading', { name: 'Wie es weitergeht' }).waitFor();

      const subject = await fromMail(server.dataDir, (mail) =>
        mail.includes(`To: ${email}`) ? /^Subject: (.*)$/m.exec(mail)?.[1] : undefined,
      );
      expect(subject).toBe(`Wir haben Ihre Bewerbung als ${DEMO_JOB} erhalten`);

      // The privacy portal from the footer, in German.
      await page.getByRole('link', { name: /^Ihre Daten: einsehen/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Ihre Daten' }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('de');
      await page.getByRole('button', { name: 'Code senden' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `languages-portal-de-${server.dialect}`);
      expect(await page.context().cookies()).toEqual([]);
    });

    it('switches language with plain links, keeping the page and setting no cookie', async () => {
      const page = await germanPage();
      await page.goto(`${server.url}/careers/acme/de/privacy/`);
      await page.getByRole('navigation', { name: 'Sprache' }).getByRole('link', { name: 'Français' }).click();
      await page.waitForURL(`${server.url}/careers/acme/fr/privacy/`);
      expect(await page.getAttribute('html', 'lang')).toBe('fr');
      await page.getByRole('navigation', { name: 'Langue' }).waitFor();

      await page.goto(`${server.url}/careers/acme/privacy/portal/?lang=de`);
      await page.getByRole('navigation', { name: 'Sprache' }).getByRole('link', { name: 'Español' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sus datos' }).waitFor();
      expect(page.url()).toBe(`${server.url}/careers/acme/privacy/portal/?lang=es`);
      await page.getByRole('navigation', { name: 'Idioma' }).getByRole('link', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your data' }).waitFor();
      expect(await page.context().cookies()).toEqual([]);
    });
  });
}
