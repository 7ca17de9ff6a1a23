import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { mutateAs, queryAs } from './browser.js';

/** Open and remote in the demo seed; asks whether the applicant may work in the EU (required). */
export const DEMO_JOB = 'Frontend Engineer (React)';

/** A minimal valid PDF, as a resume. */
export const RESUME_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** The id of a published job of acme, found in the generated site by its title. */
export function jobIdByTitle(dataDir: string, title: string): string {
  const jobsDir = join(dataDir, 'careers', 'acme', 'jobs');
  const id = readdirSync(jobsDir).find((dir) =>
    readFileSync(join(jobsDir, dir, 'index.html'), 'utf8').includes(`<h1>${title}`),
  );
  if (!id) throw new Error(`no page for ${title}`);
  return id;
}

/**
 * Waits until the apply form's script has taken over its checks (it turns
 * the browser's own off): a submit before then gets the browser's bubble,
 * not the form's messages.
 */
export async function applyFormReady(page: Page): Promise<void> {
  await page.locator('form[novalidate]').waitFor({ state: 'attached' });
}

/** Fills the demo job's application form (the page is open): name, email, resume, the required answer, talent pool, age. */
export async function fillApplication(page: Page, person: { name: string; email: string }): Promise<void> {
  await page.getByLabel(/^Full name|^Name/).fill(person.name);
  await page.getByLabel(/^Email/).fill(person.email);
  await page
    .getByLabel(/^Resume/)
    .setInputFiles({ name: 'resume.pdf', mimeType: 'application/pdf', buffer: RESUME_PDF });
  await page
    .getByRole('group', { name: /right to work in the EU/ })
    .getByLabel('Yes')
    .check();
  await page.getByLabel(/talent pool/i).check();
  await page.getByLabel(/at least 18/).check();
}

/**
 * Applies to the demo job and waits for the confirmation; with `resume`, that
 * PDF instead of the blank one, and with `jobAlerts`, asking for news about
 * open roles too.
 */
export async function applyToDemoJob(
  page: Page,
  server: { url: string; dataDir: string },
  person: { name: string; email: string },
  options: { resume?: Buffer; jobAlerts?: boolean } = {},
): Promise<void> {
  await page.goto(`${server.url}/careers/acme/jobs/${jobIdByTitle(server.dataDir, DEMO_JOB)}/apply/`);
  await applyFormReady(page);
  await fillApplication(page, person);
  if (options.resume)
    await page
      .getByLabel(/^Resume/)
      .setInputFiles({ name: 'resume.pdf', mimeType: 'application/pdf', buffer: options.resume });
  if (options.jobAlerts) await page.getByLabel(/news about the company/i).check();
  await page.getByRole('button', { name: /Send application/ }).click();
  await page.getByRole('heading', { name: /received/i }).waitFor();
}

/**
 * A new applicant to the demo job added by whoever is signed in on `page`
 * (candidates.create), with a mailbox unique to the run.
 */
export async function newApplicant(page: Page, name: string, mailbox: string) {
  const { data } = await queryAs<{ data: Array<{ id: string; title: string }> }>(page, 'jobs.list', {
    filter: { q: DEMO_JOB },
  });
  const jobId = data.find((j) => j.title === DEMO_JOB)!.id;
  const email = `${mailbox}@example.test`;
  const made = await mutateAs<{ id: string; applications: Array<{ id: string }> }>(
    page,
    'candidates.create',
    // As if they had applied on the careers site: someone sourced would first get the Art. 14 notice.
    { name, email, jobId, source: 'careers_site' },
  );
  return { candidateId: made.id, applicationId: made.applications[0]!.id, email };
}
