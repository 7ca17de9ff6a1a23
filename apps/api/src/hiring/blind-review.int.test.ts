/**
 * Blind review's leak test. A candidate with a distinctive identity applies;
 * their application sits in a blind-review stage with everything staff and
 * the candidate could put identity into: answers, a cover letter, a note, a
 * resume (name, contacts, birth date, links, a telling file name), an
 * interview, scorecards and an offer. Then every procedure a hiring manager
 * can reach, enumerated from the router, is called for that application, and
 * no response, error, email (the interview invitation and its calendar
 * entry included) or document they can get holds any of it.
 */
import {
  Application,
  AssessmentInvitation,
  AuditEvent,
  BackgroundCheck,
  OutboxEmail,
  Tenant,
} from '@candor/db';
import { forEachDatabase, seedTenant, seedUser } from '@candor/db/testing';
import { DEFAULT_PRIVACY_SETTINGS } from '@candor/schemas';
import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveAnswers, startAssessment } from '../assessments/assessment-take.service.js';
import { candidateKey, sealAnswers, sealFor } from '../keys/data-keys.js';
import { letterPdf } from '../offers/letter-pdf.js';
import { indexPendingDocuments } from '../search/document-index.js';
import { daysFromNow } from '../testing/dates.js';
import { tenantEm } from '../testing/hiring-fixtures.js';
import { procedureOf, reachableBy } from '../testing/procedures.js';
import { callerFor, httpClient, sessionFor, testDeps } from '../testing/test-app.js';

const ZELDA = {
  name: 'Zelda Quixote-Marchetti',
  email: 'zelda.qm@example.test',
  phone: '+49 30 1234 5678',
  location: 'Quokka Lane 7, Perth',
  links: ['https://www.linkedin.com/in/zquixote'],
};
const RESUME_NAME = 'Zelda_Quixote-Marchetti_CV_born_1988.pdf';

/** What must not reach a blind reviewer, in any form; each is distinctive enough not to occur by chance. */
const HIDDEN = [
  'Zelda',
  'Quixote',
  'Marchetti',
  'zelda.qm',
  '1234 5678',
  '12345678',
  'Quokka',
  'Perth',
  'zquixote',
  'CV_born',
  'March 1988',
  '1988-03-14',
];

function leaksIn(text: string): string[] {
  const lower = text.toLowerCase();
  return HIDDEN.filter((value) => lower.includes(value.toLowerCase()));
}

interface Fixture {
  tenantId: string;
  jobId: string;
  applicationId: string;
  candidateId: string;
  attachmentId: string;
  interviewId: string;
  offerId: string;
  checkId: string;
  criterionId: string;
  screenStageId: string;
  assessmentInvitationId: string;
  recruiterToken: string;
  managerToken: string;
  manager: { id: string; email: string };
}

/** Well-formed passkey answers that verify against nothing (no challenge was issued for them). */
const SAMPLE_REGISTRATION = {
  id: 'AAAA',
  rawId: 'AAAA',
  type: 'public-key',
  response: { clientDataJSON: 'e30', attestationObject: 'oA' },
  clientExtensionResults: {},
};
const SAMPLE_ASSERTION = {
  id: 'AAAA',
  rawId: 'AAAA',
  type: 'public-key',
  response: { clientDataJSON: 'e30', authenticatorData: 'AA', signature: 'AA' },
  clientExtensionResults: {},
};

