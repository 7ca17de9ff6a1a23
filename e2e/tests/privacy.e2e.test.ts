/**
 * The backoffice's Privacy and Branding pages in a real browser, against the
 * built server with the demo seed. The notice version is published to take
 * effect in the future and the brand colour is restored afterwards, so the
 * careers site the other browser tests see stays as the seed made it.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  chooseOption,
  fromMail,
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

async function adminPage(baseUrl: string): Promise<Page> {
  const page = await newTestPage(browser);
  await signIn(page, baseUrl);
  return page;
}

/** YYYY-MM-DD, `days` from today in UTC (the unit notices take effect in). */
function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** The background of the careers site's header, as the browser computes it. */
async function careersHeaderColour(page: Page, baseUrl: string): Promise<string> {
  const careers = await page.context().newPage();
  await careers.goto(`${baseUrl}/careers/acme/`);
  const colour = await careers.locator('header.site').evaluate((el) => getComputedStyle(el).backgroundColor);
  await careers.close();
  return colour;
}

/** "rgb(r, g, b)" of a #rrggbb colour, as getComputedStyle reports it. */
function rgbOf(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

for (const server of servers()) {
  describe(`privacy and branding in the backoffice [${server.dialect}]`, () => {
    it('edits the draft notice with a live preview, publishes it as a new version and lists it', async () => {
      const page = await adminPage(server.url);
      await page.getByRole('menuitem', { name: 'Privacy' }).click();
      const editor = page.getByRole('textbox', { name: 'Notice (Markdown)' });
      await editor.waitFor();

      const marker = `Retention reviewed ${server.dialect} ${Date.now()}`;
      await editor.fill(
        `# How we handle your application\n\n**${marker}**\n\n<script>window.injected = true</script>\n\n- We keep it short`,
      );
      // The preview renders the Markdown, and shows markup as text instead of running it.
      const preview = page.getByRole('region', { name: 'Preview' });
      await preview.getByRole('heading', { name: 'How we handle your application' }).waitFor();
      await expect(preview.locator('strong', { hasText: marker }).isVisible()).resolves.toBe(true);
      await expect(preview.getByText('<script>window.injected = true</script>').isVisible()).resolves.toBe(
        true,
      );
      expect(
        await page.evaluate(() => (window as unknown as { injected?: boolean }).injected),
      ).toBeUndefined();

      await page.getByRole('button', { name: 'Save draft' }).click();
      await page
        .getByText(/^Draft saved/)
        .first()
        .waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `privacy-draft-${server.dialect}`);

      await page.getByRole('button', { name: 'Publish…' }).click();
      const dialog = page.getByRole('dialog');
      const title =
        (await dialog.getByRole('heading', { name: /^Publish version \d+$/ }).textContent()) ?? '';
      const version = Number(/(\d+)$/.exec(title)?.[1]);
      expect(version).toBeGreaterThan(0);
      expect(await dialog.getByLabel(/^Takes effect on/).inputValue()).toBe(dayFromToday(0));

      // A material change needs a summary; the message comes back next to the field.
      await dialog.getByLabel('This is a material change').check();
      await dialog.getByRole('button', { name: `Publish version ${version}` }).click();
      await dialog.getByText('Say what changed: applicants are told').waitFor();

      // Takes effect next month, so version 1 stays in effect for the other browser tests.
      await dialog.getByLabel(/^Takes effect on/).fill(dayFromToday(30));
      await dialog
        .getByRole('textbox', { name: /^What changed/ })
        .fill('We now say how long we keep applications.');
      // A material change can be emailed to every candidate whose data is held.
      await dialog.getByLabel('Email the change to every candidate whose data you hold').check();
      await screenshot(page, `privacy-publish-${server.dialect}`);
      await dialog.getByRole('button', { name: `Publish version ${version}` }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText(`Version ${version} published`).waitFor();

      const versions = page.getByRole('table', { name: 'Published versions of the privacy notice' });
      const row = versions.getByRole('row').filter({ hasText: `v${version}` });
      await row.getByText('Scheduled').waitFor();
      await expect(row.getByText('Material change').isVisible()).resolves.toBe(true);
      await expect(row.getByText('We now say how long we keep applications.').isVisible()).resolves.toBe(
        true,
      );
      await expect(row.getByText('Adam Admin').isVisible()).resolves.toBe(true);
      // The server emails in batches; the list follows the progress until it says how many were emailed.
      await row.getByText(/^Emailed to [\d,]+ candidates?/).waitFor({ timeout: 45_000 });
      await fromMail(server.dataDir, (mail) =>
        /^Subject: .* is changing how it handles your data$/m.test(mail) ? mail : undefined,
      );
      await expect(
        versions
          .getByRole('row')
          .filter({ hasText: `v${version - 1}` })
          .getByText('In effect')
          .isVisible(),
      ).resolves.toBe(true);

      // Each version opens read-only.
      await row.getByRole('button', { name: `View version ${version}` }).click();
      const view = page.getByRole('dialog', { name: `Privacy notice, version ${version}` });
      await view.getByText(marker).waitFor();
      expect(await view.getByRole('textbox').count()).toBe(0);
      await screenshot(page, `privacy-version-${server.dialect}`);
      await view.getByRole('button', { name: 'Close' }).click();
      await page.context().close();
    });

    it('records the controller and a recipient outside the EEA, and the record of processing lists them', async () => {
      const page = await adminPage(server.url);
      await page.getByRole('menuitem', { name: 'Privacy' }).click();
      const section = page.getByRole('region', { name: 'Controller and recipients' });
      // The demo seed names a DPO and three recipients.
      const dpo = section.getByRole('textbox', { name: 'Data protection officer', exact: true });
      await dpo.waitFor();
      expect(await dpo.inputValue()).toBe('Dana Protection');
      const recipients = section.getByRole('list', { name: 'Recipients' });
      expect(await recipients.getByRole('listitem').count()).toBe(3); // Postmark, Personio (the HR system) and Checkr
      await expect(
        recipients
          .getByRole('listitem', { name: 'Recipient 2' })
          .getByRole('checkbox', { name: /Our HR system/ })
          .isChecked(),
      ).resolves.toBe(true);

      const name = `Robo Analytics ${server.dialect}`;
      await section.getByRole('button', { name: 'Add recipient' }).click();
      const added = recipients.getByRole('listitem', { name: 'Recipient 4' });
      await added.getByRole('textbox', { name: 'Name' }).fill(name);
      await added.getByRole('textbox', { name: 'Purpose' }).fill('Scores interview recordings');
      await added.getByRole('textbox', { name: 'Country' }).fill('in');
      await added.getByText('Transfer outside the EEA').waitFor();
      // India is outside the EEA: with no safeguard named, the message comes back at the safeguard.
      await section.getByRole('button', { name: 'Save controller and recipients' }).click();
      await added.getByText('Name the safeguard for a transfer outside the EEA').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `privacy-recipients-error-${server.dialect}`);

      await chooseOption(added, 'Safeguard', /^Standard contractual clauses/);
      await section.getByRole('button', { name: 'Save controller and recipients' }).click();
      await page.getByText(/^Controller and recipients saved/).waitFor();

      const record = page.getByRole('region', { name: 'Record of processing, full text' });
      await record.getByText(`${name} (processor, IN): Scores interview recordings`).waitFor();
      await record.getByText(`${name} to IN: Standard contractual clauses (Art. 46(2)(c))`).waitFor();
      await expect(record.getByText('Dana Protection (dpo@acme.example)').isVisible()).resolves.toBe(true);
      // The record scrolls on its own: show its recipients and transfers, with the page back at the top.
      await record.getByRole('heading', { name: 'Transfers to third countries' }).scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, `privacy-recipients-${server.dialect}`);

      // Back to the seed's recipients, so the other browser tests see the demo as it was.
      await section.getByRole('button', { name: `Remove ${name}` }).click();
      await section.getByRole('button', { name: 'Save controller and recipients' }).click();
      await record.getByText(name).first().waitFor({ state: 'detached' });
      await page.context().close();
    });

    it('changes the brand colour and the careers site header uses it', async () => {
      const page = await adminPage(server.url);
      await page.getByRole('menuitem', { name: 'Branding' }).click();
      const colour = page.getByRole('textbox', { name: 'Primary colour', exact: true });
      await colour.waitFor();
      const original = await colour.inputValue();
      const brand = original.toLowerCase() === '#7c3aed' ? '#b91c1c' : '#7c3aed';
      try {
        // A colour neither white nor near-black text reads well on is flagged before saving.
        await colour.fill('#777777');
        await page.getByText(/Text is hard to read on this colour/).waitFor();
        await colour.fill(brand);
        await page.getByText(/The careers header uses white text on this colour/).waitFor();
        expect(await axeViolations(page)).toEqual([]);
        await page.getByRole('button', { name: 'Save branding' }).click();
        await page.getByText(/Branding saved/).waitFor();
        await screenshot(page, `branding-${server.dialect}`);

        const careersLink = page.getByRole('link', { name: /Open the careers site/ });
        expect(await careersLink.getAttribute('href')).toBe('/careers/acme/');
        // Saving republishes the site before it answers: the header has the new colour at once.
        expect(await careersHeaderColour(page, server.url)).toBe(rgbOf(brand));
        const careers = await page.context().newPage();
        await careers.goto(`${server.url}/careers/acme/`);
        await screenshot(careers, `careers-branded-${server.dialect}`);
        await careers.close();
      } finally {
        await colour.fill(original);
        await page.getByRole('button', { name: 'Save branding' }).click();
        await expect
          .poll(() => careersHeaderColour(page, server.url), { timeout: 10_000 })
          .toBe(rgbOf(original));
        await page.context().close();
      }
    });
  });
}
