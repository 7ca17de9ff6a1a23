/**
 * The hiring backoffice in a real browser, against the built server with the
 * demo seed (packages/db/src/seed/demo-hiring.ts): recruiter@acme.example is
 * on every hiring team, manager@acme.example only on the Senior Robotics,
 * Embedded Systems and Warehouse Operations jobs.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  chooseOption,
  launchBrowser,
  panelsLoaded,
  queryAs,
  screenshot,
  servers,
  signedInPage,
  transitionsDone,
} from '../support/browser.js';

/** Open, with the recruiter and the hiring manager on its team. */
const BOARD_JOB = 'Senior Robotics Software Engineer';
/** Open, without the hiring manager on its team. */
const OTHER_JOB = 'Frontend Engineer (React)';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Drags a board card onto a column's header, the way a person does: press,
 * move a little (the drag starts), then go to the column and let go. Going
 * straight to the target would scroll the board while the button is down and
 * start the drag from whatever card then lies under the pointer.
 */
async function dragCard(page: Page, card: Locator, target: Locator) {
  await card.hover();
  await page.mouse.down();
  const box = await card.boundingBox();
  if (!box) throw new Error('the card is not visible');
  await page.mouse.move(box.x + box.width / 2 + 8, box.y + box.height / 2 + 8, { steps: 2 });
  await target.hover({ position: { x: 120, y: 24 } });
  await page.mouse.up();
}

type JobRow = { id: string; title: string };
async function jobId(page: Page, title: string): Promise<string> {
  const { data } = await queryAs<{ data: JobRow[] }>(page, 'jobs.list', { filter: { q: title } });
  const job = data.find((j) => j.title === title);
  if (!job) throw new Error(`no job "${title}" in the seed`);
  return job.id;
}

/** The board column of a stage, found by its heading. */
function column(page: Page, stageName: string): Locator {
  return page
    .locator('section[data-stage-id]')
    .filter({ has: page.getByRole('heading', { name: new RegExp(`^${stageName}\\b`) }) });
}

async function countOf(col: Locator): Promise<number> {
  return Number(await col.getByTestId('column-count').textContent());
}

async function openBoard(page: Page, baseUrl: string, id: string) {
  await page.goto(`${baseUrl}/admin/#/jobs/${id}/board`);
  await page.locator('section[data-stage-id]').first().waitFor();
}

