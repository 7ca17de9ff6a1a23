import {
  Application,
  AssessmentInvitation,
  Attachment,
  AuditEvent,
  Candidate,
  Job,
  OutboxEmail,
} from '@candor/db';
import { forEachDatabase, seedTenant, seedUser } from '@candor/db/testing';
import { expect, it } from 'vitest';
import { hashToken } from '../auth/token-hash.js';
import { heldWhileRestricted } from '../candidates/restriction.js';
import { letterPdf } from '../offers/letter-pdf.js';
import { eraseSubject } from '../privacy/subject-erasure.js';
import { subjectExport } from '../privacy/subject-export.js';
import { anonymizeApplications } from '../retention/anonymize-application.js';
import { seedJobWithApplicant, tenantEm } from '../testing/hiring-fixtures.js';
import { callerFor, httpClient, sessionFor, TEST_ORIGIN, testDeps } from '../testing/test-app.js';
import { saveAnswers, startAssessment } from './assessment-take.service.js';
import { SIGNATURE_HEADER, signWebhook, verifyWebhookSignature } from './providers.js';

const FORM = { Origin: TEST_ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' };
const MINUTE = 60_000;

const QUESTIONNAIRE = {
  title: 'Systems design questionnaire',
  kind: 'questionnaire' as const,
  instructions: 'Answer in your own words. Short answers are fine.',
  questions: [
    {
      prompt: 'How would you design a rate limiter?',
      modelAnswer: 'Token bucket per key, stored centrally.',
      criteria: [
        { name: 'Correctness', maxPoints: 5 },
        { name: 'Clarity', maxPoints: 3 },
      ],
    },
    { prompt: 'What would you log?', criteria: [{ name: 'Privacy awareness', maxPoints: 2 }] },
  ],
  timeLimitMinutes: 30,
  allowAttachments: false,
};

it('verifies webhook signatures over timestamp and body, refusing stale ones', () => {
  const now = new Date('2026-12-07T10:00:00Z');
  const t = Math.floor(now.getTime() / 1000);
  const header = signWebhook('s'.repeat(32), t, '{"a":1}');
  expect(verifyWebhookSignature('s'.repeat(32), header, '{"a":1}', now)).toBe(true);
  expect(verifyWebhookSignature('s'.repeat(32), header, '{"a":2}', now)).toBe(false);
  expect(verifyWebhookSignature('t'.repeat(32), header, '{"a":1}', now)).toBe(false);
  expect(
    verifyWebhookSignature('s'.repeat(32), header, '{"a":1}', new Date(now.getTime() + 10 * MINUTE)),
  ).toBe(false);
  expect(verifyWebhookSignature('s'.repeat(32), 'garbage', '{"a":1}', now)).toBe(false);
  expect(verifyWebhookSignature('s'.repeat(32), null, '{"a":1}', now)).toBe(false);
});

forEachDatabase('assessments', (db) => {
  const setup = async (options: { blindStage?: boolean; candidateName?: string } = {}) => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const recruiter = await seedUser(em, tenant, 'recruiter');
    const admin = await seedUser(em, tenant, 'admin');
    const manager = await seedUser(em, tenant, 'hiring_manager', { name: 'Morgan Manager' });
    const deps = testDeps(db.orm());
    const as = async (user: { id: string }) => callerFor(deps, await sessionFor(deps, user.id, tenant.id));
    const actor = { userId: recruiter.id, tenantId: tenant.id, role: 'recruiter' as const, requestId: 't' };
    const seeded = await seedJobWithApplicant(
      db.orm(),
      actor,
      { hiringTeam: [{ userId: manager.id, role: 'hiring_manager' }] },
      { name: options.candidateName ?? 'Tessa Tested' },
    );
    const rc = await as(recruiter);
    const screening = seeded.job.stages.find((s) => s.kind === 'screening')!;
    if (options.blindStage) {
      await rc.jobs.setStages({
        id: seeded.job.id,
        stages: seeded.job.stages.map((s) => ({
          id: s.id,
          name: s.name,
          kind: s.kind,
          blindReview: s.kind === 'screening',
        })),
      });
    }
    const tem = () => tenantEm(db.orm(), tenant.id);
    const linkIn = async (to: string) => {
      const [mail] = await tem().find(
        OutboxEmail,
        { template: 'assessment_invitation', to },
        { orderBy: { createdAt: 'desc' } },
      );
      expect(mail, `an assessment email to ${to}`).toBeDefined();
      return /(https?:\/\/\S+)/.exec(mail!.text)![1]!;
    };
    return {
      tenant,
      deps,
      tem,
      linkIn,
      rc,
      ac: await as(admin),
      mc: await as(manager),
      web: httpClient(deps),
      screening,
      ...seeded,
    };
  };

  /** Creates the questionnaire, attaches it to screening and moves the application there: the link goes out. */
  const invited = async (
    s: Awaited<ReturnType<typeof setup>>,
    input: Omit<typeof QUESTIONNAIRE, 'kind'> & { kind: 'questionnaire' | 'take_home' } = QUESTIONNAIRE,
  ) => {
    const assessment = await s.rc.assessments.create(input);
    const stages = await s.rc.assessments.setStage({
      stageId: s.screening.id,
      assessmentId: assessment.id,
      autoSend: true,
    });
    expect(stages.find((st) => st.stageId === s.screening.id)?.assessmentTitle).toBe(input.title);
    await s.rc.applications.move({ ids: [s.applicationId], stageId: s.screening.id });
    const url = await s.linkIn(s.candidate.email);
    return { assessment, path: new URL(url).pathname, token: new URL(url).pathname.split('/').pop()! };
  };

  const post = (s: Awaited<ReturnType<typeof setup>>, path: string, body: Record<string, string>) =>
    s.web.request(path, { method: 'POST', headers: FORM, body: new URLSearchParams(body).toString() });

  it('goes from invitation on entering the stage to the candidate’s answers to a score on the application', async () => {
    const s = await setup();
    const { assessment, path, token } = await invited(s);
    expect(assessment.maxPoints).toBe(10);
    const [q1, q2] = assessment.questions;

    // The token is stored only as its hash.
    const row = await s.tem().findOneOrFail(AssessmentInvitation, { application: s.applicationId });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);

    // Opening the link starts nothing: the intro page with the time limit and a Start button.
    const intro = await s.web.request(path);
    expect(intro.status).toBe(200);
    const introHtml = await intro.text();
    expect(introHtml).toContain('You have 30 minutes from the moment you press Start');
    expect(introHtml).toContain(`<form method="post" action="${path}/start">`);
    expect((await s.tem().findOneOrFail(AssessmentInvitation, row.id)).status).toBe('invited');

    // Start needs our own origin.
    expect(
      (await s.web.request(`${path}/start`, { method: 'POST', headers: { Origin: 'https://evil.test' } }))
        .status,
    ).toBe(403);
    const started = await s.web.request(`${path}/start`, { method: 'POST', headers: FORM });
    expect(started.status).toBe(303);
    const questions = await (await s.web.request(path)).text();
    expect(questions).toContain(`<label for="answer-${q1!.id}">Your answer to question 1</label>`);
    expect(questions).toContain('Save progress');
    expect(questions).not.toContain('Token bucket per key'); // the model answer is the reviewers'

    // Save progress, close the tab, reopen: the answer is there, sealed in the database.
    const saved = await post(s, path, {
      action: 'save',
      [q1!.id]: 'A token bucket in the database, per IP.',
    });
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain('Your answers were saved');
    const stored = await s.tem().findOneOrFail(AssessmentInvitation, row.id);
    expect(stored.answers?.[0]?.answer.startsWith('enc:')).toBe(true);
    const reopened = await (await s.web.request(path)).text();
    expect(reopened).toContain('A token bucket in the database, per IP.</textarea>');

    // Drafts are the candidate's: staff see answers only once submitted.
    const draft = await s.rc.assessments.forApplication({ applicationId: s.applicationId });
    expect(draft.invitations[0]!.status).toBe('started');
    expect(draft.invitations[0]!.questions[0]!.answer).toBeNull();
    await expect(
      s.rc.assessments.score({
        invitationId: row.id,
        scores: [{ questionId: q1!.id, criterionId: q1!.criteria[0]!.id, points: 4, comment: '' }],
      }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });

    const submitted = await post(s, path, {
      action: 'submit',
      [q1!.id]: 'A token bucket in the database, per IP.',
      [q2!.id]: 'Request ids, never personal data.',
    });
    expect(submitted.status).toBe(200);
    expect(await submitted.text()).toContain('Your answers were sent');
    // After submitting, nothing changes any more.
    const again = await post(s, path, { action: 'save', [q1!.id]: 'changed' });
    expect(again.status).toBe(409);

    const view = await s.rc.assessments.forApplication({ applicationId: s.applicationId });
    expect(view.invitations[0]!.status).toBe('submitted');
    expect(view.invitations[0]!.questions.map((q) => q.answer)).toEqual([
      'A token bucket in the database, per IP.',
      'Request ids, never personal data.',
    ]);

    // Points above a criterion's maximum are a field error.
    await expect(
      s.mc.assessments.score({
        invitationId: row.id,
        scores: [{ questionId: q1!.id, criterionId: q1!.criteria[0]!.id, points: 9, comment: '' }],
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const scored = await s.mc.assessments.score({
      invitationId: row.id,
      scores: [
        { questionId: q1!.id, criterionId: q1!.criteria[0]!.id, points: 4, comment: 'Solid, missed bursts.' },
        { questionId: q1!.id, criterionId: q1!.criteria[1]!.id, points: 3, comment: '' },
        { questionId: q2!.id, criterionId: q2!.criteria[0]!.id, points: 2, comment: 'Good instinct.' },
      ],
    });
    const result = scored.invitations[0]!;
    expect(result.status).toBe('scored');
    expect([result.totalPoints, result.maxPoints]).toEqual([9, 10]);
    expect(result.scores.map((sc) => [sc.points, sc.maxPoints, sc.byName])).toContainEqual([
      4,
      5,
      'Morgan Manager',
    ]);
    expect(result.scores.find((sc) => sc.points === 4)?.comment).toBe('Solid, missed bursts.');
    const sealedScores = (await s.tem().findOneOrFail(AssessmentInvitation, row.id)).scores ?? [];
    expect(sealedScores.find((sc) => sc.points === 4)?.comment.startsWith('enc:')).toBe(true);
    expect(await s.tem().count(AuditEvent, { action: 'assessment.score' })).toBe(1);

    // Moving back out and in again sends no second link for the same assessment.
    const applied = s.job.stages.find((st) => st.kind === 'applied')!;
    await s.rc.applications.move({ ids: [s.applicationId], stageId: applied.id });
    await s.rc.applications.move({ ids: [s.applicationId], stageId: s.screening.id });
    expect(await s.tem().count(OutboxEmail, { template: 'assessment_invitation' })).toBe(1);
  });

  it('enforces the time limit on the server: after the deadline nothing changes and what was saved is submitted', async () => {
    const s = await setup();
    const { assessment, path, token } = await invited(s);
    const [q1] = assessment.questions;
    const em = s.deps.orm.em.fork();
    // Started 40 minutes ago with a 30-minute limit; saved after 10 minutes.
    const startedAt = new Date(Date.now() - 40 * MINUTE);
    await startAssessment(em, s.deps, token, 'test', startedAt);
    const early = await saveAnswers(
      s.deps.orm.em.fork(),
      s.deps,
      token,
      { answers: { [q1!.id]: 'What I had after ten minutes' }, submit: false, file: null },
      'test',
      new Date(startedAt.getTime() + 10 * MINUTE),
    );
    expect(early.kind).toBe('saved');
    const row = await s.tem().findOneOrFail(AssessmentInvitation, { application: s.applicationId });
    expect(row.deadlineAt?.getTime()).toBe(startedAt.getTime() + 30 * MINUTE);

    // Now (past the deadline) a save changes nothing and the page says the saved answers were sent.
    const late = await post(s, path, { action: 'submit', [q1!.id]: 'Typed after the deadline' });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain('The time limit ran out');
    const after = await s.tem().findOneOrFail(AssessmentInvitation, row.id);
    expect(after.status).toBe('submitted');
    expect(after.submittedByDeadline).toBe(true);
    expect(after.submittedAt?.getTime()).toBe(startedAt.getTime() + 30 * MINUTE);
    const view = await s.rc.assessments.forApplication({ applicationId: s.applicationId });
    expect(view.invitations[0]!.questions[0]!.answer).toBe('What I had after ten minutes');
    expect(view.invitations[0]!.submittedByDeadline).toBe(true);
    // Start again changes nothing either.
    const restart = await startAssessment(s.deps.orm.em.fork(), s.deps, token, 'test');
    expect(restart.kind).toBe('done');
  });

  it('shows a blind reviewer the answers with the candidate’s identity redacted', async () => {
    const s = await setup({ blindStage: true, candidateName: 'Quintessa Vantablack' });
    const { assessment, path } = await invited(s);
    const [q1, q2] = assessment.questions;
    await s.web.request(`${path}/start`, { method: 'POST', headers: FORM });
    await post(s, path, {
      action: 'submit',
      [q1!.id]: `I am Quintessa Vantablack; write to ${s.candidate.email}.`,
      [q2!.id]: 'Nothing personal.',
    });
    const blind = await s.mc.assessments.forApplication({ applicationId: s.applicationId });
    const text = JSON.stringify(blind);
    expect(text).not.toContain('Quintessa');
    expect(text).not.toContain('Vantablack');
    expect(text).not.toContain(s.candidate.email);
    expect(blind.invitations[0]!.questions[1]!.answer).toBe('Nothing personal.');
    // The recruiter reads it as written.
    const open = await s.rc.assessments.forApplication({ applicationId: s.applicationId });
    expect(open.invitations[0]!.questions[0]!.answer).toContain('Quintessa Vantablack');
  });

  it('puts the answers in the candidate’s export and erases them with the candidate and with the application', async () => {
    const s = await setup();
    const { assessment, path } = await invited(s);
    await s.web.request(`${path}/start`, { method: 'POST', headers: FORM });
    await post(s, path, { action: 'submit', [assessment.questions[0]!.id]: 'My exported answer' });
    const exported = await subjectExport(s.tem(), s.candidate.id, s.deps);
    expect(JSON.stringify(exported.records.AssessmentInvitation)).toContain('My exported answer');

    const summary = await s.tem().transactional((tx) => eraseSubject(tx, s.candidate.id));
    expect(summary.entities.AssessmentInvitation?.deleted).toBe(1);
    expect(await s.tem().count(AssessmentInvitation, {})).toBe(0);
    expect((await s.web.request(path)).status).toBe(404);

    const t = await setup();
    await invited(t);
    await t.tem().transactional((tx) => anonymizeApplications(tx, t.tenant.id, [t.applicationId]));
    expect(await t.tem().count(AssessmentInvitation, {})).toBe(0);
  });

  it('takes a file through the document upload path: sniffed, sealed under the candidate’s key', async () => {
    const s = await setup();
    const { assessment, path } = await invited(s, {
      ...QUESTIONNAIRE,
      kind: 'take_home',
      allowAttachments: true,
    } as never);
    await s.web.request(`${path}/start`, { method: 'POST', headers: FORM });
    const form = (file: Blob, name: string) => {
      const body = new FormData();
      body.set('action', 'save');
      body.set(assessment.questions[0]!.id, 'See the attached plan.');
      body.set('attachment', file, name);
      return s.web.request(path, { method: 'POST', headers: { Origin: TEST_ORIGIN }, body });
    };
    const refused = await form(new Blob(['just text']), 'plan.txt');
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('aria-invalid="true" aria-describedby="attachment-error"');
    expect(await s.tem().count(Attachment, {})).toBe(0);

    const pdf = letterPdf({ heading: 'Stock count plan', subheading: '', body: 'Zone by zone.', footer: '' });
    const saved = await form(new Blob([new Uint8Array(pdf)]), 'plan.pdf');
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain('Added: plan.pdf');
    const [file] = await s.tem().find(Attachment, {});
    expect(file).toMatchObject({
      filename: 'plan.pdf',
      contentType: 'application/pdf',
      encrypted: true,
      kind: 'other',
    });
    const bytes = await s.deps.files.read(file!.storageKey);
    expect(Buffer.from(bytes).includes(Buffer.from('%PDF'))).toBe(false);
    await post(s, path, { action: 'submit', [assessment.questions[0]!.id]: 'See the attached plan.' });
    const view = await s.rc.assessments.forApplication({ applicationId: s.applicationId });
    expect(view.invitations[0]!.attachments).toEqual([{ id: file!.id, label: 'plan.pdf' }]);
  });

  it('sends nothing to a candidate who restricted processing', async () => {
    const s = await setup();
    const assessment = await s.rc.assessments.create(QUESTIONNAIRE);
    await s.tem().nativeUpdate(Candidate, { id: s.candidate.id }, { restrictedAt: new Date() });
    await s.tem().nativeUpdate(Application, { id: s.applicationId }, { candidateRestricted: true });
    await expect(
      s.ac.assessments.send({ applicationId: s.applicationId, assessmentId: assessment.id }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    expect(await s.tem().count(OutboxEmail, { template: 'assessment_invitation' })).toBe(0);
    // One queued before the restriction waits in the outbox with the other hiring mail.
    expect(heldWhileRestricted('assessment_invitation')).toBe(true);
  });

  it('sends an external provider’s link and takes its signed results, refusing bad or stale signatures with 401', async () => {
    const s = await setup();
    const secret = 'whsec_0123456789abcdef0123456789abcdef';
    const provider = await s.ac.assessments.addProvider({
      name: 'CodeTest Co',
      invitationUrlTemplate: 'https://codetest.example.test/start/{invitationId}',
      webhookSecret: secret,
    });
    const assessment = await s.rc.assessments.create({ ...QUESTIONNAIRE, providerId: provider.id });
    await s.rc.assessments.send({ applicationId: s.applicationId, assessmentId: assessment.id });
    const row = await s.tem().findOneOrFail(AssessmentInvitation, { application: s.applicationId });
    expect(await s.linkIn(s.candidate.email)).toBe(`https://codetest.example.test/start/${row.id}`);
    expect(row.tokenHash).toBeNull();

    const body = JSON.stringify({ invitationId: row.id, status: 'scored', score: 42, maxScore: 50 });
    const now = Math.floor(Date.now() / 1000);
    const send = (signature: string, payload = body) =>
      s.web.request(provider.webhookPath, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [SIGNATURE_HEADER]: signature },
        body: payload,
      });
    expect((await send(signWebhook('wrong-secret-wrong-secret-wrong-secret', now, body))).status).toBe(401);
    expect((await send(signWebhook(secret, now - 3600, body))).status).toBe(401);
    expect((await send(signWebhook(secret, now, body), body.replace('42', '50'))).status).toBe(401);
    expect((await s.tem().findOneOrFail(AssessmentInvitation, row.id)).status).toBe('invited');

    const ok = await send(signWebhook(secret, now, body));
    expect(ok.status).toBe(200);
    const after = await s.tem().findOneOrFail(AssessmentInvitation, row.id);
    expect([after.status, after.totalPoints, after.maxPoints]).toEqual(['scored', 42, 50]);
    // Another tenant's invitation id, properly signed: not this provider's.
    const other = await setup();
    const otherAssessment = await other.rc.assessments.create(QUESTIONNAIRE);
    await other.rc.assessments.send({ applicationId: other.applicationId, assessmentId: otherAssessment.id });
    const foreign = await other
      .tem()
      .findOneOrFail(AssessmentInvitation, { application: other.applicationId });
    const foreignBody = JSON.stringify({ invitationId: foreign.id, status: 'submitted' });
    expect((await send(signWebhook(secret, now, foreignBody), foreignBody)).status).toBe(404);

    // The report counts it (small counts hidden).
    const today = new Date().toISOString().slice(0, 10);
    const report = await s.rc.assessments.report({ from: today, to: today });
    expect(report.rows).toHaveLength(1);
    expect(report.rows[0]!.invited === null || report.rows[0]!.invited === 1).toBe(true);
  });

  it('reports invited, completed, completion rate and median score, hiding small counts', async () => {
    const s = await setup();
    const assessment = await s.rc.assessments.create(QUESTIONNAIRE);
    // Six more applicants to the same job, all invited; three submit, two are scored.
    const ids = [s.applicationId];
    for (let i = 0; i < 5; i++) {
      const c = await s.rc.candidates.create({
        name: `Rita Reported${i}`,
        email: `rita${i}-${Date.now()}@example.test`,
        source: 'careers_site',
        jobId: s.job.id,
      });
      ids.push(c.applications[0]!.id);
    }
    for (const id of ids) await s.rc.assessments.send({ applicationId: id, assessmentId: assessment.id });
    const tem = s.tem();
    const rows = await tem.find(AssessmentInvitation, {}, { orderBy: { id: 'asc' } });
    rows.forEach((r, i) => {
      if (i < 5) {
        r.status = i < 3 ? 'scored' : 'submitted';
        r.submittedAt = new Date();
        if (i < 3) r.totalPoints = [5, 8, 10][i]!;
      }
    });
    await tem.flush();
    const today = new Date().toISOString().slice(0, 10);
    const report = await s.rc.assessments.report({ from: today, to: today });
    const [row] = report.rows;
    expect(report.k).toBeGreaterThan(1);
    // 6 invited, 5 completed: shown when at least k; the median of 3 scores hidden below k.
    expect(row!.invited).toBe(6 >= report.k ? 6 : null);
    expect(row!.completed).toBe(5 >= report.k ? 5 : null);
    expect(row!.medianScore).toBe(3 >= report.k ? 0.8 : null);
    // A restricted candidate is not counted.
    await s.tem().nativeUpdate(Application, { id: ids[5] }, { candidateRestricted: true });
    const fewer = await s.rc.assessments.report({ from: today, to: today, jobId: s.job.id });
    expect(fewer.rows[0]!.invited).toBe(5 >= report.k ? 5 : null);
    // A department: its jobs' rows only.
    const job = await s.tem().findOneOrFail(Job, s.job.id);
    const ofDepartment = await s.rc.assessments.report({
      from: today,
      to: today,
      department: job.department,
    });
    expect(ofDepartment.rows.map((r) => r.jobId)).toEqual([s.job.id]);
    const otherDepartment = await s.rc.assessments.report({
      from: today,
      to: today,
      department: 'Nobody here',
    });
    expect(otherDepartment.rows).toEqual([]);
  });
});
