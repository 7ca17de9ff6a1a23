/**
 * Restriction of processing (GDPR Art. 18) through the real procedures: a
 * restricted candidate is hidden from recruiters and hiring managers, seen
 * but frozen for admins, and processed again once an admin lifts it (after
 * the candidate is emailed).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Application,
  ApplicationNote,
  ApplicationTag,
  Attachment,
  AuditEvent,
  Candidate,
  Interview,
  Offer,
  OutboxEmail,
  Scorecard,
  StageChange,
  TENANT_FILTER,
} from '@candor/db';
import { forEachDatabase, seedPublishedNotice, seedTenant, seedUser } from '@candor/db/testing';
import { dayOf } from '@candor/schemas';
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { auditSubjectRef } from '../audit/audit-subject.js';
import { ALREADY_APPLIED_TEMPLATE } from '../careers/already-applied.js';
import { setJobStatus } from '../jobs/jobs.service.js';
import { createLogger } from '../logging/logger.js';
import { deliverDueEmails } from '../mail/dispatcher.js';
import { fileTransport } from '../mail/transport.js';
import { applicationFields, postApplication } from '../testing/careers-apply.js';
import { daysFromNow } from '../testing/dates.js';
import { pdfBytes } from '../testing/documents.js';
import { actorOf, candidateIdOf, seedJobWithApplicant, tenantEm } from '../testing/hiring-fixtures.js';
import { callerFor, httpClient, sessionFor, TEST_ORIGIN, testDeps } from '../testing/test-app.js';

async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'OK';
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

forEachDatabase('restriction of processing', (db) => {
  const setup = async () => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const admin = await seedUser(em, tenant, 'admin');
    const recruiter = await seedUser(em, tenant, 'recruiter');
    const manager = await seedUser(em, tenant, 'hiring_manager');
    const deps = testDeps(db.orm());
    const as = async (user: { id: string }) => callerFor(deps, await sessionFor(deps, user.id, tenant.id));
    const [asAdmin, asRecruiter, asManager] = await Promise.all([as(admin), as(recruiter), as(manager)]);
    const rita = await seedJobWithApplicant(
      db.orm(),
      actorOf(admin.id, tenant.id),
      {
        title: 'Robot Trainer',
        criteria: [{ name: 'Patience' }],
        hiringTeam: [{ userId: manager.id, role: 'hiring_manager' }],
      },
      { name: 'Rita Restricted', email: `rita-${Date.now()}@example.test` },
    );
    // Someone else on the same job, who is not restricted: the lists still work for them.
    const other = await asRecruiter.candidates.create({
      name: 'Otto Open',
      email: `otto-${Date.now()}@example.test`,
      jobId: rita.job.id,
    });
    const otherJob = await asAdmin.jobs.create({
      title: 'Second Job',
      department: 'Engineering',
      workplace: 'remote',
      country: 'DE',
      employmentType: 'full_time',
    });
    // Things under way before the restriction: an interview the admin takes part in, an approved offer.
    const interview = await asRecruiter.interviews.schedule({
      applicationId: rita.applicationId,
      startsAt: '2030-05-01T09:00:00Z',
      endsAt: '2030-05-01T10:00:00Z',
      interviewerIds: [admin.id],
      location: 'Room 1',
    });
    const offer = await asRecruiter.offers.create({
      applicationId: rita.applicationId,
      salary: 60_000,
      currency: 'EUR',
      startDate: daysFromNow(60),
      expiresOn: daysFromNow(30),
    });
    await asAdmin.offers.approve({ id: offer.id });
    const restricted = await asAdmin.candidates.restrict({ id: rita.candidate.id });
    return {
      tenant,
      admin,
      deps,
      asAdmin,
      asRecruiter,
      asManager,
      rita,
      other,
      otherJob,
      interview,
      offer,
      restricted,
    };
  };

  /** Everything a changing procedure could have touched about the candidate. */
  async function stateOf(tenantId: string, candidateId: string) {
    const em = tenantEm(db.orm(), tenantId);
    const candidate = await em.findOneOrFail(Candidate, candidateId);
    const apps = await em.find(Application, { candidate: candidateId }, { orderBy: { id: 'asc' } });
    const ids = apps.map((a) => a.id);
    return {
      candidate: {
        name: candidate.name,
        location: candidate.location ?? null,
        restricted: candidate.restrictedAt !== null,
      },
      applications: apps.map((a) => [a.id, a.stage.id, a.status]),
      stageChanges: await em.count(StageChange, { application: { $in: ids } }),
      notes: await em.count(ApplicationNote, { application: { $in: ids } }),
      tags: await em.count(ApplicationTag, { application: { $in: ids } }),
      interviews: await em.count(Interview, { application: { $in: ids } }),
      scorecards: await em.count(Scorecard, { application: { $in: ids } }),
      offers: (await em.find(Offer, { application: { $in: ids } })).map((o) => o.status),
      attachments: await em.count(Attachment, { candidate: candidateId }),
      emails: await em.count(OutboxEmail, { candidate: candidateId }),
    };
  }

  it('confirms the restriction to the candidate, audited, and sends that email although hiring emails are held', async () => {
    const { tenant, rita, restricted } = await setup();
    expect(restricted.restrictedAt).not.toBeNull();
    const em = tenantEm(db.orm(), tenant.id);
    const [mail] = await em.find(OutboxEmail, { candidate: rita.candidate.id, template: 'privacy_request' });
    expect(mail).toMatchObject({
      to: rita.candidate.email,
      subject: `${tenant.name}: processing of your data is restricted`,
    });
    expect(mail!.text).toContain(
      `Hello Rita Restricted,\n\nAs you asked, ${tenant.name} has restricted the processing of your data from ${dayOf()} (GDPR Art. 18).`,
    );
    expect(mail!.text).toContain(
      `\n\n--\n${tenant.name} uses Candor to handle applications. To see, download, correct or erase your data, or to withdraw consent: ${TEST_ORIGIN}/careers/${tenant.slug}/privacy/portal/\n`,
    );
    const audit = await em.find(AuditEvent, { action: 'candidate.restrict' });
    expect(audit.map((e) => [e.targetId, e.subjectRef])).toEqual([
      [rita.candidate.id, auditSubjectRef(rita.candidate.id)],
    ]);

    await deliverDueEmails(
      db.orm().em.fork(),
      fileTransport(mkdtempSync(join(tmpdir(), 'candor-mail-'))),
      'x@candor.test',
      createLogger('silent'),
    );
    const after = await db
      .orm()
      .em.fork()
      .find(OutboxEmail, { candidate: rita.candidate.id }, { filters: { [TENANT_FILTER]: false } });
    // The interview invitations (hiring emails about Rita, to her and to the interviewer) wait; the confirmation of her right went out.
    expect(after.map((m) => [m.template, m.status]).sort()).toEqual([
      ['candidate_interview_invitation', 'pending'],
      ['interview_invitation', 'pending'],
      ['privacy_request', 'sent'],
    ]);
  });

  for (const role of ['recruiter', 'hiring_manager'] as const) {
    it(`hides the candidate and their applications from a ${role}: lists, board, search and detail`, async () => {
      const { asRecruiter, asManager, rita, other } = await setup();
      const caller = role === 'recruiter' ? asRecruiter : asManager;
      const ritaApp = rita.applicationId;

      const candidates = await caller.candidates.list({});
      expect(candidates.data.map((c) => c.id)).toContain(other.id);
      expect(candidates.data.map((c) => c.id)).not.toContain(rita.candidate.id);
      expect((await caller.candidates.list({ filter: { q: 'Rita Restricted' } })).total).toBe(0);

      const applications = await caller.applications.list({ filter: { jobId: rita.job.id } });
      expect(applications.data.map((a) => candidateIdOf(a.candidate))).toEqual([other.id]);
      expect((await caller.applications.list({ filter: { q: 'Rita' } })).total).toBe(0);
      expect((await caller.applications.list({ filter: { candidateId: rita.candidate.id } })).total).toBe(0);

      const board = await caller.applications.board({ jobId: rita.job.id });
      const cards = board.columns.flatMap((c) => c.cards);
      expect(cards.map((c) => candidateIdOf(c.candidate))).toEqual([other.id]);
      expect(board.columns.reduce((n, c) => n + c.count, 0)).toBe(1);
      // The job's counts do not give them away either.
      expect((await caller.jobs.get({ id: rita.job.id })).applicationCounts).toEqual({ active: 1, total: 1 });
      const listed = (await caller.jobs.list({})).data.find((j) => j.id === rita.job.id);
      expect(listed?.applicationCounts).toEqual({ active: 1, total: 1 });

      expect(await codeOf(caller.candidates.get({ id: rita.candidate.id }))).toBe('NOT_FOUND');
      expect(await codeOf(caller.applications.get({ id: ritaApp }))).toBe('NOT_FOUND');
      expect(await codeOf(caller.interviews.forApplication({ applicationId: ritaApp }))).toBe('NOT_FOUND');
      expect(await codeOf(caller.interviews.scorecards({ applicationId: ritaApp }))).toBe('NOT_FOUND');
      expect(await codeOf(caller.offers.forApplication({ applicationId: ritaApp }))).toBe('NOT_FOUND');
      expect(await codeOf(caller.privacy.consentHistory({ candidateId: rita.candidate.id }))).toBe(
        'NOT_FOUND',
      );
      expect(await caller.attachments.forCandidate({ candidateId: rita.candidate.id })).toEqual([]);
      // Changing them fails the same way: they do not exist for this role.
      expect(await codeOf(caller.applications.addNote({ applicationId: ritaApp, body: 'Hello?' }))).toBe(
        'NOT_FOUND',
      );
      if (role === 'recruiter') {
        const screening = rita.job.stages.find((s) => s.kind === 'screening')!;
        expect(await codeOf(asRecruiter.applications.move({ ids: [ritaApp], stageId: screening.id }))).toBe(
          'NOT_FOUND',
        );
        expect(JSON.stringify(await asRecruiter.outbox.list({}))).not.toContain(rita.candidate.email);
        expect((await asRecruiter.outbox.list({ filter: { q: 'rita' } })).total).toBe(0);
      }
    });
  }

  it('shows the candidate to an admin, and refuses every change, changing nothing', async () => {
    const { tenant, asAdmin, rita, other, otherJob, interview, offer } = await setup();
    const found = await asAdmin.candidates.list({ filter: { q: 'Rita Restricted' } });
    expect(found.data.map((c) => [c.id, c.restrictedAt !== null])).toEqual([[rita.candidate.id, true]]);
    expect((await asAdmin.jobs.get({ id: rita.job.id })).applicationCounts).toEqual({ active: 2, total: 2 });
    expect((await asAdmin.candidates.get({ id: rita.candidate.id })).restrictedAt).not.toBeNull();
    const app = await asAdmin.applications.get({ id: rita.applicationId });
    expect(app.candidate.restrictedAt).not.toBeNull();
    const listed = await asAdmin.applications.list({ filter: { jobId: rita.job.id } });
    expect(
      listed.data.map((a) => [candidateIdOf(a.candidate), a.candidate.restrictedAt !== null]).sort(),
    ).toEqual(
      [
        [rita.candidate.id, true],
        [other.id, false],
      ].sort(),
    );
    const cards = (await asAdmin.applications.board({ jobId: rita.job.id })).columns.flatMap((c) => c.cards);
    expect(
      cards.find((c) => candidateIdOf(c.candidate) === rita.candidate.id)?.candidate.restrictedAt,
    ).not.toBeNull();
    expect(await asAdmin.interviews.forApplication({ applicationId: rita.applicationId })).toHaveLength(1);
    expect(await asAdmin.offers.forApplication({ applicationId: rita.applicationId })).toHaveLength(1);

    const loner = await asAdmin.candidates.create({
      name: 'Lou Loner',
      email: `lou-${Date.now()}@example.test`,
    });
    const before = await stateOf(tenant.id, rita.candidate.id);
    const screening = rita.job.stages.find((s) => s.kind === 'screening')!;
    const attempts: Record<string, () => Promise<unknown>> = {
      move: () => asAdmin.applications.move({ ids: [rita.applicationId], stageId: screening.id }),
      scorecard: () =>
        asAdmin.interviews.submitScorecard({
          interviewId: interview.id,
          ratings: [{ criterionId: rita.job.criteria[0]!.id, rating: 3 }],
          recommendation: 'yes',
        }),
      interview: () =>
        asAdmin.interviews.schedule({
          applicationId: rita.applicationId,
          startsAt: '2030-06-01T09:00:00Z',
          endsAt: '2030-06-01T10:00:00Z',
          interviewerIds: [interview.interviewers[0]!.id],
          videoUrl: 'https://meet.example.test/x',
        }),
      'offer create': () =>
        asAdmin.offers.create({
          applicationId: rita.applicationId,
          salary: 1,
          currency: 'EUR',
          startDate: daysFromNow(60),
          expiresOn: daysFromNow(30),
        }),
      'offer send': () => asAdmin.offers.send({ id: offer.id }),
      note: () => asAdmin.applications.addNote({ applicationId: rita.applicationId, body: 'Called her' }),
      tags: () => asAdmin.applications.setTags({ id: rita.applicationId, tags: ['strong'] }),
      edit: () => asAdmin.candidates.update({ id: rita.candidate.id, location: 'Porto' }),
      merge: () => asAdmin.candidates.merge({ keepId: loner.id, mergeId: rita.candidate.id }),
      'add to job': () => asAdmin.applications.create({ candidateId: rita.candidate.id, jobId: otherJob.id }),
      file: () =>
        asAdmin.attachments.upload({
          candidateId: rita.candidate.id,
          kind: 'resume',
          filename: 'cv.pdf',
          contentBase64: pdfBytes().toString('base64'),
        }),
      // Last: were it let through, the application would no longer be active for the others.
      reject: () =>
        asAdmin.applications.reject({ ids: [rita.applicationId], reasonId: 'other', emailDelayHours: 0 }),
    };
    const outcomes: Record<string, string> = {};
    for (const [what, attempt] of Object.entries(attempts)) {
      outcomes[what] = await attempt().then(
        () => 'OK',
        (error: unknown) => (error instanceof TRPCError ? `${error.code}: ${error.message}` : String(error)),
      );
    }
    const refused = expect.stringMatching(
      /^PRECONDITION_FAILED: A candidate asked to restrict processing of their data: .+ until that is lifted$/,
    );
    expect(outcomes).toEqual(Object.fromEntries(Object.keys(attempts).map((what) => [what, refused])));
    expect(await stateOf(tenant.id, rita.candidate.id)).toEqual(before);
    // Restricting again says so, and sends no second email.
    expect(await codeOf(asAdmin.candidates.restrict({ id: rita.candidate.id }))).toBe('PRECONDITION_FAILED');
    expect(await stateOf(tenant.id, rita.candidate.id)).toEqual(before);
  });

  it('holds an application the candidate sends on the careers site with the restriction, and confirms it to them', async () => {
    const { tenant, admin, deps, asAdmin, asRecruiter, asManager, rita, otherJob, restricted } =
      await setup();
    await seedPublishedNotice(db.orm().em.fork(), tenant);
    await setJobStatus(tenantEm(db.orm(), tenant.id), actorOf(admin.id, tenant.id), otherJob.id, 'open');
    const target = { slug: tenant.slug, jobId: otherJob.id };
    const fields = applicationFields({ name: 'Rita Restricted', email: rita.candidate.email });
    const client = httpClient(deps);
    expect((await postApplication(client, target, fields)).status).toBe(201);
    // Sent twice: the second is answered like the first and stores nothing.
    expect((await postApplication(client, target, fields)).status).toBe(201);

    // Stored, and still restricted: applying neither clears nor bypasses it.
    const em = tenantEm(db.orm(), tenant.id);
    const candidate = await em.findOneOrFail(Candidate, rita.candidate.id);
    expect(candidate.restrictedAt?.toISOString()).toBe(new Date(restricted.restrictedAt!).toISOString());
    const held = await em.findOneOrFail(Application, { candidate: rita.candidate.id, job: otherJob.id });
    expect(await em.count(Application, { candidate: rita.candidate.id })).toBe(2);

    // Hidden from everyone but those who answer privacy requests, like the rest of her.
    for (const caller of [asRecruiter, asManager]) {
      expect(await codeOf(caller.applications.get({ id: held.id }))).toBe('NOT_FOUND');
      expect((await caller.applications.list({ filter: { candidateId: rita.candidate.id } })).total).toBe(0);
    }
    expect((await asRecruiter.applications.list({ filter: { jobId: otherJob.id } })).total).toBe(0);
    const board = await asRecruiter.applications.board({ jobId: otherJob.id });
    expect(board.columns.flatMap((c) => c.cards)).toEqual([]);
    expect((await asRecruiter.jobs.get({ id: otherJob.id })).applicationCounts).toEqual({
      active: 0,
      total: 0,
    });
    expect((await asAdmin.applications.get({ id: held.id })).candidate.restrictedAt).not.toBeNull();

    // Frozen: nothing about it moves until the restriction is lifted.
    const before = await stateOf(tenant.id, rita.candidate.id);
    const screening = (await asAdmin.jobs.get({ id: otherJob.id })).stages.find(
      (s) => s.kind === 'screening',
    )!;
    for (const attempt of [
      () => asAdmin.applications.move({ ids: [held.id], stageId: screening.id }),
      () => asAdmin.applications.reject({ ids: [held.id], reasonId: 'other', emailDelayHours: 0 }),
      () => asAdmin.applications.addNote({ applicationId: held.id, body: 'Looks good' }),
      () => asAdmin.applications.setTags({ id: held.id, tags: ['strong'] }),
    ]) {
      expect(await codeOf(attempt())).toBe('PRECONDITION_FAILED');
    }
    expect(await stateOf(tenant.id, rita.candidate.id)).toEqual(before);

    // Her confirmation goes out (her own request, with her receipt) and says the application is held;
    // the one about the second form too; hiring emails about her still wait.
    await deliverDueEmails(
      db.orm().em.fork(),
      fileTransport(mkdtempSync(join(tmpdir(), 'candor-mail-'))),
      'x@candor.test',
      createLogger('silent'),
    );
    const mails = await db
      .orm()
      .em.fork()
      .find(OutboxEmail, { candidate: rita.candidate.id }, { filters: { [TENANT_FILTER]: false } });
    expect(mails.map((m) => [m.template, m.status]).sort()).toEqual([
      [ALREADY_APPLIED_TEMPLATE, 'sent'],
      ['application_received', 'sent'],
      ['candidate_interview_invitation', 'pending'],
      ['interview_invitation', 'pending'],
      ['privacy_request', 'sent'],
    ]);
    const confirmation = mails.find((m) => m.template === 'application_received')!;
    expect(confirmation.text).toContain(
      'Processing of your data is restricted at your request, so this application is kept',
    );
  });

  describe('lifting', () => {
    it('emails the candidate first, audits, and lets their applications move again', async () => {
      const { tenant, asAdmin, asRecruiter, rita } = await setup();
      const lifted = await asAdmin.candidates.liftRestriction({ id: rita.candidate.id });
      expect(lifted.restrictedAt).toBeNull();

      const em = tenantEm(db.orm(), tenant.id);
      const mails = await em.find(
        OutboxEmail,
        { to: rita.candidate.email, template: 'privacy_request' },
        { orderBy: { createdAt: 'asc' } },
      );
      expect(mails.map((m) => m.subject)).toEqual([
        `${tenant.name}: processing of your data is restricted`,
        `${tenant.name}: processing of your data is no longer restricted`,
      ]);
      expect(mails[1]!.candidate?.id).toBe(rita.candidate.id);
      expect(mails[1]!.text).toContain(
        `${tenant.name} is lifting the restriction of processing of your data that has applied since ${dayOf()} (GDPR Art. 18). From now on your data will be processed again`,
      );
      expect(mails[1]!.text).toContain(`${TEST_ORIGIN}/careers/${tenant.slug}/privacy/portal/`);
      const audit = await em.find(AuditEvent, { action: 'candidate.restriction_lift' });
      expect(audit.map((e) => [e.targetId, e.subjectRef])).toEqual([
        [rita.candidate.id, auditSubjectRef(rita.candidate.id)],
      ]);

      const screening = rita.job.stages.find((s) => s.kind === 'screening')!;
      expect(await asAdmin.applications.move({ ids: [rita.applicationId], stageId: screening.id })).toEqual({
        updated: 1,
        skipped: 0,
        rejectionEmailsWithdrawn: 0,
      });
      expect((await asRecruiter.candidates.get({ id: rita.candidate.id })).applications[0]?.stageName).toBe(
        screening.name,
      );
      expect(await codeOf(asAdmin.candidates.liftRestriction({ id: rita.candidate.id }))).toBe(
        'PRECONDITION_FAILED',
      );
    });

    it('writes both emails in the candidate’s language, with its dates and the translated portal footer', async () => {
      const em = db.orm().em.fork();
      const tenant = await seedTenant(em);
      const admin = await seedUser(em, tenant, 'admin');
      const deps = testDeps(db.orm());
      const asAdmin = await callerFor(deps, await sessionFor(deps, admin.id, tenant.id));
      await asAdmin.settings.updateLanguages({ locales: ['en', 'de', 'fr'], defaultLocale: 'en' });
      const people = [];
      for (const locale of ['de', 'fr'] as const) {
        const { candidate } = await seedJobWithApplicant(
          db.orm(),
          actorOf(admin.id, tenant.id),
          {},
          { name: `Lena ${locale}` },
        );
        const tem = tenantEm(db.orm(), tenant.id);
        (await tem.findOneOrFail(Candidate, candidate.id)).locale = locale;
        await tem.flush();
        await asAdmin.candidates.restrict({ id: candidate.id });
        await asAdmin.candidates.liftRestriction({ id: candidate.id });
        const mails = await tenantEm(db.orm(), tenant.id).find(OutboxEmail, {
          candidate: candidate.id,
          template: 'privacy_request',
        });
        // The restriction's subject is the shorter one in every language (both may share a millisecond).
        people.push({ locale, mails: mails.sort((a, b) => a.subject.length - b.subject.length) });
      }
      const today = (locale: string) =>
        new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date());
      const [german, french] = people;
      expect(german!.mails.map((m) => m.subject)).toEqual([
        `${tenant.name}: Die Verarbeitung Ihrer Daten ist eingeschränkt`,
        `${tenant.name}: Die Verarbeitung Ihrer Daten ist nicht mehr eingeschränkt`,
      ]);
      expect(german!.mails[0]!.text).toContain(
        `Guten Tag Lena de,\n\nwie von Ihnen gewünscht, hat ${tenant.name} die Verarbeitung Ihrer Daten ab dem ${today('de')} eingeschränkt (Art. 18 DSGVO).`,
      );
      expect(german!.mails[1]!.text).toContain(`die seit dem ${today('de')} gilt (Art. 18 DSGVO)`);
      expect(french!.mails.map((m) => m.subject)).toEqual([
        `${tenant.name} : le traitement de vos données est limité`,
        `${tenant.name} : le traitement de vos données n’est plus limité`,
      ]);
      expect(french!.mails[1]!.text).toContain(`en vigueur depuis le ${today('fr')} (article 18 du RGPD)`);
      for (const { locale, mails } of people)
        for (const mail of mails) {
          expect(mail.text).toContain(
            `${TEST_ORIGIN}/careers/${tenant.slug}/privacy/portal/?lang=${locale}\n`,
          );
          expect(mail.text).not.toContain('Hello');
          expect(mail.text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
        }
      expect(german!.mails[0]!.text).toContain(
        `\n\n--\n${tenant.name} nutzt Candor für die Bearbeitung von Bewerbungen.`,
      );
      expect(french!.mails[0]!.text).toContain(
        `\n\n--\n${tenant.name} utilise Candor pour gérer les candidatures.`,
      );
    });

    it('is for admins only; a recruiter cannot restrict or lift', async () => {
      const { asRecruiter, other, rita } = await setup();
      expect(await codeOf(asRecruiter.candidates.liftRestriction({ id: rita.candidate.id }))).toBe(
        'FORBIDDEN',
      );
      expect(await codeOf(asRecruiter.candidates.restrict({ id: other.id }))).toBe('FORBIDDEN');
    });
  });
});
