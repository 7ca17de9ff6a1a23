/**
 * What search must not find, in a real browser against the built server with
 * the demo seed. An erased candidate: found by a word of their resume (and by
 * name in the Ctrl-K palette) until an admin erases them through a privacy
 * request, then by neither. A blind reviewer: the hiring manager finds an
 * application in blind review by a word of its resume, under an alias, but
 * not by the candidate's name or email, which a recruiter finds it by.
 * Documents are indexed in the background: each absence is asserted only
 * after the same search has found the document.
 */
import { resumePdf } from '@candor/api/testing/resume-pdf';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chooseOption,
  launchBrowser,
  mutateAs,
  newTestPage,
  screenshot,
  servers,
  signedInPage,
} from '../support/browser.js';
import { applyToDemoJob, jobIdByTitle } from '../support/careers.js';
import {
  expectNoDocumentMatch,
  expectNothingInPalette,
  paletteSearch,
  searchDocuments,
  waitUntilFound,
} from '../support/search.js';

/** Open, with manager@acme.example on its team; "Phone screen" is a blind-review stage in the seed. */
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

type Server = ReturnType<typeof servers>[number];

/** An admin enters an erasure request for `email`, verifies it and erases the candidate. */
async function adminErases(server: Server, email: string): Promise<void> {
  const admin = await signedInPage(browser, server.url, 'admin@acme.example');
  await admin.goto(`${server.url}/admin/#/privacy-requests/create`);
  await admin.getByRole('button', { name: 'Add request' }).waitFor();
  await chooseOption(admin, /^Type/, 'Erasure');
  await admin.getByLabel(/^Email/).fill(email);
  await admin.getByLabel(/^Country/).fill('DE');
  await admin.getByLabel(/^Details/).fill('Asked by email to delete everything held about them.');
  await admin.getByRole('button', { name: 'Add request' }).click();
  await admin.getByRole('heading', { level: 1, name: /^Erasure · [0-9A-F]{8}$/ }).waitFor();
  await admin.getByRole('link', { name: 'Open the candidate' }).waitFor();
  await admin.getByRole('button', { name: 'Verify identity' }).click();
  const verify = admin.getByRole('dialog', { name: 'Verify the requester’s identity' });
  await verify.getByRole('button', { name: 'Mark as verified' }).click();
  await verify.waitFor({ state: 'hidden' });
  await admin.getByRole('button', { name: 'Erase now' }).click();
  const erase = admin.getByRole('dialog', { name: 'Erase this candidate’s data' });
  await erase.getByRole('textbox', { name: 'Type ERASE to confirm' }).fill('ERASE');
  await erase.getByRole('button', { name: 'Erase permanently' }).click();
  await erase.waitFor({ state: 'hidden' });
  await admin.getByText('The data was erased').waitFor();
  await admin.context().close();
}

