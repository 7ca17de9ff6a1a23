import { Candidate, type InferEntity, OutboxEmail } from '@candor/db';
import { forEachDatabase, seedTenant, seedUser } from '@candor/db/testing';
import { describe, expect, it } from 'vitest';
import { seedJobWithApplicant, tenantEm } from '../testing/hiring-fixtures.js';
import { callerFor, sessionFor, testDeps } from '../testing/test-app.js';
import { icsEvent } from './ics.js';

/** The .ics attached to an email, lines unfolded. */
function icsOf(mail: InferEntity<typeof OutboxEmail>): string {
  return Buffer.from(mail.attachments![0]!.contentBase64, 'base64').toString('utf8').replace(/\r\n /g, '');
}

forEachDatabase('interviews and scorecards', (db) => {
  const setup = async () => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const recruiter = await seedUser(em, tenant, 'recruiter');
    const alice = await seedUser(em, tenant, 'hiring_manager', { name: 'Alice Interviewer' });
    const bob = await seedUser(em, tenant, 'hiring_manager', { name: 'Bob Interviewer' });
    const deps = testDeps(db.orm());
    const as = async (user: { id: string }) => callerFor(deps, await sessionFor(deps, user.id, tenant.id));
    const actor = { userId: recruiter.id, tenantId: tenant.id, role: 'recruiter' as const, requestId: 't' };
    const seeded = await seedJobWithApplicant(
      db.orm(),
      actor,
      { criteria: [{ name: 'Robotics' }, { name: 'Communication' }] },
      { name: 'Casey Quinn', email: 'casey.quinn@example.test', phone: '+351 912 345 678' },
    );
    const recruiterCaller = await as(recruiter);
    const interview = await recruiterCaller.interviews.schedule({
      applicationId: seeded.applicationId,
      title: 'Technical interview',
      startsAt: '2030-03-01T09:00:00Z',
      endsAt: '2030-03-01T10:00:00+00:00',
      interviewerIds: [alice.id, bob.id],
      videoUrl: 'https://meet.example.test/robots',
    });
    return { tenant, recruiter, alice, bob, as, recruiterCaller, interview, ...seeded };
  };

  it('invites each interviewer by email with an .ics naming only the candidate and the job', async () => {
    const { tenant, alice, bob, interview, job, as } = await setup();
    expect(interview.interviewers.map((i) => [i.name, i.submitted])).toEqual(
      expect.arrayContaining([
        ['Alice Interviewer', false],
        ['Bob Interviewer', false],
      ]),
    );
    const mails = await tenantEm(db.orm(), tenant.id).find(OutboxEmail, { template: 'interview_invitation' });
    expect(mails.map((m) => m.to).sort()).toEqual([alice.email, bob.email].sort());
    const ics = Buffer.from(mails[0]!.attachments![0]!.contentBase64, 'base64').toString('utf8');
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain('DTSTART:20300301T090000Z');
    expect(ics.replace(/\r\n /g, '')).toContain(`SUMMARY:Technical interview: Casey Quinn for ${job.title}`);
    for (const mail of mails) {
      for (const leak of ['casey.quinn@example.test', '912 345 678', '912345678']) {
        expect(mail.text).not.toContain(leak);
        expect(ics).not.toContain(leak);
      }
    }
    // Being invited puts them on the hiring team, so they can open the application.
    const aliceCaller = await as(alice);
    expect((await aliceCaller.jobs.list({})).data.map((j) => j.id)).toEqual([job.id]);
  });

  it('invites the candidate with their own .ics, from the organizer, naming the job and the company', async () => {
    const { tenant, recruiter, alice, bob, interview, job } = await setup();
    const em = tenantEm(db.orm(), tenant.id);
    const [mail] = await em.find(OutboxEmail, { template: 'candidate_interview_invitation' });
    expect(mail).toMatchObject({ to: 'casey.quinn@example.test', status: 'pending' });
    expect(mail!.text).toContain('Fri 1 Mar 2030, 09:00–10:00 (UTC)');
    expect(mail!.text).toContain('https://meet.example.test/robots');
    expect(mail!.text).toContain('/privacy/portal/');
    const ics = icsOf(mail!);
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics).toContain(`UID:${interview.id}@candor`);
    expect(ics).toMatch(new RegExp(`ORGANIZER;CN="${recruiter.name} \\(.*\\)":mailto:${recruiter.email}`));
    expect(ics).toContain(
      'ATTENDEE;CN="Casey Quinn";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:casey.quinn@example.test',
    );
    expect(ics).toContain(`SUMMARY:Interview: ${job.title} at `);
    // Staff's own title for the interview and the interviewers' addresses stay with staff.
    for (const internal of ['Technical interview', alice.email, bob.email])
      expect(ics).not.toContain(internal);
    // The interviewers' copies list the interviewers, not the candidate.
    const [staffMail] = await em.find(OutboxEmail, { template: 'interview_invitation', to: alice.email });
    const staffIcs = icsOf(staffMail!);
    expect(staffIcs).toContain(`ATTENDEE;CN="Alice Interviewer"`);
    expect(staffIcs).toContain(`ATTENDEE;CN="Bob Interviewer"`);
  });

  it('cancelling tells every interviewer and the candidate, once, with a CANCEL their calendars apply', async () => {
    const { tenant, alice, bob, recruiterCaller, interview } = await setup();
    const cancelled = await recruiterCaller.interviews.cancel({ id: interview.id });
    expect(cancelled.status).toBe('cancelled');
    const em = tenantEm(db.orm(), tenant.id);
    const staff = await em.find(OutboxEmail, { template: 'interview_cancelled' });
    expect(staff.map((m) => m.to).sort()).toEqual([alice.email, bob.email].sort());
    expect(staff[0]!.subject).toContain('Cancelled: Technical interview with Casey Quinn');
    const [toCandidate] = await em.find(OutboxEmail, { template: 'candidate_interview_cancelled' });
    expect(toCandidate).toMatchObject({ to: 'casey.quinn@example.test' });
    for (const mail of [...staff, toCandidate!]) {
      const ics = icsOf(mail);
      expect(ics).toContain('METHOD:CANCEL');
      expect(ics).toContain(`UID:${interview.id}@candor`);
      expect(ics).toContain('SEQUENCE:1');
      expect(ics).toContain('STATUS:CANCELLED');
      expect(mail.attachments![0]!.contentType).toBe('text/calendar; method=CANCEL');
    }
    // A second cancel is a no-op: nobody hears twice.
    await recruiterCaller.interviews.cancel({ id: interview.id });
    expect(
      await em.count(OutboxEmail, {
        template: { $in: ['interview_cancelled', 'candidate_interview_cancelled'] },
      }),
    ).toBe(3);
  });

  it("rescheduling moves the event in everyone's calendar; a later cancel outranks it", async () => {
    const { tenant, alice, bob, recruiterCaller, interview } = await setup();
    const moved = await recruiterCaller.interviews.reschedule({
      id: interview.id,
      startsAt: '2030-03-02T14:00:00Z',
      endsAt: '2030-03-02T15:00:00Z',
      location: 'Room 4, Lisbon office',
    });
    expect(moved).toMatchObject({
      startsAt: '2030-03-02T14:00:00.000Z',
      location: 'Room 4, Lisbon office',
      videoUrl: null,
    });
    const em = tenantEm(db.orm(), tenant.id);
    const staff = await em.find(OutboxEmail, { template: 'interview_rescheduled' });
    expect(staff.map((m) => m.to).sort()).toEqual([alice.email, bob.email].sort());
    const [toCandidate] = await em.find(OutboxEmail, { template: 'candidate_interview_rescheduled' });
    expect(toCandidate!.text).toContain('Sat 2 Mar 2030, 14:00–15:00 (UTC)');
    expect(toCandidate!.text).toContain('Room 4, Lisbon office');
    for (const mail of [...staff, toCandidate!]) {
      const ics = icsOf(mail);
      expect(ics).toContain('METHOD:REQUEST');
      expect(ics).toContain(`UID:${interview.id}@candor`);
      expect(ics).toContain('SEQUENCE:1');
      expect(ics).toContain('DTSTART:20300302T140000Z');
    }
    await recruiterCaller.interviews.cancel({ id: interview.id });
    const [cancellation] = await em.find(OutboxEmail, { template: 'candidate_interview_cancelled' });
    expect(icsOf(cancellation!)).toContain('SEQUENCE:2');
    // A cancelled interview stays where it was.
    await expect(
      recruiterCaller.interviews.reschedule({
        id: interview.id,
        startsAt: '2030-03-03T14:00:00Z',
        endsAt: '2030-03-03T15:00:00Z',
        location: 'Room 4',
      }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
  });

  it('cancelling tells the interviewers but not a candidate who restricted processing', async () => {
    const { tenant, alice, bob, interview, candidate, as } = await setup();
    const admin = await seedUser(db.orm().em.fork(), tenant, 'admin');
    const em = tenantEm(db.orm(), tenant.id);
    await em.nativeUpdate(Candidate, { id: candidate.id }, { restrictedAt: new Date() });
    await (await as(admin)).interviews.cancel({ id: interview.id });
    expect((await em.find(OutboxEmail, { template: 'interview_cancelled' })).map((m) => m.to).sort()).toEqual(
      [alice.email, bob.email].sort(),
    );
    expect(await em.count(OutboxEmail, { template: 'candidate_interview_cancelled' })).toBe(0);
  });

  it("hides others' scorecards until you submit yours, except from recruiters", async () => {
    const { alice, bob, as, recruiterCaller, interview, applicationId, job } = await setup();
    const [robotics, communication] = job.criteria;
    const aliceCaller = await as(alice);
    const bobCaller = await as(bob);
    await aliceCaller.interviews.submitScorecard({
      interviewId: interview.id,
      ratings: [
        { criterionId: robotics!.id, rating: 4 },
        { criterionId: communication!.id, rating: 2 },
      ],
      recommendation: 'strong_yes',
      notes: 'Built a gripper in the live exercise',
    });
    const bobView = await bobCaller.interviews.scorecards({ applicationId });
    expect(bobView).toMatchObject({ submitted: 1, visible: false, scorecards: [] });
    expect(JSON.stringify(bobView)).not.toContain('gripper');
    expect(bobView.recommendations.strong_yes).toBe(0);

    expect((await recruiterCaller.interviews.scorecards({ applicationId })).scorecards).toHaveLength(1);

    await bobCaller.interviews.submitScorecard({
      interviewId: interview.id,
      ratings: [{ criterionId: robotics!.id, rating: 3 }],
      recommendation: 'yes',
    });
    const after = await bobCaller.interviews.scorecards({ applicationId });
    expect(after.visible).toBe(true);
    expect(after.recommendations).toEqual({ strong_no: 0, no: 0, yes: 1, strong_yes: 1 });
    expect(after.criteria).toEqual([
      { criterionId: robotics!.id, name: 'Robotics', average: 3.5 },
      { criterionId: communication!.id, name: 'Communication', average: 2 },
    ]);
    await expect(
      bobCaller.interviews.submitScorecard({ interviewId: interview.id, ratings: [], recommendation: 'no' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(
      (await recruiterCaller.interviews.forApplication({ applicationId }))[0]!.interviewers.every(
        (i) => i.submitted,
      ),
    ).toBe(true);
  });

  it('refuses scorecards from non-interviewers and for criteria the job does not have', async () => {
    const { recruiterCaller, alice, as, interview } = await setup();
    await expect(
      recruiterCaller.interviews.submitScorecard({
        interviewId: interview.id,
        ratings: [],
        recommendation: 'yes',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      (await as(alice)).interviews.submitScorecard({
        interviewId: interview.id,
        ratings: [{ criterionId: 'nope', rating: 3 }],
        recommendation: 'yes',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('validates the time slot and the place', async () => {
    const { recruiterCaller, applicationId, alice } = await setup();
    await expect(
      recruiterCaller.interviews.schedule({
        applicationId,
        startsAt: '2030-03-01T10:00:00Z',
        endsAt: '2030-03-01T09:00:00Z',
        interviewerIds: [alice.id],
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('ics', () => {
  it('escapes text and folds long lines', () => {
    const ics = icsEvent(
      {
        uid: 'x@candor',
        start: new Date('2030-01-01T09:00:00Z'),
        end: new Date('2030-01-01T10:00:00Z'),
        summary: `Interview; with, commas ${'long '.repeat(30)}`,
        location: null,
        url: null,
        organizer: { name: 'Org: Acme, Inc', email: 'org@example.test' },
        attendees: [{ name: 'Alice "A" Interviewer', email: 'alice@example.test' }],
      },
      new Date('2029-12-01T00:00:00Z'),
    );
    expect(ics).toContain('SUMMARY:Interview\\; with\\, commas');
    // Parameter values are quoted (they may hold ':' ';' ','); a quote inside one cannot be.
    expect(ics.replace(/\r\n /g, '')).toContain('ORGANIZER;CN="Org: Acme, Inc":mailto:org@example.test');
    expect(ics.replace(/\r\n /g, '')).toContain(
      'ATTENDEE;CN="Alice  A  Interviewer";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:alice@example.test',
    );
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });
});
