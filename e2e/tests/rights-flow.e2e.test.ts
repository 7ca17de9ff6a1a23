/**
 * An applicant's rights, end to end in a real browser, against the built
 * server with the demo seed: they apply, sign in to the privacy portal with
 * the code from the email, download their data, leave the talent pool and
 * ask for erasure; then an admin takes the request from the queue, finds a
 * legal hold in the way, releases it and erases the candidate (the portal's
 * emailed code verified the requester).
 */
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
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
import { applyToDemoJob, DEMO_JOB } from '../support/careers.js';

const JOB = DEMO_JOB;

const HOLD_REASON = 'Claim before the labour court, file 4 Ca 123/26';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The code in the portal email to `email`. */
function codeFromMail(dataDir: string, email: string): Promise<string> {
  return fromMail(dataDir, (message) =>
    message.includes(email) && /privacy portal/.test(message)
      ? /^ {4}(\d{6})\s*$/m.exec(message)?.[1]
      : undefined,
  );
}

/** The files of a zip archive by name, read from its central directory (stored or deflated entries). */
function unzip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (zip.readUInt32LE(0) !== 0x04034b50 || end < 0) throw new Error('not a zip file');
  const files = new Map<string, Buffer>();
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('broken central directory');
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(data) : data);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return files;
}

async function applicantAppliesAndUsesThePortal(
  page: Page,
  server: { url: string; dataDir: string },
  email: string,
) {
  await applyToDemoJob(page, server, { name: 'Rita Rights', email });

  await page.goto(`${server.url}/careers/acme/privacy/portal/`);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Send me a code' }).click();
  await page.getByRole('heading', { name: 'Check your email' }).waitFor();
  await page.getByLabel(/Code from the email/).fill(await codeFromMail(server.dataDir, email));
  await page.getByRole('button', { name: 'Open my data' }).click();
  await page.getByText(`Signed in as ${email}`).waitFor();

  // The download: a zip with data.json (and the resume) in it.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download my data' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^acme-my-data-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzip(readFileSync(await download.path()));
  const data = files.get('data.json');
  if (!data) throw new Error(`no data.json in the zip, only ${[...files.keys()].join(', ')}`);
  const exported: unknown = JSON.parse(data.toString('utf8'));
  expect(exported).toMatchObject({ format: 'candor.subject-export' });
  expect(data.toString('utf8')).toContain(email);

  await page.getByRole('button', { name: 'Leave the talent pool' }).click();
  await page.getByText(/Your consent is withdrawn/).waitFor();

  await page.getByLabel(/I understand that my applications end/).check();
  await page.getByRole('button', { name: 'Erase my data' }).click();
  await page.getByText(/Your erasure request is with the team/).waitFor();
}

