/**
 * Every hiring report's numbers against a hiring history the test makes
 * itself, through the API, on a server of its own whose clock the test sets
 * (support/test-clock.mjs), so applications, moves, offers and interviews get
 * the past dates durations need. The history is a department of its own
 * ("Reports QA") in the demo tenant, whose k is 5 (the least allowed), and
 * the page is narrowed to it, so the demo data is in none of the numbers.
 *
 * Days are counted back from the start of the test (D-40 = 40 days before).
 * Rover Firmware (opened D-40), 20 applicants on D-40, numbered 1-20:
 * referrals 1-5 and 11-15, sourced 6-10 and 16-20; a 21st (a referral)
 * is screened and interviewed like 1-10 and then restricts processing.
 *   D-35  1-15 screened          D-30  1-10 to interview; interviews end 2 h before
 *   D-25  offers to 1-10 sent    D-24..D-16  1-5 accept, one every 2 days (D-24, -22, -20, -18, -16)
 *   D-20  6-10 decline           D-15  rejected: 6-7 compensation, 11-15 skills, 16-20 experience
 * Arm Calibration (opened D-10), no applicants.
 * Interviews (D-30, ending 2 h before): Rita Recruiter interviews 1, 2 and 5,
 * Adam Admin 3 and 4. Scorecards: Rita's on 1 and 5 at once (2 h after the
 * end), hers on 2 and Adam's on 3 three days later (74 h); Adam's on 4 never.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  chooseOption,
  fromMail,
  launchBrowser,
  mutateAs,
  queryAs,
  screenshot,
  servers,
  signedInPage,
} from '../support/browser.js';
import { type Started, startOwnServer } from '../support/server-process.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const DEPARTMENT = 'Reports QA';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Job = { id: string; stages: Array<{ id: string; kind: string }> };

/** The cells of a report's table body, as shown (a hidden count reads "hidden"). */
function tableCells(page: Page, name: string): Promise<string[][]> {
  const table: Locator = page.getByRole('table', { name, exact: true });
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) =>
        Array.from((row as HTMLTableRowElement).cells, (cell) => cell.textContent?.trim() ?? ''),
      ),
    );
}

