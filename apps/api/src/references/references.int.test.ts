import { Application, AuditEvent, OutboxEmail, Referee, ReferenceRequest } from '@candor/db';
import { forEachDatabase, seedTenant, seedUser } from '@candor/db/testing';
import { TRPCError } from '@trpc/server';
import { expect, it } from 'vitest';
import { eraseSubject } from '../privacy/subject-erasure.js';
import { subjectExport } from '../privacy/subject-export.js';
import { anonymizeApplications } from '../retention/anonymize-application.js';
import { seedJobWithApplicant, tenantEm } from '../testing/hiring-fixtures.js';
import { callerFor, httpClient, sessionFor, TEST_ORIGIN, testDeps } from '../testing/test-app.js';
import { parseNomination } from './references.http.js';

const FORM = { Origin: TEST_ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' };
const ANSWERS = {
  action: 'answer',
  relationship: 'I managed Rosa at Initech for three years.',
  strengths: 'Calm under pressure; writes the clearest design documents I have read.',
  growth: '',
  again: 'yes',
  other: '',
};

it('reads the candidate’s referee blocks: blank extra blocks skipped, consent required, duplicates refused', () => {
  const one = { referee1_name: 'A', referee1_email: 'A@Example.test', referee1_relationship: 'boss' };
  expect(parseNomination({ ...one, referee1_consented: 'yes' }, 2)).toEqual({
    referees: [{ name: 'A', email: 'a@example.test', relationship: 'boss', consented: true }],
  });
  expect(parseNomination(one, 2)).toEqual({
    errors: { referee1_consented: 'Confirm that this referee agreed to be contacted' },
  });
  expect(parseNomination({}, 1)).toMatchObject({ errors: { referee1_name: expect.any(String) } });
  const twice = {
    ...one,
    referee1_consented: 'yes',
    referee2_name: 'B',
    referee2_email: 'a@example.test',
    referee2_relationship: 'peer',
    referee2_consented: 'yes',
  };
  expect(parseNomination(twice, 2)).toEqual({ errors: { referee2_email: 'You named this referee already' } });
});

forEachDatabase('reference checks', (db) => {
  const setup = async () => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const recruiter = await seedUser(em, tenant, 'recruiter');
    const admin = await seedUser(em, tenant, 'admin');
    const deps = testDeps(db.orm());
    const as = async (user: { id: string }) => callerFor(deps, await sessionFor(deps, user.id, tenant.id));
    const actor = { userId: recruiter.id, tenantId: tenant.id, role: 'recruiter' as const, requestId: 't' };
    const seeded = await seedJobWithApplicant(db.orm(), actor, {}, { name: 'Rosa Referenced' });
    const tem = tenantEm(db.orm(), tenant.id);
    /** The link in the newest email of a template to an address. */
    const linkIn = async (template: string, to: string) => {
      const [mail] = await tenantEm(db.orm(), tenant.id).find(
        OutboxEmail,
        { template, to },
        { orderBy: { createdAt: 'desc' } },
      );
      expect(mail, `an email ${template} to ${to}`).toBeDefined();
      return new URL(/(http:\/\/\S+\/references\/\S+)/.exec(mail!.text)![1]!).pathname;
    };
    return {
      tenant,
      deps,
      tem,
      linkIn,
      rc: await as(recruiter),
      ac: await as(admin),
      web: httpClient(deps),
      ...seeded,
    };
  };

  /** Staff add one referee and the referee answers on their page. */
  const answeredReference = async (s: Awaited<ReturnType<typeof setup>>, email = 'rhea@example.test') => {
    await s.rc.references.add({
      applicationId: s.applicationId,
      referees: [{ name: 'Rhea Referee', email, relationship: 'Former manager', consented: true }],
    });
    const path = await s.linkIn('reference_invitation', email);
    const posted = await s.web.request(path, {
      method: 'POST',
      headers: FORM,
      body: new URLSearchParams(ANSWERS).toString(),
    });
    expect(posted.status).toBe(200);
    return path;
  };

  it('goes request → the candidate names a referee → the referee answers once → the answers show on the application', async () => {
    const { rc, web, linkIn, tem, applicationId, candidate, tenant, job } = await setup();
    const requested = await rc.references.request({ applicationId, count: 2 });
    expect(requested.pendingRequest?.count).toBe(2);

    const namePath = await linkIn('reference_request', candidate.email);
    const page = await web.request(namePath);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<label for="referee1_name">Full name</label>');
    expect(html).toContain('<label for="referee2_consented">This person agreed to be contacted');

    // Without the referee's agreement ticked, nothing is sent and the page says what to fix.
    const named = {
      referee1_name: 'Rhea Referee',
      referee1_email: 'rhea@example.test',
      referee1_relationship: 'My manager at Initech, 2019 to 2023',
    };
    const missingConsent = await web.request(namePath, {
      method: 'POST',
      headers: FORM,
      body: new URLSearchParams(named).toString(),
    });
    expect(missingConsent.status).toBe(400);
    const errorPage = await missingConsent.text();
    expect(errorPage).toContain('role="alert"');
    expect(errorPage).toContain(
      '<a href="#referee1_consented">Confirm that this referee agreed to be contacted</a>',
    );
    expect(errorPage).toContain('value="Rhea Referee"');

    const crossSite = await web.request(namePath, {
      method: 'POST',
      headers: { ...FORM, Origin: 'https://evil.example' },
      body: new URLSearchParams({ ...named, referee1_consented: 'yes' }).toString(),
    });
    expect(crossSite.status).toBe(403);

    const done = await web.request(namePath, {
      method: 'POST',
      headers: FORM,
      body: new URLSearchParams({ ...named, referee1_consented: 'yes' }).toString(),
    });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('We have emailed your referee a short form.');
    // The link works once.
    expect((await web.request(namePath)).status).toBe(404);

    const answerPath = await linkIn('reference_invitation', 'rhea@example.test');
    const form = await (await web.request(answerPath)).text();
    expect(form).toContain('<h1>A reference for Rosa Referenced</h1>');
    expect(form).toContain('<legend id="q-again-legend">Would you work with them again?');
    expect(form).toContain('<label for="q-strengths">What are their main strengths?');

    const incomplete = await web.request(answerPath, {
      method: 'POST',
      headers: FORM,
      body: new URLSearchParams({ ...ANSWERS, strengths: '', again: '' }).toString(),
    });
    expect(incomplete.status).toBe(400);
    const incompleteHtml = await incomplete.text();
    expect(incompleteHtml).toContain('<a href="#q-strengths">Please answer this question</a>');
    expect(incompleteHtml).toContain('<a href="#q-again">Choose yes or no</a>');
    expect(incompleteHtml).toContain('aria-describedby="q-strengths-error"');
    expect(incompleteHtml).toContain('I managed Rosa at Initech for three years.');

    const tooLong = await web.request(answerPath, {
      method: 'POST',
      headers: FORM,
      body: new URLSearchParams({ ...ANSWERS, other: 'x'.repeat(4001) }).toString(),
    });
    expect(tooLong.status).toBe(400);

    const sent = await web.request(answerPath, {
      method: 'POST',
      headers: FORM,
      body: new URLSearchParams(ANSWERS).toString(),
    });
    expect(sent.status).toBe(200);
    expect(await sent.text()).toContain('Your reference was sent');
    const again = await web.request(answerPath, {
      method: 'POST',
      headers: FORM,
      body: new URLSearchParams({ ...ANSWERS, strengths: 'changed' }).toString(),
    });
    expect(again.status).toBe(404);

    const shown = await rc.references.forApplication({ applicationId });
    expect(shown.pendingRequest).toBeNull();
    expect(shown.referees).toHaveLength(1);
    expect(shown.referees[0]).toMatchObject({
      name: 'Rhea Referee',
      email: 'rhea@example.test',
      consentRecordedBy: 'candidate',
      status: 'answered',
    });
    expect(shown.referees[0]!.answers).toEqual([
      {
        questionId: 'relationship',
        question: 'How do you know the candidate, and for how long did you work together?',
        answer: ANSWERS.relationship,
      },
      { questionId: 'strengths', question: 'What are their main strengths?', answer: ANSWERS.strengths },
      { questionId: 'again', question: 'Would you work with them again?', answer: 'yes' },
    ]);
    // The recruiter who asked hears that the reference arrived.
    const { items } = await rc.notifications.list({});
    expect(items.filter((n) => n.kind === 'reference_received').map((n) => n.text)).toEqual([
      `Rhea Referee sent a reference for Rosa Referenced (${job.title})`,
    ]);
    const actions = (await tem.find(AuditEvent, { tenant: tenant.id, action: { $like: 'reference.%' } })).map(
      (e) => e.action,
    );
    expect(actions.sort()).toEqual(['reference.answered', 'reference.nominate', 'reference.request']);
  });

  it('validates staff input with field errors, lets a referee decline, and stops a link at its expiry', async () => {
    const { rc, web, linkIn, tem, applicationId } = await setup();
    const refused = await rc.references
      .add({
        applicationId,
        referees: [{ name: '', email: 'not-an-email', relationship: 'peer', consented: false as true }],
      })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TRPCError);
    expect((refused as TRPCError).code).toBe('BAD_REQUEST');
    const paths = (refused as TRPCError & { cause: { issues: { path: PropertyKey[] }[] } }).cause.issues.map(
      (i) => i.path.join('.'),
    );
    expect(paths.sort()).toEqual(['referees.0.consented', 'referees.0.email', 'referees.0.name']);

    await rc.references.add({
      applicationId,
      referees: [
        { name: 'Dee Decliner', email: 'dee@example.test', relationship: 'Peer', consented: true },
        { name: 'Lee Late', email: 'lee@example.test', relationship: 'Client', consented: true },
      ],
    });
    const declinePath = await linkIn('reference_invitation', 'dee@example.test');
    const declined = await web.request(declinePath, {
      method: 'POST',
      headers: FORM,
      body: 'action=decline',
    });
    expect(declined.status).toBe(200);
    expect(await declined.text()).toContain('You declined to give a reference.');

    const latePath = await linkIn('reference_invitation', 'lee@example.test');
    const late = await tem.findOneOrFail(Referee, { email: 'lee@example.test' });
    late.expiresAt = new Date(Date.now() - 1000);
    await tem.flush();
    expect((await web.request(latePath)).status).toBe(404);
    const posted = await web.request(latePath, {
      method: 'POST',
      headers: FORM,
      body: new URLSearchParams(ANSWERS).toString(),
    });
    expect(posted.status).toBe(404);
    const statuses = (await rc.references.forApplication({ applicationId })).referees.map((r) => [
      r.name,
      r.status,
      r.consentRecordedBy,
    ]);
    expect(statuses).toEqual([
      ['Dee Decliner', 'declined', 'staff'],
      ['Lee Late', 'expired', 'staff'],
    ]);
    expect((await web.request(`/references/answer/${'x'.repeat(43)}`)).status).toBe(404);

    // Once the application is decided, an open link stops working.
    await rc.references.add({
      applicationId,
      referees: [{ name: 'Otto Open', email: 'otto@example.test', relationship: 'Peer', consented: true }],
    });
    const openPath = await linkIn('reference_invitation', 'otto@example.test');
    expect((await web.request(openPath)).status).toBe(200);
    const app = await tem.findOneOrFail(Application, applicationId);
    app.status = 'rejected';
    await tem.flush();
    expect((await web.request(openPath)).status).toBe(404);
    await expect(rc.references.request({ applicationId, count: 1 })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
  });

  it('gives a referee their own data on request, and keeps their invitation out of the candidate’s export', async () => {
    const s = await setup();
    await answeredReference(s);
    await expect(s.rc.references.refereeExport({ email: 'rhea@example.test' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const own = await s.ac.references.refereeExport({ email: 'RHEA@example.test' });
    expect(own.references).toHaveLength(1);
    expect(own.references[0]).toMatchObject({
      name: 'Rhea Referee',
      email: 'rhea@example.test',
      relationship: 'Former manager',
      jobTitle: s.job.title,
      status: 'answered',
    });
    expect(own.references[0]!.answers.map((a) => a.answer)).toContain(ANSWERS.strengths);
    expect(JSON.stringify(own)).not.toContain(s.candidate.email);

    // The candidate's export: the referee they gave and what was written about them, not mail addressed to the referee.
    const exported = await subjectExport(s.tem, s.candidate.id, s.deps);
    expect(exported.records.Referee?.map((r) => r.values.name)).toEqual(['Rhea Referee']);
    expect(JSON.stringify(exported.records.OutboxEmail ?? [])).not.toContain('rhea@example.test');
  });

  it('erases references with the candidate, with a retention anonymization of the application, and on the referee’s request', async () => {
    const s = await setup();
    await answeredReference(s);
    await s.rc.references.request({ applicationId: s.applicationId, count: 1 });
    const summary = await tenantEm(db.orm(), s.tenant.id).transactional((tx) =>
      eraseSubject(tx, s.candidate.id),
    );
    expect(summary.entities.Referee?.deleted).toBe(1);
    expect(summary.entities.ReferenceRequest?.deleted).toBe(1);
    expect(await tenantEm(db.orm(), s.tenant.id).count(Referee, {})).toBe(0);

    // Retention's anonymization of an application deletes its references.
    const t = await setup();
    await answeredReference(t, 'ret@example.test');
    await tenantEm(db.orm(), t.tenant.id).transactional((tx) =>
      anonymizeApplications(tx, t.tenant.id, [t.applicationId]),
    );
    expect(await tenantEm(db.orm(), t.tenant.id).count(Referee, {})).toBe(0);
    expect(await tenantEm(db.orm(), t.tenant.id).count(ReferenceRequest, {})).toBe(0);

    // The referee's own erasure request: their references and the invitations to them go.
    const u = await setup();
    await answeredReference(u, 'gone@example.test');
    // Under a legal hold on the candidate, their references stay.
    const hold = await u.ac.holds.place({
      candidateId: u.candidate.id,
      reason: 'Claim before the labour court',
    });
    expect(await u.ac.references.refereeErase({ email: 'gone@example.test' })).toEqual({
      erased: 0,
      held: 1,
    });
    expect(await tenantEm(db.orm(), u.tenant.id).count(Referee, {})).toBe(1);
    await u.ac.holds.release({ id: hold.id });
    expect(await u.ac.references.refereeErase({ email: 'gone@example.test' })).toEqual({
      erased: 1,
      held: 0,
    });
    const fresh = tenantEm(db.orm(), u.tenant.id);
    expect(await fresh.count(Referee, {})).toBe(0);
    expect(await fresh.count(OutboxEmail, { to: 'gone@example.test' })).toBe(0);
    expect((await u.rc.references.forApplication({ applicationId: u.applicationId })).referees).toEqual([]);
  });
});
