/**
 * Blind review in a real browser, against the built server with the demo
 * seed: manager@acme.example (a hiring manager, who reviews blind) is on the
 * Embedded Systems team. The test sets up what it needs through the
 * backoffice as the recruiter instead of relying on the seed's blind stages:
 * it marks "Phone screen" for blind review, adds a candidate with a resume
 * that names them, and moves the application there. The manager then sees an
 * alias and the resume's redacted text, until the recruiter reveals the identity.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  chooseOption,
  chooseSuggestion,
  launchBrowser,
  panelsLoaded,
  queryAs,
  screenshot,
  servers,
  signedInPage,
  transitionsDone,
} from '../support/browser.js';

/** Open, with the recruiter and the hiring manager on its team. */
const BLIND_JOB = 'Embedded Systems Engineer (C/C++)';
const BLIND_STAGE = 'Phone screen';
const ALIAS = /^Candidate [0-9A-F]{4}$/;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A one-page PDF with these lines as real text (Helvetica), so the server can read and redact it. */
function textPdf(lines: string[]): Buffer {
  const pdfString = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`);
  // A trailing space per line keeps words apart however the text extractor joins the lines.
  const content = `BT /F1 11 Tf 14 TL 72 760 Td ${lines.map((line) => `(${pdfString(line)} ) Tj T*`).join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

for (const server of servers()) {
  describe(`blind review [${server.dialect}]`, () => {
    // One person per dialect and run; the tests below build on each other, in order.
    const surname = server.dialect === 'sqlite' ? 'Vantreight' : 'Quillbourne';
    const person = {
      name: `Imogen ${surname}`,
      email: `imogen.${server.dialect}.${Date.now()}@example.test`,
      phone: '+351 912 345 678',
    };
    const filename = `imogen-${surname.toLowerCase()}-resume.pdf`;
    let applicationId = '';
    let applicationUrl = '';

    /** What must not reach a blind reviewer: in the visible text, nor anywhere in the page's HTML. */
    async function expectNoIdentity(page: Page) {
      const html = (await page.content()).toLowerCase();
      const text = ((await page.locator('body').textContent()) ?? '').toLowerCase();
      for (const secret of [surname, 'imogen', person.email, '912 345 678']) {
        expect(text).not.toContain(secret.toLowerCase());
        expect(html).not.toContain(secret.toLowerCase());
      }
    }

    it('a recruiter marks a stage for blind review and adds a candidate with a resume to it', async () => {
      const page = await signedInPage(browser, server.url, 'recruiter@acme.example');
      const { data: jobs } = await queryAs<{ data: Array<{ id: string; title: string }> }>(
        page,
        'jobs.list',
        {
          filter: { q: BLIND_JOB },
        },
      );
      const job = jobs.find((j) => j.title === BLIND_JOB);
      if (!job) throw new Error(`no job "${BLIND_JOB}" in the seed`);

      // The pipeline: the flag is saved with the stages, off and on again (the seed may have it on already).
      await page.goto(`${server.url}/admin/#/jobs/${job.id}/show/pipeline`);
      await page.getByText(/hiring managers see applications in these stages without name/).waitFor();
      const blind = page.getByRole('checkbox', { name: `Blind review for ${BLIND_STAGE}` });
      for (const on of [false, true]) {
        await blind.setChecked(on);
        await page.getByRole('button', { name: 'Save pipeline' }).click();
        await page.getByText('Pipeline saved').first().waitFor();
        await page.reload();
        await blind.waitFor();
        expect(await blind.isChecked()).toBe(on);
      }
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `blind-review-pipeline-${server.dialect}`);

      // A candidate added to the job, with a resume for that application that names them.
      await page.goto(`${server.url}/admin/#/candidates/create`);
      await page.getByRole('textbox', { name: /^Full name/ }).fill(person.name);
      await page.getByRole('textbox', { name: /^Email/ }).fill(person.email);
      await page.getByRole('textbox', { name: /^Phone/ }).fill(person.phone);
      await chooseSuggestion(page, 'Job', 'Embedded', BLIND_JOB);
      await page.getByRole('button', { name: 'Add candidate' }).click();
      await page.getByText(`${person.name} added to ${BLIND_JOB}`).waitFor();
      await page.waitForURL(/#\/candidates\/[^/]+\/show/);
      const candidateId = /candidates\/([^/]+)\/show/.exec(page.url())?.[1];

      const files = page.getByRole('region', { name: 'Files' });
      const upload = files.getByRole('form', { name: 'Upload a file' });
      await upload.waitFor();
      await chooseOption(page, 'For application (optional)', BLIND_JOB);
      await upload.locator('input[type="file"]').setInputFiles({
        name: filename,
        mimeType: 'application/pdf',
        buffer: textPdf([
          person.name,
          `${person.email} | ${person.phone}`,
          'Firmware engineer: STM32 motor controllers, FreeRTOS, CAN bus, 2015 - 2020',
        ]),
      });
      await upload.getByRole('button', { name: 'Upload' }).click();
      await page.getByText(`${filename} uploaded`).waitFor();

      // Into the blind stage, from the application page.
      const { data } = await queryAs<{ data: Array<{ id: string }> }>(page, 'applications.list', {
        filter: { candidateId },
      });
      applicationId = data[0]?.id ?? '';
      if (!applicationId) throw new Error('the candidate has no application');
      applicationUrl = `${server.url}/admin/#/applications/${applicationId}/show`;
      await page.goto(applicationUrl);
      await page.getByRole('heading', { level: 1, name: person.name }).waitFor();
      await page.getByRole('button', { name: 'Move to…' }).click();
      await page.getByRole('menuitem', { name: BLIND_STAGE }).click();
      await page.getByText(`${person.name} moved to ${BLIND_STAGE}`).waitFor();
      await page.getByText(/Hiring managers review this application blind at this stage/).waitFor();

      // The recruiter can check what the reviewers will read.
      const documents = page.getByRole('region', { name: 'Documents' });
      await documents.getByRole('link', { name: `Download ${filename}` }).waitFor();
      await documents.getByRole('button', { name: `Preview redacted text of ${filename}` }).click();
      const preview = documents.getByRole('region', { name: `Redacted text of ${filename}` });
      await preview.getByText(/\[name\]/).waitFor();
      expect(await preview.textContent()).not.toContain(surname);
      await page.context().close();
    });

    it('the hiring manager sees the application under an alias, without anything that identifies the candidate', async () => {
      expect(applicationUrl).not.toBe('');
      const page = await signedInPage(browser, server.url, 'manager@acme.example');
      await page.goto(applicationUrl);
      const heading = page.getByRole('heading', { level: 1, name: ALIAS });
      await heading.waitFor();
      const alias = (await heading.textContent()) ?? '';
      expect(alias).toMatch(ALIAS);
      await page.getByText('Blind review: the candidate’s identity is hidden at this stage.').waitFor();
      expect(await page.getByRole('link', { name: 'Candidate profile' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Reveal identity' }).count()).toBe(0);

      // The resume: no file name, no download, only its redacted text.
      const documents = page.getByRole('region', { name: 'Documents' });
      await documents.getByText('Resume', { exact: true }).waitFor();
      expect(await documents.getByRole('link').count()).toBe(0);
      await documents.getByRole('button', { name: 'Read redacted text of Resume' }).click();
      const text = documents.getByRole('region', { name: 'Redacted text of Resume' });
      await text.getByText(/\[name\]/).waitFor();
      expect(await text.textContent()).toMatch(/\[email\]/);
      expect(await text.textContent()).toMatch(/FreeRTOS/);
      await panelsLoaded(page);
      await expectNoIdentity(page);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `blind-review-manager-${server.dialect}`);

      // The board shows the same alias.
      await page.getByRole('link', { name: BLIND_JOB }).click();
      await page.getByRole('link', { name: 'Open board' }).click();
      const card = page.locator(`article[data-application-id="${applicationId}"]`);
      await card.getByRole('link', { name: alias }).waitFor();
      // The column of a blind stage says so.
      const column = page.getByRole('region', { name: 'Phone screen' });
      expect(await column.getByTestId('column-blind-review').count()).toBe(1);
      await expectNoIdentity(page);
      await page.context().close();
    });

    it('a recruiter reveals the identity (confirmed, for good); then the manager sees the name', async () => {
      const recruiter = await signedInPage(browser, server.url, 'recruiter@acme.example');
      await recruiter.goto(applicationUrl);
      await recruiter.getByRole('button', { name: 'Reveal identity' }).click();
      const dialog = recruiter.getByRole('dialog', { name: `Reveal ${person.name}’s identity?` });
      await dialog.getByText(/cannot be undone, and it is recorded in the audit log/).waitFor();
      await transitionsDone(recruiter);
      await screenshot(recruiter, `blind-review-reveal-dialog-${server.dialect}`);
      expect(await axeViolations(recruiter)).toEqual([]);
      await dialog.getByRole('button', { name: 'Reveal identity' }).click();
      await recruiter.getByText('Identity revealed to the hiring managers').waitFor();
      await recruiter.getByText(/^Identity revealed to reviewers by Rita Recruiter on /).waitFor();
      expect(await recruiter.getByRole('button', { name: 'Reveal identity' }).count()).toBe(0);
      await recruiter.context().close();

      const manager = await signedInPage(browser, server.url, 'manager@acme.example');
      await manager.goto(applicationUrl);
      await manager.getByRole('heading', { level: 1, name: person.name }).waitFor();
      await manager.getByText(/^Identity revealed to reviewers by Rita Recruiter on /).waitFor();
      await manager.getByRole('link', { name: `Download ${filename}` }).waitFor();
      await panelsLoaded(manager);
      await screenshot(manager, `blind-review-revealed-${server.dialect}`);
      await manager.context().close();
    });
  });
}