for (const server of servers()) {
  describe(`search privacy [${server.dialect}]`, () => {
    it('an erased candidate is no longer found by a word of their resume, nor by name in the palette', async () => {
      const stamp = `${server.dialect}${Date.now().toString(36)}`;
      const word = `Heliostatics${stamp}`;
      const person = { name: `Edda Erasable${stamp}`, email: `edda-${stamp}@example.test` };

      // The applicant applies on the careers site with a resume that has the word in it.
      const applicant = await newTestPage(browser);
      await applyToDemoJob(applicant, server, person, {
        resume: resumePdf(person.name, [
          'Solar engineer.',
          `Tuned the ${word} controller of a mirror field.`,
        ]),
      });
      await applicant.context().close();

      // A recruiter finds them: by the word in the documents search, by name in the palette.
      const recruiter = await signedInPage(browser, server.url, 'recruiter@acme.example');
      const hit = await waitUntilFound(recruiter, server.url, word.toLowerCase(), new RegExp(person.name));
      await expect(hit.locator('mark').first().textContent()).resolves.toBe(word);
      const palette = await paletteSearch(recruiter, server.url, person.name);
      await palette.getByRole('option', { name: new RegExp(person.email) }).waitFor();
      // Escape closes it, with the list open.
      await recruiter.keyboard.press('Escape');
      await palette.waitFor({ state: 'detached' });

      await adminErases(server, person.email);

      // The same searches find nothing now.
      await expectNoDocumentMatch(recruiter, server.url, word.toLowerCase());
      await expectNothingInPalette(recruiter, server.url, person.name);
      await screenshot(recruiter, `search-privacy-erased-${server.dialect}`);
      await expectNothingInPalette(recruiter, server.url, person.email);
      await recruiter.context().close();
    }, 180_000);

    it('a blind reviewer finds an application by its resume but not by the hidden name or email', async () => {
      const stamp = `${server.dialect}${Date.now().toString(36)}`;
      const word = `Magnetorquer${stamp}`;
      const surname = `Blindsearch${stamp}`;
      const person = { name: `Nadia ${surname}`, email: `nadia-${stamp}@example.test` };

      // A recruiter adds the candidate to the job with a resume naming them, and moves them to the blind stage.
      const recruiter = await signedInPage(browser, server.url, 'recruiter@acme.example');
      const jobId = jobIdByTitle(server.dataDir, BLIND_JOB);
      const made = await mutateAs<{ id: string; applications: Array<{ id: string }> }>(
        recruiter,
        'candidates.create',
        { name: person.name, email: person.email, jobId },
      );
      const applicationId = made.applications[0]!.id;
      await mutateAs(recruiter, 'attachments.upload', {
        candidateId: made.id,
        applicationId,
        kind: 'resume',
        filename: 'resume.pdf',
        contentBase64: resumePdf(person.name, [
          `Contact: ${person.email}`,
          `Firmware engineer: wrote the ${word} driver of a cubesat.`,
        ]).toString('base64'),
      });
      await recruiter.goto(`${server.url}/admin/#/applications/${applicationId}/show`);
      await recruiter.getByRole('heading', { level: 1, name: person.name }).waitFor();
      await recruiter.getByRole('button', { name: 'Move to…' }).click();
      await recruiter.getByRole('menuitem', { name: BLIND_STAGE }).click();
      await recruiter.getByText(`${person.name} moved to ${BLIND_STAGE}`).waitFor();
      await recruiter.getByText(/Hiring managers review this application blind at this stage/).waitFor();

      // The recruiter finds it by the word, once indexed, and by the name; the palette by name and email.
      await waitUntilFound(recruiter, server.url, word.toLowerCase(), new RegExp(person.name));
      await waitUntilFound(recruiter, server.url, person.name, new RegExp(person.name));
      for (const q of [person.name, person.email]) {
        const palette = await paletteSearch(recruiter, server.url, q);
        await palette.getByRole('option', { name: new RegExp(person.email) }).waitFor();
      }
      await recruiter.context().close();

      // The hiring manager finds the application by the word, under an alias, with the redacted text's passage.
      const manager = await signedInPage(browser, server.url, 'manager@acme.example');
      const results = await searchDocuments(manager, server.url, word.toLowerCase());
      const alias = results.getByRole('link', { name: /^Candidate [0-9A-F]{4}/ });
      await alias.waitFor();
      expect((await alias.getByText(ALIAS).textContent()) ?? '').toMatch(ALIAS);
      await expect(alias.getByTestId('snippet').textContent()).resolves.toContain(`${word} driver`);
      const shown = ((await results.textContent()) ?? '').toLowerCase();
      expect(shown).not.toContain(surname.toLowerCase());
      expect(shown).not.toContain(person.email);
      await screenshot(manager, `search-privacy-blind-${server.dialect}`);

      // But not by the candidate's name or surname in the documents search, nor by name or email in the palette.
      // (The documents search is not asked for the email: PostgreSQL's parser keeps an address as one
      // token the search's words never equal, so not even a recruiter would find it there.)
      for (const q of [person.name, surname.toLowerCase()])
        await expectNoDocumentMatch(manager, server.url, q);
      for (const q of [person.name, person.email]) await expectNothingInPalette(manager, server.url, q);
      await manager.context().close();
    }, 180_000);
  });
}