for (const server of servers()) {
  describe(`hiring backoffice [${server.dialect}]`, () => {
    it('a recruiter creates a job, publishes it and edits it', async () => {
      const page = await signedInPage(browser, server.url, 'recruiter@acme.example');
      const title = `Robot Test Pilot ${server.dialect} ${Date.now()}`;
      await page.getByRole('menuitem', { name: 'Jobs' }).click();
      await page.getByRole('link', { name: 'New job' }).first().click();
      await page.waitForURL(/#\/jobs\/create/);

      await page.getByRole('textbox', { name: /^Job title/ }).fill(title);
      await chooseOption(page, /^Department/, 'Engineering');
      await chooseOption(page, /^Workplace/, 'Remote');
      // A remote job says where applicants may live before it can open (search engines need it).
      await page.getByRole('textbox', { name: /^Country/ }).fill('pt');
      await page
        .getByRole('textbox', { name: 'Description' })
        .fill('## About the role\n\nYou test **robots**.\n\n- Drive them\n- Report');
      await page.getByRole('tab', { name: 'Preview' }).click();
      await page.getByRole('heading', { name: 'About the role' }).waitFor();
      await page.getByRole('button', { name: 'Add question' }).click();
      await page.getByRole('textbox', { name: /^Question/ }).fill('Have you driven a robot before?');
      await page.getByRole('button', { name: 'Create job' }).click();

      await page.getByText('Job created as a draft').waitFor();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      expect(await page.getByText('Draft', { exact: true }).count()).toBeGreaterThan(0);
      await page.getByRole('button', { name: 'Publish' }).click();
      await page.getByText(/Job published/).waitFor();
      await page.getByRole('button', { name: 'Close', exact: true }).waitFor();
      await page.getByText('Open', { exact: true }).first().waitFor();

      // Editing one field keeps the others (description, question) as they were.
      await page.getByRole('link', { name: 'Edit', exact: true }).click();
      await page.getByRole('textbox', { name: /^Job title/ }).fill(`${title} (senior)`);
      await page.getByRole('button', { name: 'Save job' }).click();
      await page.getByText('Job saved').waitFor();
      await page.getByRole('heading', { level: 1, name: `${title} (senior)` }).waitFor();
      await page.getByRole('heading', { name: 'About the role' }).waitFor();
      await page.getByText('Have you driven a robot before?').waitFor();

      await page.getByRole('menuitem', { name: 'Jobs' }).click();
      const row = page.getByRole('row').filter({ hasText: title });
      await row.getByText('Open', { exact: true }).waitFor();
      await page.context().close();
    });

    it('a recruiter drags a card to the next stage; the counts change and stay after a reload', async () => {
      const page = await signedInPage(browser, server.url, 'recruiter@acme.example');
      const id = await jobId(page, BOARD_JOB);
      await openBoard(page, server.url, id);
      const applied = column(page, 'Applied');
      const screen = column(page, 'Phone screen');
      const before = { applied: await countOf(applied), screen: await countOf(screen) };
      expect(before.applied).toBeGreaterThan(0);

      const card = applied.locator('article').first();
      const applicationId = await card.getAttribute('data-application-id');
      const name = (await card.getByRole('link').textContent()) ?? '';
      await dragCard(page, card, screen);

      await page.getByText(`${name} moved to Phone screen`).waitFor();
      await screen.locator(`article[data-application-id="${applicationId}"]`).waitFor();
      expect(await countOf(applied)).toBe(before.applied - 1);
      expect(await countOf(screen)).toBe(before.screen + 1);

      await page.reload();
      await page.locator('section[data-stage-id]').first().waitFor();
      await screen.locator(`article[data-application-id="${applicationId}"]`).waitFor();
      expect(await countOf(applied)).toBe(before.applied - 1);
      expect(await countOf(screen)).toBe(before.screen + 1);
      await screenshot(page, `hiring-board-${server.dialect}`);
      await page.context().close();
    });

    it('a recruiter rejects an application from the board with an email, which then shows in the mail outbox', async () => {
      const page = await signedInPage(browser, server.url, 'recruiter@acme.example');
      const id = await jobId(page, BOARD_JOB);
      await openBoard(page, server.url, id);
      const applied = column(page, 'Applied');
      const rejected = column(page, 'Rejected');
      const before = { applied: await countOf(applied), rejected: await countOf(rejected) };

      const card = applied.locator('article').first();
      const applicationId = (await card.getAttribute('data-application-id')) ?? '';
      const application = await queryAs<{ candidate: { name: string; email: string } }>(
        page,
        'applications.get',
        {
          id: applicationId,
        },
      );

      // Dropping on the Rejected column asks for the reason first.
      await dragCard(page, card, rejected);
      const dialog = page.getByRole('dialog', { name: `Reject ${application.candidate.name}` });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Reject' }).click();
      await dialog.getByText('Pick a reason').waitFor();
      await chooseOption(page, /^Reason/, 'Skills do not match the role');
      await dialog.getByLabel('Internal note (optional)').fill('Strong, but no robotics experience yet.');
      await dialog.getByRole('radio', { name: 'Send now' }).check();
      await screenshot(page, `hiring-reject-dialog-${server.dialect}`);
      await dialog.getByRole('button', { name: 'Reject' }).click();

      await page
        .getByText(`${application.candidate.name} rejected; the rejection email is on its way`)
        .waitFor();
      await rejected.locator(`article[data-application-id="${applicationId}"]`).waitFor();
      expect(await countOf(applied)).toBe(before.applied - 1);
      expect(await countOf(rejected)).toBe(before.rejected + 1);

      await page.getByRole('menuitem', { name: 'Mail outbox' }).click();
      const row = page.getByRole('row').filter({ hasText: application.candidate.email });
      await row.getByText(`Your application for ${BOARD_JOB} at Acme Robotics`).waitFor();
      await screenshot(page, `hiring-outbox-${server.dialect}`);
      await row.click();
      await page.getByText(`Dear ${application.candidate.name},`).waitFor();
      await page.getByText(application.candidate.email).first().waitFor();
      await screenshot(page, `hiring-outbox-email-${server.dialect}`);

      // The application page tells why it was rejected.
      await page.goto(`${server.url}/admin/#/applications/${applicationId}/show`);
      await page.getByText(/Skills do not match the role/).waitFor();
      await page.context().close();
    });

    it('a recruiter moves two applications at once from the list filtered by a job (no axe violations there)', async () => {
      const page = await signedInPage(browser, server.url, 'recruiter@acme.example');
      await openBoard(page, server.url, await jobId(page, BOARD_JOB));
      const before = await countOf(column(page, 'Final interview'));
      await page.getByRole('link', { name: 'List view' }).click();
      await page.waitForURL(/#\/applications/);
      const rows = page.getByRole('checkbox', { name: 'Select this row' });
      await rows.first().waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await rows.nth(0).check();
      await rows.nth(1).check();
      await page.getByText('2 items selected').waitFor();
      await page.getByRole('button', { name: 'Move to…' }).click();
      await page.getByRole('menuitem', { name: 'Final interview' }).click();
      await page.getByText('Moved 2 applications to Final interview').waitFor();
      await screenshot(page, `hiring-applications-${server.dialect}`);

      // The board shows its cached columns at once and refetches them.
      await openBoard(page, server.url, await jobId(page, BOARD_JOB));
      await column(page, 'Final interview')
        .getByTestId('column-count')
        .filter({ hasText: new RegExp(`^${before + 2}$`) })
        .waitFor();
      await page.context().close();
    });

    it('a hiring manager sees a job they are on, and no application of a job they are not on', async () => {
      const recruiter = await signedInPage(browser, server.url, 'recruiter@acme.example');
      const otherJob = await jobId(recruiter, OTHER_JOB);
      const { data } = await queryAs<{ data: Array<{ id: string }> }>(recruiter, 'applications.list', {
        filter: { jobId: otherJob },
      });
      const hidden = data[0]?.id;
      expect(hidden).toBeDefined();
      await recruiter.context().close();

      const page = await signedInPage(browser, server.url, 'manager@acme.example');
      await page.getByRole('menuitem', { name: 'Jobs' }).click();
      // The list, not the dashboard it replaces (which names jobs too).
      await page.getByRole('heading', { level: 1, name: 'Jobs' }).waitFor();
      await page.getByRole('table').getByText(BOARD_JOB).waitFor();
      expect(await page.getByText(OTHER_JOB).count()).toBe(0);
      expect(await page.getByRole('link', { name: 'New job' }).count()).toBe(0);
      expect(await page.getByRole('menuitem', { name: 'Mail outbox' }).count()).toBe(0);
      expect(await page.getByRole('menuitem', { name: 'Settings' }).count()).toBe(0);

      await page.getByRole('table').getByText(BOARD_JOB).click();
      await page.getByRole('heading', { level: 1, name: BOARD_JOB }).waitFor();
      await page.getByRole('link', { name: 'Open board' }).waitFor();
      expect(await page.getByRole('button', { name: 'Close', exact: true }).count()).toBe(0);
      expect(await page.getByRole('link', { name: 'Edit', exact: true }).count()).toBe(0);

      await page.goto(`${server.url}/admin/#/applications/${hidden}/show`);
      await page.getByRole('heading', { name: 'No such application' }).waitFor();
      await page.getByText(/does not exist, or you do not have access to it/).waitFor();
      await screenshot(page, `hiring-manager-no-access-${server.dialect}`);
      await page.context().close();
    });

    it('has no axe violations on the jobs list, board, application and candidate pages', async () => {
      const page = await signedInPage(browser, server.url, 'recruiter@acme.example');
      await page.getByRole('menuitem', { name: 'Jobs' }).click();
      await page.getByRole('heading', { level: 1, name: 'Jobs' }).waitFor();
      await page.getByRole('table').getByText(BOARD_JOB).waitFor();
      expect(await axeViolations(page)).toEqual([]);

      await openBoard(page, server.url, await jobId(page, BOARD_JOB));
      expect(await axeViolations(page)).toEqual([]);

      const card = column(page, 'Interview').locator('article').first();
      await card.getByRole('link').click();
      await page.getByRole('heading', { name: 'Stage history' }).waitFor();
      await screenshot(page, `hiring-application-${server.dialect}`);
      expect(await axeViolations(page)).toEqual([]);

      await page.getByRole('link', { name: 'Candidate profile' }).click();
      await page.getByRole('heading', { name: /^Applications \(/ }).waitFor();
      await screenshot(page, `hiring-candidate-${server.dialect}`);
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    });

    it('shows possible duplicates with a merge that says which record is kept', async () => {
      const page = await signedInPage(browser, server.url, 'recruiter@acme.example');
      await page.getByRole('menuitem', { name: 'Candidates' }).click();
      await page.getByPlaceholder('Search name or email').fill('Bondarenko');
      const row = page.getByRole('row').filter({ hasText: 'dmytro.bondarenko@example.com' });
      await row.getByText('Possible duplicate').waitFor();
      await row.click();
      await page.getByRole('heading', { name: 'Possible duplicates' }).waitFor();
      await page.getByRole('button', { name: 'Merge with Dima Bondarenko' }).click();
      const dialog = page.getByRole('dialog', { name: 'Merge duplicate candidates' });
      await dialog.getByText(/Dmytro Bondarenko <dmytro\.bondarenko@example\.com>\s*is kept/).waitFor();
      await dialog
        .getByText(/then the record of Dima Bondarenko <dima\.b@example\.net> is deleted/)
        .waitFor();
      await transitionsDone(page);
      await screenshot(page, `hiring-merge-dialog-${server.dialect}`);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    });

    it('an admin restricts processing of a candidate (GDPR Art. 18): banner, actions refused, then lifted', async () => {
      const page = await signedInPage(browser, server.url, 'admin@acme.example');
      const email = 'jose.alvarez@example.com';
      await page.getByRole('menuitem', { name: 'Candidates' }).click();
      await page.getByPlaceholder('Search name or email').fill(email);
      await page.getByRole('row').filter({ hasText: email }).click();
      await page.getByRole('heading', { level: 1, name: 'José Álvarez' }).waitFor();
      const banner = page.getByRole('status').filter({ hasText: 'Processing restricted since' });
      expect(await banner.count()).toBe(0);

      // A request received by phone: the admin enters it.
      await page.getByRole('button', { name: 'Restrict processing' }).click();
      const restrict = page.getByRole('dialog', { name: /^Restrict processing of José Álvarez/ });
      await restrict.getByText(/is emailed a confirmation at jose\.alvarez@example\.com/).waitFor();
      await restrict.getByRole('button', { name: 'Restrict processing' }).click();
      await page.getByText('Processing restricted; José Álvarez is emailed a confirmation').waitFor();
      await banner.waitFor();
      await banner
        .getByText(/their data is kept but not used: no stage moves, emails, notes or scorecards/)
        .waitFor();
      // Restricting refetches the candidate and its panels; what is checked and pictured is the page once they are in.
      await panelsLoaded(page);
      expect(await page.getByRole('button', { name: 'Add to job' }).isDisabled()).toBe(true);
      expect(await page.getByRole('button', { name: 'Edit', exact: true }).isDisabled()).toBe(true);
      expect(await page.getByRole('button', { name: 'Restrict processing' }).count()).toBe(0);
      // The disabled buttons say why.
      await page.getByRole('button', { name: 'Add to job' }).locator('..').hover();
      await page
        .getByRole('tooltip')
        .filter({ hasText: 'while processing is restricted at the candidate’s request' })
        .waitFor();
      await page.mouse.move(0, 0);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, `hiring-restricted-candidate-${server.dialect}`);
      expect(await axeViolations(page)).toEqual([]);

      // Their applications: marked in the list, and their page refuses stage moves.
      const candidateUrl = page.url();
      const candidateId = /candidates\/([^/]+)\/show/.exec(candidateUrl)?.[1];
      const { data } = await queryAs<{ data: Array<{ id: string; status: string }> }>(
        page,
        'applications.list',
        {
          filter: { candidateId },
        },
      );
      const application = data.find((a) => a.status !== 'withdrawn');
      expect(application).toBeDefined();
      await page.goto(
        `${server.url}/admin/#/applications?filter=${encodeURIComponent(JSON.stringify({ q: email }))}`,
      );
      await page
        .getByRole('row')
        .filter({ hasText: email })
        .first()
        .getByText('Restricted', { exact: true })
        .waitFor();
      await screenshot(page, `hiring-restricted-applications-${server.dialect}`);
      await page.goto(`${server.url}/admin/#/applications/${application!.id}/show`);
      await page.getByRole('heading', { name: 'Stage history' }).waitFor();
      await banner.waitFor();
      // The panels have loaded (interviews, feedback, offer).
      await panelsLoaded(page);
      expect(await page.getByRole('button', { name: 'Move to…' }).isDisabled()).toBe(true);
      expect(await page.getByRole('textbox', { name: 'Add a note' }).count()).toBe(0);
      await screenshot(page, `hiring-restricted-application-${server.dialect}`);

      // Lifting tells the candidate first; then everything is back.
      await page.goto(candidateUrl);
      await banner.waitFor();
      await panelsLoaded(page);
      await banner.getByRole('button', { name: 'Lift restriction' }).click();
      const lift = page.getByRole('dialog', { name: 'Lift the restriction?' });
      await lift
        .getByText(
          /José Álvarez will be emailed at jose\.alvarez@example\.com that the restriction is lifted/,
        )
        .waitFor();
      await transitionsDone(page);
      await screenshot(page, `hiring-restriction-lift-dialog-${server.dialect}`);
      await lift.getByRole('button', { name: 'Email and lift restriction' }).click();
      await page.getByText(/^Restriction lifted; José Álvarez is emailed/).waitFor();
      await banner.waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Restrict processing' }).waitFor();
      expect(await page.getByRole('button', { name: 'Add to job' }).isDisabled()).toBe(false);
      await page.getByRole('link', { name: 'Edit', exact: true }).waitFor();
      await panelsLoaded(page);
      await screenshot(page, `hiring-restriction-lifted-${server.dialect}`);
      await page.context().close();
    });

    it('an admin edits the hiring settings', async () => {
      const page = await signedInPage(browser, server.url, 'admin@acme.example');
      await page.getByRole('menuitem', { name: 'Settings' }).click();
      await page.getByRole('heading', { name: 'Hiring settings' }).waitFor();
      await page.getByLabel('New department').fill(`Research ${server.dialect}`);
      await page.getByRole('button', { name: 'Add department' }).click();
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText('Settings saved').waitFor();
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, `hiring-settings-${server.dialect}`);
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    });
  });
}