/** An input for every procedure a hiring manager can reach, aimed at the blind application where it names one. */
const MANAGER_INPUTS: Record<string, (f: Fixture) => unknown> = {
  'auth.signIn': () => ({ email: 'nobody@example.test', password: 'whatever' }),
  'auth.signOut': () => undefined,
  'auth.me': () => undefined,
  'auth.switchTenant': (f) => ({ tenantId: f.tenantId }),
  'auth.setPassword': () => ({ token: 'x'.repeat(43), password: 'a long enough passphrase' }),
  'auth.requestPasswordReset': () => ({ email: 'nobody@example.test' }),
  'auth.completeSignIn': () => ({ method: 'totp', token: 'x'.repeat(43), code: '123456' }),
  'twoFactor.status': () => undefined,
  'twoFactor.startTotp': () => undefined,
  'twoFactor.confirmTotp': () => ({ code: '123456' }),
  'twoFactor.disableTotp': () => ({ code: '123456' }),
  'passkeys.list': () => undefined,
  'passkeys.startRegistration': () => undefined,
  'passkeys.finishRegistration': () => ({ name: 'Laptop', response: SAMPLE_REGISTRATION }),
  'passkeys.rename': () => ({ id: '00000000-0000-4000-8000-000000000000', name: 'Laptop' }),
  'passkeys.remove': () => ({ id: '00000000-0000-4000-8000-000000000000' }),
  'auth.passkeySignInOptions': () => undefined,
  'auth.signInWithPasskey': () => ({ response: SAMPLE_ASSERTION }),
  'auth.passkeySecondFactorOptions': () => ({ token: 'x'.repeat(43) }),
  'auth.singleSignOnOf': () => ({ org: 'no-such-org' }),
  'auth.whoAmI': () => undefined,
  'auth.sessions': () => undefined,
  'auth.endSession': () => ({ id: 'a'.repeat(64) }),
  'auth.endOtherSessions': () => undefined,
  // A wrong current password: the manager must keep theirs for the tests after this one.
  'auth.changePassword': () => ({
    currentPassword: 'not the password',
    password: 'plum tractor seventeen lagoon',
  }),
  'users.acceptInvitation': () => ({ token: 'x'.repeat(43) }),
  'settings.hiring': () => undefined,
  'jobs.list': () => ({}),
  'jobs.get': (f) => ({ id: f.jobId }),
  'candidates.list': () => ({}),
  'candidates.get': (f) => ({ id: f.candidateId }),
  'candidates.profile': (f) => ({ id: f.candidateId }),
  'applications.list': () => ({}),
  'applications.get': (f) => ({ id: f.applicationId }),
  'applications.board': (f) => ({ jobId: f.jobId }),
  'applications.addNote': (f) => ({
    applicationId: f.applicationId,
    body: 'Strong systems thinking in the screen.',
  }),
  'interviews.forApplication': (f) => ({ applicationId: f.applicationId }),
  'interviews.submitScorecard': (f) => ({
    interviewId: f.interviewId,
    ratings: [{ criterionId: f.criterionId, rating: 4 }],
    recommendation: 'yes',
    notes: 'Clear answers on real-time scheduling.',
  }),
  'interviews.scorecards': (f) => ({ applicationId: f.applicationId }),
  'attachments.forCandidate': (f) => ({ candidateId: f.candidateId }),
  'attachments.forApplication': (f) => ({ applicationId: f.applicationId }),
  'threads.ofCandidate': (f) => ({ candidateId: f.candidateId }),
  'threads.ofApplication': (f) => ({ applicationId: f.applicationId }),
  'attachments.redactedText': (f) => ({ id: f.attachmentId }),
  'attachments.text': (f) => ({ id: f.attachmentId }),
  'attachments.download': (f) => ({ id: f.attachmentId }),
  'offers.forApplication': (f) => ({ applicationId: f.applicationId }),
  'references.forApplication': (f) => ({ applicationId: f.applicationId }),
  'assessments.forApplication': (f) => ({ applicationId: f.applicationId }),
  'assessments.score': (f) => ({
    invitationId: f.assessmentInvitationId,
    scores: [{ questionId: 'q1', criterionId: 'c1', points: 3, comment: 'Zelda Quixote-Marchetti did well' }],
  }),
  'backgroundChecks.forApplication': (f) => ({ applicationId: f.applicationId }),
  'backgroundChecks.report': (f) => ({ id: f.checkId }),
  'offers.view': () => ({ token: 'x'.repeat(43) }),
  'offers.respond': () => ({ token: 'x'.repeat(43), decision: 'decline' }),
  'privacy.consentHistory': (f) => ({ candidateId: f.candidateId }),
  'notifications.list': () => ({}),
  'dashboard.mine': () => ({}),
  // Refused: the tenant has not let hiring managers decide (see manager-rights.int.test.ts).
  'applications.move': (f) => ({ ids: [f.applicationId], stageId: f.applicationId }),
  'applications.reject': (f) => ({ ids: [f.applicationId], reasonId: 'other' }),
  'notifications.unreadCount': () => undefined,
  'notifications.markRead': (f) => ({ ids: [f.applicationId] }),
  'notifications.markAllRead': () => undefined,
  'notifications.preferences': () => undefined,
  'notifications.setPreferences': () => ({ email: 'immediate' }),
  'notifications.mentionable': (f) => ({ applicationId: f.applicationId }),
  'settings.languages': () => undefined,
  // Your own calendar settings: nothing in them is about a candidate, and the feed lists jobs, not people.
  'calendar.mine': () => undefined,
  'calendar.update': () => ({
    timeZone: 'Europe/Berlin',
    workingHours: [{ weekday: 1, start: '09:00', end: '17:00' }],
  }),
  'calendar.renewFeed': () => undefined,
  'calendar.revokeFeed': () => undefined,
  // Nothing listens there: the connection is refused and nothing is stored.
  'calendar.connectCalDav': () => ({
    serverUrl: 'http://127.0.0.1:9/',
    username: 'someone',
    password: 'app',
  }),
  'calendar.disconnectCalDav': () => undefined,
  'search.documents': () => ({ filter: { q: 'RTOS' } }),
  'search.global': () => ({ q: 'Zelda' }),
  'search.saved': () => undefined,
  'search.save': () => ({ name: 'Firmware', scope: 'documents', filter: { q: 'RTOS' } }),
  'search.deleteSaved': (f) => ({ id: f.applicationId }),
};

