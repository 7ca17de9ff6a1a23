import { OutboxEmail } from '@candor/db';
import { forEachDatabase, seedTenant, seedUser } from '@candor/db/testing';
import { describe, expect, it } from 'vitest';
import { seedJobWithApplicant, tenantEm } from '../testing/hiring-fixtures.js';
import { callerFor, sessionFor, testDeps } from '../testing/test-app.js';
import { icsEvent } from './ics.js';

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
        organizerName: 'Org',
      },
      new Date('2029-12-01T00:00:00Z'),
    );
    expect(ics).toContain('SUMMARY:Interview\\; with\\, commas');
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });
});