/** Makes the history above; returns once the server's clock is back to the start of the test. */
async function seedHistory(server: Started, recruiter: Page, admin: Page, start: number): Promise<void> {
  const at = (day: number) => new Date(start + day * DAY);
  const dayOf = (day: number) => at(day).toISOString().slice(0, 10);
  const hiring = await queryAs<{ departments: string[] }>(admin, 'settings.hiring');
  await mutateAs(admin, 'settings.updateHiring', {
    ...hiring,
    departments: [...hiring.departments, DEPARTMENT],
  });
  const people = await queryAs<Array<{ id: string; email: string }>>(recruiter, 'users.directory');
  const userId = (email: string) => people.find((p) => p.email === email)!.id;
  const openJob = async (title: string): Promise<Job> => {
    const job = await mutateAs<Job>(recruiter, 'jobs.create', {
      title,
      department: DEPARTMENT,
      city: 'Lisbon',
      country: 'pt',
      workplace: 'onsite',
      employmentType: 'full_time',
      questions: [],
      criteria: [{ name: 'Robotics' }],
    });
    await mutateAs(recruiter, 'jobs.setStatus', { id: job.id, status: 'open' });
    return job;
  };

  await server.setClock(at(-40));
  const rover = await openJob('Rover Firmware');
  const stage = (kind: string) => rover.stages.find((s) => s.kind === kind)!.id;
  const tag = `${start}`;
  const applicants: Array<{ candidateId: string; applicationId: string; email: string }> = [];
  for (let n = 1; n <= 21; n++) {
    const email = `reports-qa-${n}-${tag}@example.test`;
    const source = n <= 5 || (n >= 11 && n <= 15) || n === 21 ? 'referral' : 'sourced';
    const made = await mutateAs<{ id: string; applications: Array<{ id: string }> }>(
      recruiter,
      'candidates.create',
      { name: `Applicant ${n}`, email, source, jobId: rover.id },
    );
    applicants.push({ candidateId: made.id, applicationId: made.applications[0]!.id, email });
  }
  const ids = (...numbers: number[]) => numbers.map((n) => applicants[n - 1]!.applicationId);
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

  await server.setClock(at(-35));
  await mutateAs(recruiter, 'applications.move', {
    ids: ids(...range(1, 15), 21),
    stageId: stage('screening'),
  });

  await server.setClock(at(-30));
  const ended = at(-30).getTime() - 2 * HOUR;
  const interview = (n: number, email: string) =>
    mutateAs<{ id: string }>(recruiter, 'interviews.schedule', {
      applicationId: ids(n)[0],
      title: 'Technical interview',
      startsAt: new Date(ended - HOUR).toISOString(),
      endsAt: new Date(ended).toISOString(),
      interviewerIds: [userId(email)],
      videoUrl: 'https://meet.example.test/rover',
    });
  const scorecard = (page: Page, interviewId: string) =>
    mutateAs(page, 'interviews.submitScorecard', { interviewId, ratings: [], recommendation: 'yes' });
  const interviews = new Map<number, string>();
  for (const n of [1, 2, 5]) interviews.set(n, (await interview(n, 'recruiter@acme.example')).id);
  for (const n of [3, 4]) interviews.set(n, (await interview(n, 'admin@acme.example')).id);
  await scorecard(recruiter, interviews.get(1)!);
  await scorecard(recruiter, interviews.get(5)!);
  await mutateAs(recruiter, 'applications.move', {
    ids: ids(...range(1, 10), 21),
    stageId: stage('interview'),
  });
  await mutateAs(admin, 'candidates.restrict', { id: applicants[20]!.candidateId });

  await server.setClock(at(-27));
  await scorecard(recruiter, interviews.get(2)!);
  await scorecard(admin, interviews.get(3)!);

  await server.setClock(at(-25));
  for (const n of range(1, 10)) {
    const offer = await mutateAs<{ id: string }>(recruiter, 'offers.create', {
      applicationId: ids(n)[0],
      salary: 60_000,
      currency: 'EUR',
      startDate: dayOf(30),
      expiresOn: dayOf(-10),
    });
    await mutateAs(admin, 'offers.approve', { id: offer.id });
    await mutateAs(recruiter, 'offers.send', { id: offer.id });
  }
  const tokens = new Map<number, string>();
  for (const n of range(1, 10)) {
    const email = applicants[n - 1]!.email;
    tokens.set(
      n,
      await fromMail(server.dataDir, (mail) =>
        mail.includes(email) ? /\/offers\/([A-Za-z0-9_-]{20,})/.exec(mail)?.[1] : undefined,
      ),
    );
  }
  // The candidate's answer, as the offer page sends it (public: the token is the key).
  const respond = (n: number, decision: 'accept' | 'decline') =>
    mutateAs(recruiter, 'offers.respond', { token: tokens.get(n), decision });
  for (const [n, day] of [
    [1, -24],
    [2, -22],
    [3, -20],
    [4, -18],
    [5, -16],
  ] as const) {
    await server.setClock(at(day));
    await respond(n, 'accept');
    if (day === -20) for (const declined of range(6, 10)) await respond(declined, 'decline');
  }

  await server.setClock(at(-15));
  const reject = (reasonId: string, numbers: number[]) =>
    mutateAs(recruiter, 'applications.reject', { ids: ids(...numbers), reasonId, emailDelayHours: null });
  await reject('compensation', [6, 7]);
  await reject('skills', range(11, 15));
  await reject('experience', range(16, 20));

  await server.setClock(at(-10));
  await openJob('Arm Calibration');

  await server.setClock(new Date(Date.now()));
}