async function openCandidateOfRequest(page: Page) {
  await page.getByRole('link', { name: 'Open the candidate' }).click();
  await page.waitForURL(/#\/candidates\/[0-9a-f-]{36}\/show/);
  const holds = page.getByRole('region', { name: 'Legal holds' });
  await holds.getByRole('button', { name: 'Place a hold' }).waitFor();
  return holds;
}

async function eraseDialog(page: Page) {
  await page.getByRole('button', { name: 'Erase now' }).click();
  const erase = page.getByRole('dialog', { name: 'Erase this candidate’s data' });
  await erase.getByRole('textbox', { name: 'Type ERASE to confirm' }).fill('ERASE');
  await erase.getByRole('button', { name: 'Erase permanently' }).click();
  return erase;
}

for (const server of servers()) {
  describe(`an applicant's rights, end to end [${server.dialect}]`, () => {
    const email = `rita-${server.dialect}-${Date.now()}@example.test`;

    it('apply, download, withdraw, ask for erasure; an admin releases a hold and erases', async () => {
      const applicant = await newTestPage(browser);
      await applicantAppliesAndUsesThePortal(applicant, server, email);
      await applicant.context().close();

      const page = await newTestPage(browser);
      await signIn(page, server.url);
      await page.getByRole('menuitem', { name: 'Data requests' }).click();
      await page.waitForURL(/#\/privacy-requests/);
      await page.getByRole('row').filter({ hasText: email }).filter({ hasText: 'Erasure' }).click();
      await page.waitForURL(/#\/privacy-requests\/[0-9a-f-]{36}\/show/);
      const heading = page.getByRole('heading', { level: 1, name: /^Erasure · [0-9A-F]{8}$/ });
      await heading.waitFor();
      const requestUrl = page.url();
      const reference = /([0-9A-F]{8})$/.exec((await heading.textContent()) ?? '')?.[1] ?? '';

      // A legal hold on their application; the server's check of the reason shows at its field.
      let holds = await openCandidateOfRequest(page);
      await holds.getByText(/No legal hold/).waitFor();
      await holds.getByRole('button', { name: 'Place a hold' }).click();
      const place = page.getByRole('dialog', { name: 'Place a legal hold' });
      await place.getByText(/the legal reason, without personal data/i).waitFor();
      await chooseOption(place, 'Scope', `Only the application for ${JOB}`);
      await place.getByRole('textbox', { name: /^Reason/ }).fill('x');
      await place.getByRole('button', { name: 'Place hold' }).click();
      await place.getByText(/^Give the legal reason/).waitFor();
      await place.getByRole('textbox', { name: /^Reason/ }).fill(HOLD_REASON);
      await place.getByRole('button', { name: 'Place hold' }).click();
      await place.waitFor({ state: 'hidden' });
      const active = holds.getByRole('table', { name: /^Active legal holds/ });
      await active.getByRole('cell', { name: HOLD_REASON, exact: true }).waitFor();
      await expect(
        active.getByRole('cell', { name: `Application: ${JOB}`, exact: true }).isVisible(),
      ).resolves.toBe(true);
      await expect(
        active.getByRole('cell', { name: 'Until released', exact: true }).isVisible(),
      ).resolves.toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `rights-hold-${server.dialect}`);

      // Verified by the portal's code already, but erasing is refused while the hold is in force, with the server's reason.
      await page.goto(requestUrl);
      await page.getByRole('button', { name: 'Erase now' }).waitFor();
      expect(await page.getByRole('button', { name: 'Verify identity' }).count()).toBe(0);
      let erase = await eraseDialog(page);
      const refusal = erase.getByRole('alert');
      await refusal.getByText('Under legal hold').waitFor();
      await expect(refusal.textContent()).resolves.toContain(HOLD_REASON);
      await screenshot(page, `rights-erase-refused-${server.dialect}`);
      await erase.getByRole('button', { name: 'Cancel' }).click();
      await erase.waitFor({ state: 'hidden' });

      // The hold is released, with a confirmation, and stays on record as a past hold.
      holds = await openCandidateOfRequest(page);
      await holds.getByRole('button', { name: `Release the hold: ${HOLD_REASON}` }).click();
      const release = page.getByRole('dialog', { name: 'Release the legal hold' });
      await release.getByRole('button', { name: 'Release' }).click();
      await release.waitFor({ state: 'hidden' });
      await holds.getByText(/No legal hold/).waitFor();
      await holds.getByRole('button', { name: 'Past holds (1)' }).click();
      await holds
        .getByRole('table', { name: /^Past legal holds/ })
        .getByText(/^Released /)
        .waitFor();

      // Now the erasure goes through and completes the request.
      await page.goto(requestUrl);
      erase = await eraseDialog(page);
      await erase.waitFor({ state: 'hidden' });
      await page.getByText('The data was erased').waitFor();
      await page.getByText('Your data has been erased.').waitFor();
      expect(await page.getByRole('button', { name: 'Erase now' }).count()).toBe(0);

      await page.getByRole('menuitem', { name: 'Data requests' }).click();
      await page.getByRole('link', { name: 'New request' }).waitFor();
      await chooseOption(page, /^Status/, 'Completed');
      await page.getByRole('row').filter({ hasText: reference }).getByText('Completed').waitFor();
      await screenshot(page, `rights-completed-${server.dialect}`);
      await page.context().close();
    }, 180_000);
  });
}