/** More inputs: searches that would tell who is behind the alias if they matched, and the board's cards. */
const MANAGER_SEARCHES: Record<string, (f: Fixture) => unknown[]> = {
  'applications.list': (f) => [
    { filter: { candidateId: f.candidateId } },
    { filter: { q: 'Zelda' } },
    { filter: { tag: 'zelda-referral' } },
  ],
  'applications.board': (f) => [{ jobId: f.jobId, perColumn: 200 }],
  'candidates.list': () => [{ filter: { q: 'Zelda' } }],
  // Full-text search over the documents: the hidden values must match nothing, not even under the alias.
  'search.documents': () => [
    { filter: { q: 'Zelda' } },
    { filter: { q: 'Quixote Marchetti' } },
    { filter: { q: 'zelda.qm' } },
    { filter: { q: 'Quokka' } },
    { filter: { q: 'Perth' } },
    { filter: { q: 'zquixote' } },
    { filter: { q: '1988' } },
    { filter: { q: 'RTOS', location: 'Perth' } },
  ],
  'search.global': () => [{ q: 'Quixote' }, { q: 'zelda.qm' }, { q: 'Perth' }],
};

describe('the blind-review leak test', () => {
  it('has an input for every procedure a hiring manager can reach', () => {
    const missing = reachableBy('hiring_manager').filter((path) => !(path in MANAGER_INPUTS));
    expect(missing, 'add the new procedure to MANAGER_INPUTS').toEqual([]);
  });
});

