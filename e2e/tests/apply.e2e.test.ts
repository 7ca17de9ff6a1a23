/**
 * Applying on the careers site in a real browser, against the built server
 * with the demo seed: the demo tenant has privacy notice version 1 in
 * effect and offers the talent pool and marketing purposes.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { axeViolations, fromMail, launchBrowser, screenshot, servers } from '../support/browser.js';
import {
  applyFormReady,
  DEMO_JOB,
  fillApplication as fillDemoApplication,
  jobIdByTitle,
} from '../support/careers.js';

const PASSWORD = 'candor-demo-pass';
const JOB = DEMO_JOB;
/** Closed in the demo seed. */
const CLOSED_JOB = 'People Partner';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function newPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({
    bypassCSP: true,
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  const page = await context.newPage();
  onTestFailed(async () => {
    const name = (expect.getState().currentTestName ?? 'test').replace(/\W+/g, '-').slice(-80);
    if (!page.isClosed()) await screenshot(page, `failed-${name}`);
  });
  return page;
}

function fillApplication(page: Page, email: string) {
  return fillDemoApplication(page, { name: 'Petra Playwright', email });
}

/**
 * The confirmation explains the receipt in plain words; the signed token and
 * how to verify it are behind the "Technical details" disclosure, which it
 * opens.
 */
async function receiptExplainedInPlainWords(page: Page): Promise<void> {
  const receipt = page.getByRole('region', { name: 'Your consent receipt' });
  for (const plain of [
    /A signed record of what you agreed to when you applied/,
    /Keep it as proof of what you consented to/,
    /attached to the confirmation email as a PDF/,
  ]) {
    await expect(receipt.getByText(plain).isVisible()).resolves.toBe(true);
  }
  await expect(receipt.getByRole('link', { name: 'privacy portal', exact: true }).isVisible()).resolves.toBe(
    true,
  );
  const technical = receipt.getByText(/JSON Web Signature \(ES256\)/);
  await expect(technical.isVisible()).resolves.toBe(false);
  await receipt.getByText('Technical details', { exact: true }).click();
  await technical.waitFor();
  await receipt.getByRole('link', { name: /\/jwks\.json$/ }).waitFor();
}

for (const server of servers()) {
  describe(`applying [${server.dialect}]`, () => {
    const email = `petra-${server.dialect}-${Date.now()}@example.test`;

    it('applies with a PDF, shows the confirmation and the choices, and answers a second application the same way while emailing the owner', async () => {
      const page = await newPage();
      await page.goto(`${server.url}/careers/acme/`);
      await page.getByRole('link', { name: JOB }).click();
      await page.getByRole('link', { name: /^Apply/ }).click();
      await page.getByRole('heading', { level: 1, name: new RegExp(JOB.replace(/[()]/g, '\\$&')) }).waitFor();
      expect(await axeViolations(page)).toEqual([]);

      // The browser checks the form with the shared schema before anything is sent.
      await applyFormReady(page);
      await page.getByRole('button', { name: /Send application|Submit application|Apply/ }).click();
      await page.getByText('Confirm your age to apply').first().waitFor();

      await fillApplication(page, email);
      await screenshot(page, `apply-form-${server.dialect}`);
      await page.getByRole('button', { name: /Send application|Submit application|Apply/ }).click();
      await page.getByRole('heading', { name: /received|Thank you/i }).waitFor();
      await expect(
        page
          .getByText(/consent receipt/i)
          .first()
          .isVisible(),
      ).resolves.toBe(true);
      await expect(page.getByText(email).first().isVisible()).resolves.toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `apply-confirmation-${server.dialect}`);

      const confirmation = await page.locator('#apply-root').innerText();
      await receiptExplainedInPlainWords(page);
      await screenshot(page, `apply-confirmation-details-${server.dialect}`);
      expect(await axeViolations(page)).toEqual([]);
      // The confirmation carries the receipt twice: the signed token and the readable PDF.
      await fromMail(server.dataDir, (mail) =>
        mail.includes(`To: ${email}`) &&
        /Content-Type: application\/pdf;\s+name="?consent-receipt-[0-9a-f-]+\.pdf/.test(mail) &&
        /Content-Type: application\/jwt;\s+name="?consent-receipt-[0-9a-f-]+\.jwt/.test(mail)
          ? 'found'
          : undefined,
      );

      // The same email for the same job again: the very same confirmation (nothing tells whether the
      // address had applied), no duplicate; the owner of the address is told by email.
      await page.reload();
      await fillApplication(page, email);
      await page.getByRole('button', { name: /Send application|Submit application|Apply/ }).click();
      await page.getByRole('heading', { name: /received|Thank you/i }).waitFor();
      expect(await page.getByText(/already applied/i).count()).toBe(0);
      expect(await page.locator('#apply-root').innerText()).toBe(confirmation);
      await fromMail(server.dataDir, (mail) =>
        mail.includes(`To: ${email}`) && mail.includes('You already applied for this role on')
          ? 'found'
          : undefined,
      );
      await page.context().close();
    });

    it('puts the application in the job’s first stage in the backoffice', async () => {
      const page = await newPage();
      await page.goto(`${server.url}/admin/`);
      await page.getByLabel('Email').fill('recruiter@acme.example');
      await page.getByLabel(/^Password/).fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByText(/^Welcome/).waitFor();
      await page.goto(`${server.url}/admin/#/jobs/${jobIdByTitle(server.dataDir, JOB)}/board`);
      const firstColumn = page
        .locator('section[data-stage-id]')
        .filter({ has: page.getByRole('heading', { name: /^Applied\b/ }) });
      await firstColumn.getByText('Petra Playwright').first().waitFor();
      await page.context().close();
    });

    it('takes an application without JavaScript, with a receipt on the page', async () => {
      const page = await newPage({ javaScriptEnabled: false });
      await page.goto(`${server.url}/careers/acme/jobs/${jobIdByTitle(server.dataDir, JOB)}/apply/`);
      await fillApplication(page, `nojs-${email}`);
      await page.getByRole('button', { name: /Send application|Submit application|Apply/ }).click();
      await page.getByRole('heading', { name: /received|Thank you/i }).waitFor();
      await expect(
        page
          .getByText(/consent receipt/i)
          .first()
          .isVisible(),
      ).resolves.toBe(true);
      // The technical details open without JavaScript too (a <details> disclosure). No axe here: it is a script.
      await receiptExplainedInPlainWords(page);
      await screenshot(page, `apply-confirmation-nojs-${server.dialect}`);
      await page.context().close();
    });

    it('offers no way to apply to a closed job', async () => {
      const page = await newPage();
      const id = jobIdByTitle(server.dataDir, CLOSED_JOB);
      await page.goto(`${server.url}/careers/acme/jobs/${id}/`);
      await page.getByText('This role is closed').first().waitFor();
      expect(await page.getByRole('link', { name: /^Apply/ }).count()).toBe(0);
      expect((await page.goto(`${server.url}/careers/acme/jobs/${id}/apply/`))?.status()).toBe(404);
      const post = await page.request.post(`${server.url}/careers/acme/jobs/${id}/apply`, {
        headers: { Accept: 'application/json' },
        multipart: {
          name: 'Late Applicant',
          email: `late-${email}`,
          ageConfirmed: 'yes',
          noticeVersion: '1',
        },
      });
      expect(post.status()).toBe(410);
      await page.context().close();
    });

    it('publishes the notice with its archive and the receipt key, and says it honours GPC', async () => {
      const page = await newPage();
      await page.goto(`${server.url}/careers/acme/privacy/`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await expect(
        page
          .getByText(/Version 1/)
          .first()
          .isVisible(),
      ).resolves.toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `privacy-notice-${server.dialect}`);
      const jwks = await page.request.get(`${server.url}/careers/acme/jwks.json`);
      expect(((await jwks.json()) as { keys: Array<{ alg: string }> }).keys[0]?.alg).toBe('ES256');
      const gpc = await page.request.get(`${server.url}/.well-known/gpc.json`);
      expect(await gpc.json()).toMatchObject({ gpc: true });
      await page.context().close();
    });
  });
}
