/**
 * Self-scheduling in real browsers against the built server and a real
 * CalDAV server (Radicale): a recruiter offers the times two interviewers
 * can both make, one of them busy in their own calendar; the candidate opens
 * the link from the email with JavaScript off, picks a time, and the
 * interview appears on the application, in the interviewer's calendar and
 * in an .ics invitation to the candidate.
 */
import { type Radicale, radicaleInstalled, startRadicale } from '@candor/api/testing/radicale';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  calendarPart,
  chooseSuggestion,
  DEMO_PASSWORD,
  fromMail,
  launchBrowser,
  mutateAs,
  newMember,
  newTestPage,
  panelsLoaded,
  screenshot,
  servers,
  signedInPage,
} from '../support/browser.js';
import { newApplicant } from '../support/careers.js';

const available = radicaleInstalled();
let browser: Browser;
let radicale: Radicale;
beforeAll(async () => {
  browser = await launchBrowser();
  if (available) radicale = await startRadicale();
});
afterAll(async () => {
  await browser?.close();
  await radicale?.stop();
});

/** A weekday at least three days ahead (UTC), as YYYY-MM-DD: every hour of it is still to come. */
function aWeekdayAhead(): string {
  const day = new Date(Date.now() + 3 * 86_400_000);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** "Tue 8 Dec 2026": how the dialog heads a day of times (its reader's zone is UTC here). */
function dayHeading(day: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    })
      .formatToParts(new Date(`${day}T12:00:00Z`))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`;
}

for (const server of servers()) {
  describe(`self-scheduling [${server.dialect}]`, () => {
    it.skipIf(!available)(
      'a recruiter offers the times two interviewers can both make; the candidate books one from the email without JavaScript',
      async () => {
        const tag = `${server.dialect}${Date.now()}`;
        const day = aWeekdayAhead();
        // Two interviewers of the test's own (default hours: weekdays 09:00–17:00 UTC); Ivy has her calendar connected.
        const ivy = { email: `ivy.${tag}@example.test`, name: `Ivy Interviewer ${tag}` };
        const theo = { email: `theo.${tag}@example.test`, name: `Theo Interviewer ${tag}` };
        await newMember(browser, server, { ...ivy, password: DEMO_PASSWORD });
        await newMember(browser, server, { ...theo, password: DEMO_PASSWORD });
        const login = `ivy${tag}`;
        await radicale.addUser(login, 'ivy-app-password');
        const ivyPage = await signedInPage(browser, server.url, ivy.email);
        await mutateAs(ivyPage, 'calendar.connectCalDav', {
          serverUrl: radicale.url,
          username: login,
          password: 'ivy-app-password',
        });
        await ivyPage.close();
        // Her dentist, in her own calendar app: 10:00–12:00 that day.
        await radicale.putEvent(login, 'ivy-app-password', {
          uid: `dentist-${tag}`,
          start: new Date(`${day}T10:00:00Z`),
          end: new Date(`${day}T12:00:00Z`),
        });

        const recruiter = await signedInPage(browser, server.url, 'admin@acme.example');
        const candidate = await newApplicant(recruiter, `Sami Schedule${tag}`, `sami.${tag}`);
        await recruiter.goto(`${server.url}/admin/#/applications/${candidate.applicationId}/show`);
        await panelsLoaded(recruiter);
        const interviews = recruiter.getByRole('region', { name: 'Interviews' });
        await interviews.getByRole('button', { name: 'Offer times' }).click();
        const dialog = recruiter.getByRole('dialog', { name: /^Offer interview times to/ });
        await dialog.getByRole('textbox', { name: 'Title' }).fill('Technical interview');
        await chooseSuggestion(dialog, /^Interviewers/, 'Ivy', new RegExp(ivy.name));
        await chooseSuggestion(dialog, /^Interviewers/, 'Theo', new RegExp(theo.name));
        await dialog.getByLabel('From').fill(day);
        await dialog.getByLabel('Until').fill(day);
        await dialog.getByRole('button', { name: 'Find free times' }).click();

        const times = dialog.getByRole('group', { name: dayHeading(day) });
        await times.getByRole('checkbox', { name: '09:00–10:00' }).waitFor();
        const offered = (await times.getByRole('checkbox').all()).length;
        const labels = await times.locator('label').allTextContents();
        // Ivy's dentist keeps every hour that touches 10:00–12:00 out; the rest of the working day is free.
        expect(labels).toEqual([
          '09:00–10:00',
          '12:00–13:00',
          '12:30–13:30',
          '13:00–14:00',
          '13:30–14:30',
          '14:00–15:00',
          '14:30–15:30',
          '15:00–16:00',
          '15:30–16:30',
          '16:00–17:00',
        ]);
        expect(offered).toBe(labels.length);
        await times.getByRole('checkbox', { name: '09:00–10:00' }).check();
        await times.getByRole('checkbox', { name: '14:00–15:00' }).check();
        await dialog.getByRole('textbox', { name: 'Video link' }).fill('https://meet.example.test/sami');
        expect(await axeViolations(recruiter)).toEqual([]);
        await screenshot(recruiter, `scheduling-offer-${server.dialect}`);
        await dialog.getByRole('button', { name: 'Email the candidate' }).click();
        await recruiter.getByText(/was emailed a link to pick one of 2 times/).waitFor();

        // The candidate's email links to the careers site; the page works without JavaScript.
        const link = await fromMail(server.dataDir, (mail) =>
          mail.includes(`To: ${candidate.email}`)
            ? /(http:\/\/\S+\/schedule\/\?t=[\w-]+)/.exec(mail)?.[1]
            : undefined,
        );
        const url = link.replace(/^http:\/\/localhost:\d+/, server.url);
        // axe needs a script of its own in the page: it looks with JavaScript on, the candidate books with it off.
        const checked = await newTestPage(browser);
        await checked.goto(url);
        await checked.getByRole('heading', { name: 'Pick a time for your interview' }).waitFor();
        expect(await axeViolations(checked)).toEqual([]);
        await checked.close();
        const page = await newTestPage(browser, { javaScriptEnabled: false });
        await page.goto(url);
        const choices = page.getByRole('group', { name: 'Times you can choose' });
        expect(await choices.getByRole('radio').count()).toBe(2);
        await screenshot(page, `scheduling-pick-${server.dialect}`);
        await choices.getByRole('radio', { name: /2:00\s.{0,3}\s?3:00\sPM/u }).check();
        await page.getByRole('button', { name: 'Book this time' }).click();
        await page.getByRole('heading', { name: 'Your interview is booked' }).waitFor();
        await screenshot(page, `scheduling-booked-${server.dialect}`);
        await page.close();

        // Booked for everyone: on the application, in Ivy's calendar, and as an invitation to the candidate.
        await recruiter.reload();
        await panelsLoaded(recruiter);
        const booked = interviews
          .getByRole('listitem')
          .filter({ has: recruiter.getByRole('heading', { name: 'Technical interview' }) });
        await booked.getByText(`${dayHeading(day)}, 14:00–15:00 (UTC)`).waitFor();
        await booked.getByText(new RegExp(ivy.name)).waitFor();
        const ics = await fromMail(server.dataDir, (mail) =>
          mail.includes(`To: ${candidate.email}`) ? calendarPart(mail) : undefined,
        );
        expect(ics).toContain('METHOD:REQUEST');
        expect(ics).toContain(`DTSTART:${day.replaceAll('-', '')}T140000Z`);
        const events = await radicale.eventsOf(login, 'ivy-app-password');
        expect(events.some((event) => event.includes(`DTSTART:${day.replaceAll('-', '')}T140000Z`))).toBe(
          true,
        );
        await recruiter.close();
      },
      // Two invitations, a calendar connection and three browsers: a long walk, not a slow one.
      180_000,
    );
  });
}