forEachDatabase('blind review', (db) => {
  let deps: ReturnType<typeof testDeps>;
  let f: Fixture;

  beforeAll(async () => {
    deps = testDeps(db.orm());
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const recruiter = await seedUser(em, tenant, 'recruiter');
    const manager = await seedUser(em, tenant, 'hiring_manager', { name: 'Morgan Manager' });
    const recruiterToken = await sessionFor(deps, recruiter.id, tenant.id);
    const asRecruiter = await callerFor(deps, recruiterToken);

    const job = await asRecruiter.jobs.create({
      title: 'Firmware Engineer',
      department: 'Engineering',
      workplace: 'remote',
      employmentType: 'full_time',
      hiringTeam: [{ userId: manager.id, role: 'hiring_manager' }],
      criteria: [{ name: 'Systems thinking' }],
    });
    const withBlindScreen = await asRecruiter.jobs.setStages({
      id: job.id,
      stages: job.stages.map((s) => ({
        id: s.id,
        name: s.name,
        kind: s.kind,
        blindReview: s.kind === 'screening',
      })),
    });
    const screen = withBlindScreen.stages.find((s) => s.kind === 'screening')!;
    expect(screen.blindReview).toBe(true);

    const candidate = await asRecruiter.candidates.create({ ...ZELDA, jobId: job.id });
    const applicationId = candidate.applications[0]!.id;
    // What the applicant wrote on the careers site, sealed as the apply flow stores it.
    const tem = tenantEm(db.orm(), tenant.id);
    const key = await candidateKey(
      tem,
      deps,
      { tenantId: tenant.id, candidateId: candidate.id },
      { create: true },
    );
    const app = await tem.findOneOrFail(Application, applicationId);
    app.coverLetter = sealFor(
      key,
      `Dear team, I am Zelda Quixote-Marchetti (born 14 March 1988). Reach me at ${ZELDA.email}.`,
    );
    app.answers = sealAnswers(key, [
      {
        questionId: 'q1',
        label: 'Where are you based?',
        answer: 'Quokka Lane 7, Perth; call +49 30 1234 5678',
      },
    ]);
    await tem.flush();

    // The structured profile names her too: a hidden value like her contact details.
    await asRecruiter.candidates.updateProfile({
      candidateId: candidate.id,
      education: [{ institution: 'Quixote Institute of Perth', degree: 'BEng', field: 'Quokka studies' }],
      workHistory: [
        { employer: 'Quokka Robotics', title: 'Firmware engineer', summary: 'Zelda led RTOS work' },
      ],
      rightToWork: [{ country: 'AU', status: 'yes' }],
      salaryExpectation: { amount: 1988, currency: 'AUD', period: 'month' },
    });
    await asRecruiter.applications.move({ ids: [applicationId], stageId: screen.id });
    await asRecruiter.applications.addNote({
      applicationId,
      body: 'Zelda Quixote-Marchetti knows our CTO; see linkedin.com/in/zquixote.',
    });
    await asRecruiter.applications.setTags({ id: applicationId, tags: ['zelda-referral', 'rtos'] });
    const resume = letterPdf({
      heading: 'Zelda Quixote-Marchetti',
      subheading: `${ZELDA.email} | +49 30 1234 5678 | Quokka Lane 7, Perth`,
      body: 'Date of birth: 14 March 1988 (1988-03-14)\n\nProfile: https://www.linkedin.com/in/zquixote\n\nExperience: Firmware engineer at Initech, 2015 - 2022. Motor control, RTOS, CAN bus.',
      footer: 'Zelda Quixote-Marchetti',
    });
    const attachment = await asRecruiter.attachments.upload({
      candidateId: candidate.id,
      applicationId,
      kind: 'resume',
      filename: RESUME_NAME,
      contentBase64: resume.toString('base64'),
    });
    const interview = await asRecruiter.interviews.schedule({
      applicationId,
      title: 'Screen with Zelda',
      startsAt: '2030-02-01T09:00:00Z',
      endsAt: '2030-02-01T10:00:00Z',
      interviewerIds: [manager.id, recruiter.id],
      videoUrl: 'https://meet.example.test/screen',
    });
    await asRecruiter.interviews.submitScorecard({
      interviewId: interview.id,
      ratings: [],
      recommendation: 'strong_yes',
      notes: 'Zelda Quixote-Marchetti was excellent.',
    });
    const offer = await asRecruiter.offers.create({
      applicationId,
      salary: 70_000,
      currency: 'EUR',
      startDate: daysFromNow(60),
      expiresOn: daysFromNow(30),
      terms: 'Dear Zelda Quixote-Marchetti, we offer you the role of {{job_title}}.',
    });
    // A referee the candidate gave, whose details point at the candidate.
    await asRecruiter.references.add({
      applicationId,
      referees: [
        {
          name: 'Rhea Referee',
          email: 'rhea@example.test',
          relationship: 'Zelda Quixote-Marchetti reported to me in Perth',
          consented: true,
        },
      ],
    });
    // An assessment she answered naming herself (docs/assessments.md).
    const quiz = await asRecruiter.assessments.create({
      title: 'Firmware quiz',
      kind: 'questionnaire',
      questions: [{ prompt: 'Introduce yourself', criteria: [{ name: 'Clarity', maxPoints: 5 }] }],
    });
    await asRecruiter.assessments.send({ applicationId, assessmentId: quiz.id });
    const quizMail = await tem.findOneOrFail(OutboxEmail, { template: 'assessment_invitation' });
    const quizToken = /\/assessments\/(\S+)/.exec(quizMail.text)![1]!;
    await startAssessment(db.orm().em.fork(), deps, quizToken, 'test');
    await saveAnswers(
      db.orm().em.fork(),
      deps,
      quizToken,
      { answers: { q1: `I am Zelda Quixote-Marchetti of Perth, ${ZELDA.email}.` }, submit: true, file: null },
      'test',
    );
    // A background check with its report and a dispute, with hiring managers among the report's readers:
    // blind review alone must keep it from them.
    const checksOn = await tem.findOneOrFail(Tenant, tenant.id);
    checksOn.privacySettings = {
      ...DEFAULT_PRIVACY_SETTINGS,
      backgroundChecks: {
        enabled: true,
        viewerRoles: ['owner', 'admin', 'recruiter', 'hiring_manager'],
        waitingDays: 5,
        holidays: [],
        retentionMonths: 6,
      },
    };
    const check = tem.create(BackgroundCheck, {
      tenant: tenant.id,
      application: applicationId,
      status: 'disputed',
      provider: 'manual',
      signedName: ZELDA.name,
      signedAt: new Date(),
      reportStorageKey: await deps.files.put(
        sealFor(
          key,
          letterPdf({
            heading: 'Report on Zelda Quixote-Marchetti',
            subheading: '',
            body: 'Perth',
            footer: '',
          }),
        ),
      ),
      reportFilename: 'Zelda_Quixote-Marchetti_report.pdf',
      reportContentType: 'application/pdf',
      reportSize: 100,
      reportReceivedAt: new Date(),
      disputeText: sealFor(key, 'I, Zelda Quixote-Marchetti of Perth, dispute this.'),
      disputedAt: new Date(),
      events: [],
    });
    await tem.flush();
    // The resume, cover letter and answers indexed for full-text search.
    while ((await indexPendingDocuments(db.orm(), deps)) > 0) {}
    f = {
      tenantId: tenant.id,
      jobId: job.id,
      applicationId,
      candidateId: candidate.id,
      attachmentId: attachment.id,
      interviewId: interview.id,
      offerId: offer.id,
      checkId: check.id,
      criterionId: withBlindScreen.criteria[0]!.id,
      screenStageId: screen.id,
      assessmentInvitationId: (await tem.findOneOrFail(AssessmentInvitation, { application: applicationId }))
        .id,
      recruiterToken,
      managerToken: await sessionFor(deps, manager.id, tenant.id),
      manager: { id: manager.id, email: manager.email },
    };
  });

  it('gives a hiring manager the application under an alias, with its documents as redacted text', async () => {
    const asManager = await callerFor(deps, f.managerToken);
    const app = await asManager.applications.get({ id: f.applicationId });
    expect(app.candidate).toEqual({
      blind: true,
      alias: expect.stringMatching(/^Candidate [0-9A-F]{4}$/),
      restrictedAt: null,
    });
    expect(app.blindReview).toEqual({ stageIsBlind: true, revealed: null });
    expect(app.coverLetter).toBe('Dear team, I am [name] (born [date]). Reach me at [email].');
    const [document] = await asManager.attachments.forApplication({ applicationId: f.applicationId });
    expect(document).toEqual({
      blind: true,
      id: f.attachmentId,
      applicationId: f.applicationId,
      kind: 'resume',
      size: expect.any(Number),
      createdAt: expect.any(String),
    });
    const text = await asManager.attachments.redactedText({ id: f.attachmentId });
    expect(text.text).toContain('Motor control, RTOS, CAN bus.');
    expect(text.text).toContain('[7 years]');
    expect(text.redactions).toBeGreaterThan(8);
  });

  it('lets a hiring manager search the redacted text of a blind application, never matching a hidden value', async () => {
    const asManager = await callerFor(deps, f.managerToken);
    const found = await asManager.search.documents({ filter: { q: 'motor control' } });
    expect(found.data).toHaveLength(1);
    expect(found.data[0]!.candidate).toEqual({
      blind: true,
      alias: expect.stringMatching(/^Candidate /),
      restrictedAt: null,
    });
    expect(found.data[0]!.snippet.filter((p) => p.match).map((p) => p.text.toLowerCase())).toEqual(
      expect.arrayContaining(['motor', 'control']),
    );
    for (const q of ['Zelda', 'Quixote', 'Marchetti', 'Quokka', 'Perth', 'zquixote', 'zelda.qm', '1988']) {
      expect((await asManager.search.documents({ filter: { q } })).data, q).toEqual([]);
      const palette = await asManager.search.global({ q });
      expect([...palette.candidates, ...palette.applications], q).toEqual([]);
    }
    // A recruiter finds the same person by name in their documents.
    const asRecruiter = await callerFor(deps, f.recruiterToken);
    const named = await asRecruiter.search.documents({ filter: { q: 'Quokka' } });
    expect(named.data.map((h) => h.candidate.blind === false && h.candidate.name)).toContain(ZELDA.name);
  });

  it('leaks nothing identifying through any procedure a hiring manager can reach', async () => {
    const seen: string[] = [];
    for (const path of reachableBy('hiring_manager')) {
      // A fresh session each time: one of them is signOut.
      const caller = await callerFor(deps, await sessionFor(deps, f.manager.id, f.tenantId));
      const inputs = [MANAGER_INPUTS[path]!(f), ...(MANAGER_SEARCHES[path]?.(f) ?? [])];
      for (const input of inputs) {
        try {
          seen.push(`${path} → ${JSON.stringify((await procedureOf(caller, path)(input)) ?? null)}`);
        } catch (error) {
          if (!(error instanceof TRPCError)) throw error;
          seen.push(`${path} ✗ ${error.code} ${error.message}`);
        }
      }
    }
    const leaks = seen.flatMap((line) => leaksIn(line).map((value) => `${value} in ${line.slice(0, 160)}`));
    expect(leaks).toEqual([]);
    // Not vacuous: the calls did reach the application, and the refusals are the ones meant.
    expect(seen.find((l) => l.startsWith('applications.get →'))).toContain('Candidate ');
    // The assessment answer and the score's comment reached the reviewer, redacted.
    expect(seen.find((l) => l.startsWith('assessments.score →'))).toMatch(/I am \[name\].*\[name\] did well/);
    expect(seen).toContain(
      'attachments.download ✗ FORBIDDEN This application is in blind review: read the redacted text instead of the original file',
    );
    expect(seen).toContain('backgroundChecks.report ✗ NOT_FOUND No such background check');
    expect(seen.find((l) => l.startsWith('backgroundChecks.forApplication →'))).toContain('"hidden":true');
    expect(seen).toContain(
      'attachments.text ✗ FORBIDDEN This application is in blind review: read the redacted text instead of the original file',
    );
    expect(seen.find((l) => l.startsWith('candidates.get'))).toContain('NOT_FOUND');
    expect(seen.find((l) => l.startsWith('applications.board →'))).toContain(
      '"tags":["rtos","[name]-referral"]',
    );
  });

  it('refuses the original file over HTTP too', async () => {
    const http = httpClient(deps);
    await http.signIn(f.manager.email);
    const res = await http.request(`/files/attachments/${f.attachmentId}`);
    expect(res.status).toBe(403);
    expect(leaksIn(await res.text())).toEqual([]);
  });

  it('sends the hiring manager an interview invitation and calendar entry without the identity; the recruiter’s names the candidate', async () => {
    const mails = await tenantEm(db.orm(), f.tenantId).find(OutboxEmail, {
      template: 'interview_invitation',
    });
    const asText = (m: (typeof mails)[number]) =>
      [
        m.subject,
        m.text,
        m.html ?? '',
        ...(m.attachments ?? []).map((a) => Buffer.from(a.contentBase64, 'base64').toString('utf8')),
      ].join('\n');
    const toManager = mails.filter((m) => m.to === f.manager.email);
    expect(toManager).toHaveLength(1);
    const managerMail = asText(toManager[0]!);
    expect(managerMail).toContain('BEGIN:VCALENDAR');
    expect(managerMail).toMatch(/Candidate [0-9A-F]{4}/);
    expect(leaksIn(managerMail)).toEqual([]);
    const recruiterMail = mails.find((m) => m.to !== f.manager.email);
    expect(recruiterMail && asText(recruiterMail)).toContain(ZELDA.name);
  });

  it('lets a recruiter reveal the identity, audited; then the hiring manager sees who it is', async () => {
    const asRecruiter = await callerFor(deps, f.recruiterToken);
    const revealed = await asRecruiter.applications.revealIdentity({ id: f.applicationId });
    expect(revealed.blindReview.revealed?.at).toEqual(expect.any(String));
    const events = await tenantEm(db.orm(), f.tenantId).find(AuditEvent, {
      action: 'application.identity_reveal',
      targetId: f.applicationId,
    });
    expect(events).toHaveLength(1);
    // A fresh session: the leak check above called auth.endOtherSessions as the manager.
    const asManager = await callerFor(deps, await sessionFor(deps, f.manager.id, f.tenantId));
    const app = await asManager.applications.get({ id: f.applicationId });
    expect(app.candidate).toMatchObject({ blind: false, name: ZELDA.name, email: ZELDA.email });
    expect((await asManager.attachments.download({ id: f.attachmentId })).filename).toBe(RESUME_NAME);
    expect((await asManager.attachments.text({ id: f.attachmentId })).text).toContain(
      'Motor control, RTOS, CAN bus.',
    );
  });
});