for (const { dialect } of servers()) {
  describe(`hiring reports' numbers [${dialect}]`, () => {
    let server: Started;
    beforeAll(async () => {
      server = await startOwnServer(dialect, { testClock: true });
    }, 180_000);
    afterAll(async () => {
      await server?.stop();
    });

    it('each report’s numbers are the ones worked out from the seeded history', async () => {
      const start = Date.now();
      // Signed in on the real clock: a session made now stays valid on the earlier days.
      const recruiter = await signedInPage(browser, server.url, 'recruiter@acme.example');
      const admin = await signedInPage(browser, server.url, 'admin@acme.example');
      await seedHistory(server, recruiter, admin, start);
      await admin.context().close();

      await recruiter.getByRole('menuitem', { name: 'Reports' }).click();
      await recruiter.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
      await chooseOption(recruiter, 'Jobs', `${DEPARTMENT} (department)`);
      await recruiter.getByText(`${DEPARTMENT} (department) ·`).waitFor({ timeout: 15_000 });
      await recruiter.getByRole('table', { name: 'Pipeline funnel', exact: true }).waitFor();

      // Funnel: 20 applied (not 21: the restricted referral is left out), 15 screened (1-15),
      // 10 interviewed (1-10), 10 got an offer (1-10; offer = the offer stage), 5 hired (1-5).
      // Each of the stage before: 15/20, 10/15, 10/10, 5/10.
      expect(await tableCells(recruiter, 'Pipeline funnel')).toEqual([
        ['Applied', '20', ''],
        ['Screening', '15', '75.0%'],
        ['Interview', '10', '66.7%'],
        ['Offer', '10', '100.0%'],
        ['Hired', '5', '50.0%'],
      ]);

      // Time to hire: applied D-40, hired D-24, -22, -20, -18, -16: 16, 18, 20, 22, 24 days;
      // median 20, 75th percentile the 4th of 5 (index 3 of 0-4): 22.
      // In Applied: 1-15 left on D-35 (5 d each), 16-20 on D-15 (25 d): 15 × 5, 5 × 25; median
      //   (index 9.5 of 0-19) 5, p75 (index 14.25) 5 + 0.25 × (25 - 5) = 10.
      // In Screening: 1-10 left on D-30 (5 d), 11-15 on D-15 (20 d): 10 × 5, 5 × 20; median
      //   (index 7 of 0-14) 5, p75 (index 10.5) 20.
      // In Interview: 1-10 from D-30 to the offer on D-25: 10 × 5 d.
      // In Offer: from D-25 to the hires (1, 3, 5, 7, 9 d) and to 6-7's rejection on D-15 (10, 10 d);
      //   8-10 are still there. Median of [1,3,5,7,9,10,10] 7, p75 (index 4.5) 9.5.
      expect(await tableCells(recruiter, 'Time to hire and time in stage')).toEqual([
        ['Time to hire', '5', '20 d', '22 d'],
        ['In Applied', '20', '5 d', '10 d'],
        ['In Screening', '15', '5 d', '20 d'],
        ['In Interview', '10', '5 d', '5 d'],
        ['In Offer', '7', '7 d', '9.5 d'],
      ]);

      // Sources: referrals 1-5 and 11-15 (10, of them 1-5 hired), sourced 6-10 and 16-20 (10, none hired).
      expect(await tableCells(recruiter, 'Source effectiveness')).toEqual([
        ['Referral', '10', '5', '50.0%'],
        ['Sourced', '10', '0', '0.0%'],
      ]);

      // Offers: 10 sent on D-25, 1-5 accepted, 6-10 declined: 5 of 10 answered.
      expect(await tableCells(recruiter, 'Offer acceptance')).toEqual([
        ['Accepted', '5'],
        ['Declined', '5'],
        ['Awaiting an answer', '0'],
        ['Expired', '0'],
        ['Withdrawn', '0'],
        ['Sent', '10'],
        ['Acceptance rate', '50.0%'],
      ]);

      // Rejections: experience 5 (16-20), skills 5 (11-15), compensation 2 (6-7): 12 in all.
      // 2 is under k and hidden; the total would give it away unless another goes too, so the
      // first of the smallest shown (experience, listed first) is hidden as well.
      expect(await tableCells(recruiter, 'Rejections by reason')).toEqual([
        ['Not enough relevant experience', 'hidden'],
        ['Skills do not match the role', '5'],
        ['Compensation expectations', 'hidden'],
        ['Total', '12'],
      ]);

      // Open jobs: Rover Firmware opened on D-40 with 20 applications (not the restricted 21st),
      // Arm Calibration on D-10 with none.
      expect(await tableCells(recruiter, 'Open jobs aging')).toEqual([
        ['Rover Firmware', DEPARTMENT, '40', '20'],
        ['Arm Calibration', DEPARTMENT, '10', '0'],
      ]);

      // Interviewers: Rita held 3 (2 h, 2 h, 74 h: 2 on time, 1 late; median 2), Adam 2
      // (74 h late, one missing since D-28; median of one: 74).
      expect(await tableCells(recruiter, 'Interviewer load and feedback')).toEqual([
        ['Rita Recruiter', '3', '2', '1', '0', '2'],
        ['Adam Admin', '2', '0', '1', '1', '74'],
      ]);

      await recruiter.getByText('Some counts read “hidden”').waitFor();
      expect(await axeViolations(recruiter)).toEqual([]);
      await screenshot(recruiter, `reports-numbers-${dialect}`);
      await recruiter.context().close();
    }, 300_000);
  });
}
