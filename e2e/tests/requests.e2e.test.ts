/**
 * The privacy-request (DSAR) queue in a real browser, against the built
 * server with the demo seed: an admin enters an erasure request received by
 * email for a demo candidate, verifies it and erases the candidate. The
 * candidate is taken from the end of the first page of the candidates list,
 * away from the ones the other browser tests use.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  chooseOption,
  launchBrowser,
  loadedListRows,
  newTestPage,
  panelsLoaded,
  screenshot,
  servers,
  signIn,
} from '../support/browser.js';

const PROOF_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

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

for (const server of servers()) {
  describe(`privacy requests in the backoffice [${server.dialect}]`, () => {
    it('an admin enters an erasure request, verifies it and erases the candidate', async () => {
      const page = await adminPage(server.url);

      // The dashboard counts the queue and links to it.
      const card = page.getByRole('region', { name: 'Privacy requests' });
      // (How many are due soon, or that none are open: the other browser tests may have answered the demo's.)
      await card.getByText(/\d+ due within a week, \d+ overdue|No open privacy requests/).waitFor();
      await card.getByRole('link', { name: 'Privacy requests' }).waitFor();
      await screenshot(page, `requests-dashboard-${server.dialect}`);

      await page.getByRole('menuitem', { name: 'Candidates' }).click();
      const rows = await loadedListRows(page);
      // The name column shows the email under the name; the demo also holds anonymized people, whose
      // placeholder address (…@erased.invalid) has nobody behind it to erase.
      const emails = (await rows.locator('.MuiTypography-caption').allTextContents())
        .map((text) => text.trim())
        .filter((text) => text.includes('@') && !text.endsWith('@erased.invalid'));
      const email = emails.at(-1) ?? '';
      if (!email) throw new Error('no candidate with an email on the first page of the list');

      await page.getByRole('menuitem', { name: 'Data requests' }).click();
      await page.getByRole('link', { name: 'New request' }).click();
      await page.waitForURL(/#\/privacy-requests\/create/);
      // The list (with a Type filter of its own) stays on screen until the form's code has loaded.
      await page.getByRole('button', { name: 'Add request' }).waitFor();
      await chooseOption(page, /^Type/, 'Erasure');
      await page.getByLabel(/^Email/).fill(email);
      await page.getByLabel(/^Country/).fill('DE');
      await page.getByLabel(/^Details/).fill('Phoned in: please delete everything you hold about me.');
      await page.getByRole('button', { name: 'Add request' }).click();

      await page.waitForURL(/#\/privacy-requests\/[0-9a-f-]{36}\/show/);
      const heading = page.getByRole('heading', { level: 1, name: /^Erasure · [0-9A-F]{8}$/ });
      await heading.waitFor();
      const reference = /([0-9A-F]{8})$/.exec((await heading.textContent()) ?? '')?.[1] ?? '';
      await page.getByRole('link', { name: 'Open the candidate' }).waitFor();
      await panelsLoaded(page);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `requests-show-received-${server.dialect}`);

      // Erasing needs a verified identity first.
      expect(await page.getByRole('button', { name: 'Erase now' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Verify identity' }).click();
      const verify = page.getByRole('dialog', { name: 'Verify the requester’s identity' });
      await verify.getByRole('button', { name: 'Mark as verified' }).click();
      await verify.waitFor({ state: 'hidden' });

      await page.getByRole('button', { name: 'Erase now' }).click();
      const erase = page.getByRole('dialog', { name: 'Erase this candidate’s data' });
      await erase.getByText('This cannot be undone.').waitFor();
      await erase.getByRole('button', { name: 'Erase permanently' }).click();
      await erase.getByText('Type ERASE to confirm', { exact: true }).last().waitFor();
      await erase.getByRole('textbox', { name: 'Type ERASE to confirm' }).fill('ERASE');
      await screenshot(page, `requests-erase-dialog-${server.dialect}`);
      await erase.getByRole('button', { name: 'Erase permanently' }).click();
      await erase.waitFor({ state: 'hidden' });
      await page.getByText('The data was erased').waitFor();

      const history = page.getByRole('region', { name: 'History' });
      await history.getByText('Data erased').waitFor();
      await expect(history.getByText('Identity verified').isVisible()).resolves.toBe(true);
      await page.getByText('Your data has been erased.').waitFor();
      expect(await page.getByRole('button', { name: 'Erase now' }).count()).toBe(0);
      await screenshot(page, `requests-show-completed-${server.dialect}`);

      // Nobody is found by the old email any more. (The anonymized row, "Anonymized candidate #…", is
      // not visible in the backoffice: candidates.list leaves it out and candidates.get fails on it.)
      await page.getByRole('menuitem', { name: 'Candidates' }).click();
      await page.getByPlaceholder('Search name or email').fill(email);
      await page.getByText(/No Candidates found/i).waitFor();

      // The queue lists it among the completed requests.
      await page.getByRole('menuitem', { name: 'Data requests' }).click();
      await page.getByRole('link', { name: 'New request' }).waitFor();
      await chooseOption(page, /^Status/, 'Completed');
      const row = page.getByRole('row').filter({ hasText: reference });
      await row.getByText('Completed').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `requests-list-completed-${server.dialect}`);
      await page.context().close();
    });

    it('records a California request from an authorized agent with their proof, and its receipt', async () => {
      const page = await adminPage(server.url);
      await page.goto(`${server.url}/admin/#/privacy-requests/create`);
      await page.getByRole('button', { name: 'Add request' }).waitFor();
      await chooseOption(page, /^Type/, /^Access/);
      await chooseOption(page, /^Received by/, 'Letter');
      await page.getByLabel(/^Email/).fill(`agent-client-${server.dialect}@example.test`);
      await page.getByLabel(/^Country/).fill('US');
      await page.getByLabel(/^US state/).fill('CA');
      await page.getByLabel(/^Agent’s name/).fill('Privacy Rights Agency LLC');
      await page
        .getByLabel(/^Proof of authorization/)
        .fill('Signed permission from the consumer, dated last week.');
      // A file that is not a document is refused before it is sent.
      await page.getByLabel('Choose the proof file…').setInputFiles({
        name: 'proof.exe',
        mimeType: 'application/octet-stream',
        buffer: Buffer.from('MZ'),
      });
      await page.getByText('Choose a PDF, Word, OpenDocument, PNG or JPEG file').waitFor();
      await page
        .getByLabel('Choose the proof file…')
        .setInputFiles({ name: 'signed-permission.pdf', mimeType: 'application/pdf', buffer: PROOF_PDF });
      await page.getByText(/^signed-permission\.pdf \(/).waitFor();
      await page.getByLabel('Send the requester a receipt now').uncheck();
      await page.getByRole('button', { name: 'Add request' }).click();

      await page.waitForURL(/#\/privacy-requests\/[0-9a-f-]{36}\/show/);
      await page.getByRole('heading', { level: 1, name: /^Access/ }).waitFor();
      await page
        .getByText(/^Receipt by /)
        .first()
        .waitFor();
      const agent = page.getByRole('region', { name: 'Authorized agent' });
      await agent.getByText('Privacy Rights Agency LLC').waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        agent.getByRole('button', { name: 'Download the proof signed-permission.pdf' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('signed-permission.pdf');
      await panelsLoaded(page);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `requests-agent-${server.dialect}`);

      await page.getByRole('button', { name: 'Send receipt' }).click();
      const receipt = page.getByRole('dialog', { name: 'Send a receipt' });
      await receipt.getByText(/California requires this by/).waitFor();
      await receipt.getByRole('button', { name: 'Send receipt' }).click();
      await receipt.waitFor({ state: 'hidden' });
      await page
        .getByRole('region', { name: 'Deadlines' })
        .getByText(/^Sent /)
        .waitFor();
      await page.getByRole('region', { name: 'History' }).getByText('Receipt sent').waitFor();
      expect(await page.getByRole('button', { name: 'Send receipt' }).count()).toBe(0);
      await page.context().close();
    });

    it('shows the open queue with deadlines and no axe violations', async () => {
      const page = await adminPage(server.url);
      await page.goto(`${server.url}/admin/#/privacy-requests`);
      await page.getByRole('heading', { name: 'Data requests' }).or(page.locator('table')).first().waitFor();
      await panelsLoaded(page);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `requests-list-open-${server.dialect}`);
      await page.context().close();
    });
  });
}
