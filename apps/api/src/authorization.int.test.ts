/**
 * Enumerates every procedure of the app router, from the router itself, and
 * proves the access rules: anonymous callers get UNAUTHORIZED, roles without
 * the permission get FORBIDDEN, and a member of another tenant never gets
 * the first tenant's data. A procedure added without a declared access rule
 * or without a sample input below fails this file.
 */
import { Membership, OutboxEmail, PrivacyNotice, TENANT_FILTER, WebhookDelivery } from '@candor/db';
import { forEachDatabase, seedTenant, seedUser, TEST_PASSWORD } from '@candor/db/testing';
import {
  DEFAULT_DIVERSITY_SETTINGS,
  DEFAULT_HIRING_SETTINGS,
  DEFAULT_PRIVACY_SETTINGS,
  DEFAULT_RETENTION_POLICY,
  dayOf,
  ROLES,
  roleCan,
  type TRole,
  ZAttachmentUploadInput,
  ZInterviewScheduleInput,
  ZOfferCreateInput,
  ZRequestCreateInput,
} from '@candor/schemas';
import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { uploadAttachment } from './attachments/attachments.service.js';
import { scheduleInterview } from './interviews/interviews.service.js';
import { createOffer } from './offers/offers.service.js';
import { createRequest } from './privacy/requests/intake.js';
import { daysFromNow } from './testing/dates.js';
import { pdfBytes } from './testing/documents.js';
import { actorOf, seedJobWithApplicant, seedOutboxEmail, tenantEm } from './testing/hiring-fixtures.js';
import { procedureOf, procedures } from './testing/procedures.js';
import { callerFor, sessionFor, testDeps } from './testing/test-app.js';
import { SECOND_FACTOR_REQUIRED, SIGNED_IN_THROUGH_SSO } from './trpc/init.js';
import { createSubscription } from './webhooks/webhooks.service.js';

interface TenantAFixtures {
  tenantId: string;
  targetUserId: string;
  jobId: string;
  stageId: string;
  candidateId: string;
  otherCandidateId: string;
  applicationId: string;
  outboxId: string;
  interviewId: string;
  criterionId: string;
  attachmentId: string;
  offerId: string;
  requestId: string;
  webhookId: string;
  webhookDeliveryId: string;
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

/** A valid input for each procedure, aimed at tenant A's records where it names one. */
const SAMPLE_INPUTS: Record<string, (a: TenantAFixtures) => unknown> = {
  'auth.signIn': () => ({ email: 'nobody@example.test', password: 'whatever' }),
  'auth.signOut': () => undefined,
  'auth.me': () => undefined,
  'auth.switchTenant': (a) => ({ tenantId: a.tenantId }),
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
  'signInRules.get': () => undefined,
  'signInRules.setRequireSecondFactor': () => ({ required: false }),
  'auth.singleSignOnSettings': () => undefined,
  'auth.saveSingleSignOn': () => ({
    providerName: 'Okta',
    issuerUrl: 'https://idp.example.com',
    clientId: 'candor',
    clientSecret: 'secret',
    allowedDomains: ['example.com'],
    jitRole: null,
    enabled: true,
  }),
  'auth.removeSingleSignOn': () => undefined,
  'auth.singleSignOnOf': () => ({ org: 'no-such-org' }),
  'auth.whoAmI': () => undefined,
  'auth.sessions': () => undefined,
  'auth.endSession': () => ({ id: 'a'.repeat(64) }),
  'auth.endOtherSessions': () => undefined,
  'auth.changePassword': () => ({
    currentPassword: TEST_PASSWORD,
    password: 'plum tractor seventeen lagoon',
  }),
  'users.directory': () => undefined,
  'users.list': () => ({}),
  'users.get': (a) => ({ id: a.targetUserId }),
  'users.invite': () => ({ email: `new-${Date.now()}@example.test`, name: 'New Person', role: 'recruiter' }),
  'users.update': (a) => ({ id: a.targetUserId, role: 'recruiter' }),
  'users.acceptInvitation': () => ({ token: 'x'.repeat(43) }),
  'users.sendPasswordReset': (a) => ({ id: a.targetUserId }),
  'audit.list': () => ({}),
  'audit.verify': () => undefined,
  'audit.export': () => ({}),
  'settings.hiring': () => undefined,
  'settings.updateHiring': () => DEFAULT_HIRING_SETTINGS,
  'settings.emailTemplates': () => undefined,
  'settings.languages': () => undefined,
  'settings.updateLanguages': () => ({ locales: ['en', 'de'], defaultLocale: 'en' }),
  'settings.updateEmailTemplate': () => ({
    key: 'rejection',
    text: { subject: 'Hi {{candidate_name}}', body: 'Thanks' },
  }),
  'jobs.list': () => ({}),
  'jobs.get': (a) => ({ id: a.jobId }),
  'jobs.create': () => ({
    title: 'New job',
    department: 'Engineering',
    workplace: 'remote',
    employmentType: 'full_time',
  }),
  'jobs.update': (a) => ({ id: a.jobId, title: 'Renamed job' }),
  'jobs.setStatus': (a) => ({ id: a.jobId, status: 'open' }),
  'jobs.setStages': (a) => ({
    id: a.jobId,
    stages: [
      { name: 'Applied', kind: 'applied' },
      { name: 'Hired', kind: 'hired' },
      { name: 'Rejected', kind: 'rejected' },
    ],
  }),
  'candidates.list': () => ({}),
  'candidates.get': (a) => ({ id: a.candidateId }),
  'candidates.create': () => ({ name: 'Sam Sourced', email: `sam-${Date.now()}@example.test` }),
  'candidates.update': (a) => ({ id: a.candidateId, location: 'Porto' }),
  'candidates.profile': (a) => ({ id: a.candidateId }),
  'candidates.updateProfile': (a) => ({
    candidateId: a.candidateId,
    education: [{ institution: 'Porto Polytechnic' }],
    workHistory: [],
    rightToWork: [{ country: 'PT', status: 'yes' }],
    salaryExpectation: null,
  }),
  'candidates.merge': (a) => ({ keepId: a.candidateId, mergeId: a.otherCandidateId }),
  'candidates.restrict': (a) => ({ id: a.candidateId }),
  'candidates.sendSourcedNotice': (a) => ({ ids: [a.candidateId] }),
  'candidates.liftRestriction': (a) => ({ id: a.candidateId }),
  'talentPool.list': () => ({}),
  'talentPool.addToJob': (a) => ({ jobId: a.jobId, candidateIds: [a.candidateId] }),
  'talentPool.previewJobAlert': (a) => ({ jobId: a.jobId }),
  'talentPool.sendJobAlert': (a) => ({ jobId: a.jobId }),
  'candidates.disclosures': (a) => ({ id: a.candidateId }),
  'candidates.recordDisclosure': (a) => ({
    candidateId: a.candidateId,
    recipient: 'Checkr',
    categories: ['user.name'],
  }),
  'applications.list': () => ({}),
  'applications.get': (a) => ({ id: a.applicationId }),
  'applications.board': (a) => ({ jobId: a.jobId }),
  'applications.create': (a) => ({ candidateId: a.otherCandidateId, jobId: a.jobId }),
  'applications.move': (a) => ({ ids: [a.applicationId], stageId: a.stageId }),
  'applications.reject': (a) => ({ ids: [a.applicationId], reasonId: 'other' }),
  'applications.correct': (a) => ({ id: a.applicationId, coverLetter: 'Corrected letter' }),
  'applications.withdraw': (a) => ({ id: a.applicationId }),
  'applications.setTags': (a) => ({ id: a.applicationId, tags: ['secret-tag'] }),
  'applications.exportToHr': (a) => ({ id: a.applicationId }),
  'applications.addNote': (a) => ({ applicationId: a.applicationId, body: 'A note' }),
  'applications.revealIdentity': (a) => ({ id: a.applicationId }),
  'interviews.forApplication': (a) => ({ applicationId: a.applicationId }),
  'interviews.schedule': (a) => ({
    applicationId: a.applicationId,
    startsAt: '2030-01-10T09:00:00Z',
    endsAt: '2030-01-10T10:00:00Z',
    interviewerIds: [a.targetUserId],
    videoUrl: 'https://meet.example.test/abc',
  }),
  'interviews.reschedule': (a) => ({
    id: a.interviewId,
    startsAt: '2030-03-02T09:00:00Z',
    endsAt: '2030-03-02T10:00:00Z',
    videoUrl: 'https://meet.example.test/moved',
  }),
  'interviews.cancel': (a) => ({ id: a.interviewId }),
  'interviews.submitScorecard': (a) => ({
    interviewId: a.interviewId,
    ratings: [{ criterionId: a.criterionId, rating: 3 }],
    recommendation: 'yes',
  }),
  'interviews.scorecards': (a) => ({ applicationId: a.applicationId }),
  'calendar.mine': () => undefined,
  'calendar.update': () => ({
    timeZone: 'Europe/Berlin',
    workingHours: [{ weekday: 1, start: '09:00', end: '17:00' }],
  }),
  'calendar.renewFeed': () => undefined,
  'calendar.revokeFeed': () => undefined,
  'calendar.connectCalDav': () => ({
    serverUrl: 'http://127.0.0.1:9/',
    username: 'someone',
    password: 'app',
  }),
  'calendar.disconnectCalDav': () => undefined,
  'calendar.freeSlots': (a) => ({
    applicationId: a.applicationId,
    interviewerIds: [a.targetUserId],
    durationMinutes: 60,
    from: '2030-06-03',
    to: '2030-06-07',
  }),
  'scheduling.offer': (a) => ({
    applicationId: a.applicationId,
    interviewerIds: [a.targetUserId],
    videoUrl: 'https://meet.example.test/pick',
    slots: [{ startsAt: '2030-06-03T09:00:00Z', endsAt: '2030-06-03T10:00:00Z' }],
  }),
  'attachments.forCandidate': (a) => ({ candidateId: a.candidateId }),
  'attachments.upload': (a) => ({
    candidateId: a.candidateId,
    applicationId: a.applicationId,
    kind: 'resume',
    filename: 'cv.pdf',
    contentBase64: pdfBytes().toString('base64'),
  }),
  'attachments.replace': (a) => ({
    id: a.attachmentId,
    filename: 'cv-corrected.pdf',
    contentBase64: pdfBytes().toString('base64'),
  }),
  'attachments.download': (a) => ({ id: a.attachmentId }),
  'attachments.forApplication': (a) => ({ applicationId: a.applicationId }),
  'attachments.redactedText': (a) => ({ id: a.attachmentId }),
  'attachments.text': (a) => ({ id: a.attachmentId }),
  'offers.forApplication': (a) => ({ applicationId: a.applicationId }),
  'offers.create': (a) => ({
    applicationId: a.applicationId,
    salary: 1000,
    currency: 'EUR',
    startDate: daysFromNow(60),
    expiresOn: daysFromNow(30),
  }),
  'offers.approve': (a) => ({ id: a.offerId }),
  'offers.send': (a) => ({ id: a.offerId }),
  'offers.withdraw': (a) => ({ id: a.offerId }),
  'references.forApplication': (a) => ({ applicationId: a.applicationId }),
  'assessments.list': () => undefined,
  'assessments.get': () => ({ id: '00000000-0000-4000-8000-000000000003' }),
  'assessments.create': () => ({
    title: 'Quiz',
    kind: 'questionnaire',
    questions: [{ prompt: 'Why?', criteria: [{ name: 'Depth', maxPoints: 5 }] }],
  }),
  'assessments.update': () => ({
    id: '00000000-0000-4000-8000-000000000003',
    title: 'Quiz',
    kind: 'questionnaire',
    questions: [{ prompt: 'Why?', criteria: [{ name: 'Depth', maxPoints: 5 }] }],
  }),
  'assessments.stagesOfJob': (a) => ({ jobId: a.jobId }),
  'assessments.setStage': (a) => ({ stageId: a.stageId, assessmentId: null }),
  'assessments.forApplication': (a) => ({ applicationId: a.applicationId }),
  'assessments.send': (a) => ({
    applicationId: a.applicationId,
    assessmentId: '00000000-0000-4000-8000-000000000003',
  }),
  'assessments.withdraw': () => ({ id: '00000000-0000-4000-8000-000000000003' }),
  'assessments.score': () => ({
    invitationId: '00000000-0000-4000-8000-000000000003',
    scores: [{ questionId: 'q1', criterionId: 'c1', points: 1 }],
  }),
  'assessments.report': () => ({ from: '2026-01-01', to: '2026-01-31' }),
  'assessments.providers': () => undefined,
  'assessments.addProvider': () => ({
    name: 'Provider',
    invitationUrlTemplate: 'https://provider.example.test/{invitationId}',
    webhookSecret: 'x'.repeat(32),
  }),
  'references.request': (a) => ({ applicationId: a.applicationId, count: 2 }),
  'references.add': (a) => ({
    applicationId: a.applicationId,
    referees: [
      { name: 'Rea Referee', email: 'rea@example.test', relationship: 'Former manager', consented: true },
    ],
  }),
  'references.withdraw': () => ({ id: '00000000-0000-4000-8000-000000000003' }),
  'references.refereeExport': () => ({ email: 'rea@example.test' }),
  'references.refereeErase': () => ({ email: 'nobody-here@example.test' }),
  'backgroundChecks.forApplication': (a) => ({ applicationId: a.applicationId }),
  'backgroundChecks.request': (a) => ({ applicationId: a.applicationId }),
  'backgroundChecks.order': () => ({ id: '00000000-0000-4000-8000-000000000004' }),
  'backgroundChecks.uploadReport': () => ({
    id: '00000000-0000-4000-8000-000000000004',
    filename: 'report.pdf',
    contentBase64: 'JVBERi0=',
  }),
  'backgroundChecks.report': () => ({ id: '00000000-0000-4000-8000-000000000004' }),
  'backgroundChecks.clear': () => ({ id: '00000000-0000-4000-8000-000000000004' }),
  'backgroundChecks.preAdverse': () => ({ id: '00000000-0000-4000-8000-000000000004' }),
  'backgroundChecks.resolveDispute': () => ({
    id: '00000000-0000-4000-8000-000000000004',
    resolution: 'Checked',
  }),
  'backgroundChecks.finalNotice': () => ({ id: '00000000-0000-4000-8000-000000000004' }),
  'backgroundChecks.cancel': () => ({ id: '00000000-0000-4000-8000-000000000004' }),
  'offers.view': () => ({ token: 'x'.repeat(43) }),
  'offers.respond': () => ({ token: 'x'.repeat(43), decision: 'decline' }),
  'backgroundJobs.list': () => undefined,
  'backgroundJobs.retry': () => ({ id: '00000000-0000-4000-8000-000000000000' }),
  'backgroundJobs.unfiledApplications': () => undefined,
  'backgroundJobs.fileAgain': () => ({ id: '00000000-0000-4000-8000-000000000000' }),
  'outbox.list': () => ({}),
  'outbox.get': (a) => ({ id: a.outboxId }),
  'threads.ofCandidate': (a) => ({ candidateId: a.candidateId }),
  'threads.ofApplication': (a) => ({ applicationId: a.applicationId }),
  'messages.templates': () => undefined,
  'messages.createTemplate': () => ({
    name: 'Checking in',
    subject: 'Hello',
    body: 'Hi {{candidate_first_name}}',
  }),
  'messages.updateTemplate': () => ({
    id: '00000000-0000-4000-8000-000000000001',
    template: { name: 'Checking in', subject: 'Hello', body: 'Hi' },
  }),
  'messages.deleteTemplate': () => ({ id: '00000000-0000-4000-8000-000000000001' }),
  'messages.preview': (a) => ({
    candidateId: a.candidateId,
    applicationId: a.applicationId,
    subject: 'Hi',
    body: 'Hi',
  }),
  'messages.compose': (a) => ({
    candidateId: a.candidateId,
    applicationId: a.applicationId,
    subject: 'Hi',
    body: 'Hi',
  }),
  'messages.bulkCompose': (a) => ({ applicationIds: [a.applicationId], subject: 'Hi', body: 'Hi' }),
  'messages.scheduled': (a) => ({ candidateId: a.candidateId }),
  'messages.cancel': (a) => ({ id: a.outboxId }),
  'settings.branding': () => undefined,
  'settings.updateBranding': () => ({
    name: 'Renamed Company',
    primaryColor: '#0f766e',
    about: 'We build robots.',
  }),
  'privacy.settings': () => undefined,
  'privacy.recordOfProcessing': () => undefined,
  'privacy.recordOfProcessingPdf': () => undefined,
  'privacy.updateSettings': () => DEFAULT_PRIVACY_SETTINGS,
  'privacy.notices': () => undefined,
  'privacy.saveDraft': () => ({ bodyMd: '# Privacy notice\n\nHow we handle applications.' }),
  'privacy.publish': () => ({ effectiveOn: dayOf(), materialChange: false }),
  'privacy.consentHistory': (a) => ({ candidateId: a.candidateId }),
  'holds.list': () => ({}),
  'holds.place': (a) => ({ candidateId: a.candidateId, reason: 'Claim before the labour court' }),
  'holds.release': (a) => ({ id: a.requestId }),
  'requests.list': () => ({}),
  'requests.counts': () => undefined,
  'requests.get': (a) => ({ id: a.requestId }),
  'requests.create': () => ({ type: 'access', channel: 'email', requesterEmail: 'someone@example.test' }),
  'requests.transition': (a) => ({ id: a.requestId, to: 'verified' }),
  'requests.extend': (a) => ({ id: a.requestId, reason: 'We need the records from the archive first.' }),
  'requests.setJurisdiction': (a) => ({ id: a.requestId, jurisdiction: 'california' }),
  'requests.assign': (a) => ({ id: a.requestId, assigneeId: null }),
  'requests.addNote': (a) => ({ id: a.requestId, body: 'Called the requester back' }),
  'requests.executeErasure': (a) => ({ id: a.requestId }),
  'requests.export': (a) => ({ id: a.requestId }),
  'requests.acknowledge': (a) => ({ id: a.requestId }),
  'requests.attachAgentProof': (a) => ({
    id: a.requestId,
    filename: 'permission.pdf',
    contentBase64: Buffer.from('%PDF-1.4 proof').toString('base64'),
  }),
  'requests.agentProof': (a) => ({ id: a.requestId }),
  'retention.policy': () => undefined,
  'retention.savePolicy': () => DEFAULT_RETENTION_POLICY,
  'diversity.settings': () => undefined,
  'diversity.saveSettings': () => DEFAULT_DIVERSITY_SETTINGS,
  'diversity.report': () => ({ question: 'gender', from: '2026-01', to: '2026-12' }),
  'apiKeys.list': () => undefined,
  'apiKeys.create': () => ({ name: 'HR sync', scopes: ['jobs:read'] }),
  'apiKeys.revoke': (a) => ({ id: a.jobId }),
  'reports.all': (a) => ({ jobId: a.jobId }),
  'reports.csv': (a) => ({ report: 'openJobs', filter: { jobId: a.jobId } }),
  'retention.preview': () => ({ date: '2031-01-01' }),
  'retention.runs': () => ({}),
  'retention.runNow': () => ({ dryRun: true }),
  'notifications.list': () => ({}),
  'dashboard.mine': () => ({}),
  'dashboard.nudge': (a) => ({ interviewId: a.interviewId, userId: a.targetUserId }),
  'notifications.unreadCount': () => undefined,
  'notifications.markRead': () => ({ ids: ['00000000-0000-4000-8000-000000000002'] }),
  'notifications.markAllRead': () => undefined,
  'notifications.preferences': () => undefined,
  'notifications.setPreferences': () => ({ email: 'digest' }),
  'notifications.mentionable': (a) => ({ applicationId: a.applicationId }),
  // Words in every name and title: a search that would find tenant A's records if it could.
  'search.documents': () => ({ filter: { q: 'resume' } }),
  'search.global': () => ({ q: 'e' }),
  'search.saved': () => undefined,
  'search.save': () => ({ name: 'Mine', scope: 'documents', filter: { q: 'rust' } }),
  'search.deleteSaved': () => ({ id: '00000000-0000-4000-8000-000000000000' }),
  'webhooks.list': () => undefined,
  'webhooks.create': () => ({
    name: 'HR system',
    url: 'https://hr.example.test/hooks',
    events: ['application.hired'],
    scopes: ['candidates:read'],
  }),
  'webhooks.update': (a) => ({
    id: a.webhookId,
    name: 'HR system',
    url: 'https://hr.example.test/hooks',
    events: ['application.hired'],
    scopes: [],
    active: false,
  }),
  'webhooks.delete': (a) => ({ id: a.webhookId }),
  'webhooks.ping': (a) => ({ id: a.webhookId }),
  'webhooks.deliveries': () => ({}),
  'webhooks.redeliver': (a) => ({ id: a.webhookDeliveryId }),
};

async function codeOf(promise: Promise<unknown>): Promise<string | 'OK'> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

describe('the router', () => {
  it('has procedures to check', () => {
    expect(procedures.length).toBeGreaterThan(5);
  });

  it.each(procedures.map(([path]) => path))('%s declares an access rule and has a sample input', (path) => {
    const entry = procedures.find(([p]) => p === path)!;
    expect(entry[1]._def.meta?.access, `${path} was not built from an access builder`).toBeDefined();
    expect(SAMPLE_INPUTS, `add a sample input for ${path}`).toHaveProperty([path]);
  });
});

forEachDatabase('authorization', (db) => {
  // One set of deps for the whole suite: files uploaded in beforeAll must be readable later.
  let sharedDeps: ReturnType<typeof testDeps> | undefined;
  const deps = () => {
    sharedDeps ??= testDeps(db.orm());
    return sharedDeps;
  };
  let a: TenantAFixtures;
  // Sessions are made per test: one of the procedures under test is signOut.
  const members = {} as Record<TRole, { userId: string; tenantId: string }>;
  let outsider: { userId: string; tenantId: string };
  const tokenOf = (who: { userId: string; tenantId: string }) => sessionFor(deps(), who.userId, who.tenantId);
  let tenantASecrets: string[];
  let hiringSecrets: string[];

  beforeAll(async () => {
    const em = db.orm().em.fork();
    const tenantA = await seedTenant(em);
    const tenantB = await seedTenant(em);
    for (const role of ROLES) {
      const user = await seedUser(em, tenantA, role);
      members[role] = { userId: user.id, tenantId: tenantA.id };
    }
    const target = await seedUser(em, tenantA, 'recruiter', { name: 'Target Person' });
    const outsiderUser = await seedUser(em, tenantB, 'owner');
    // The outsider may publish in their own tenant, which needs a draft there.
    em.create(PrivacyNotice, { tenant: tenantB, version: null, bodyMd: '# Tenant B notice' });
    await em.flush();
    outsider = { userId: outsiderUser.id, tenantId: tenantB.id };
    const admin = actorOf(members.admin.userId, tenantA.id);
    const hired = await seedJobWithApplicant(
      db.orm(),
      admin,
      { title: 'Secret Job Title', criteria: [{ name: 'Craft' }] },
      { name: 'Secret Candidate' },
    );
    const interview = await scheduleInterview(
      tenantEm(db.orm(), tenantA.id),
      admin,
      ZInterviewScheduleInput.parse({
        applicationId: hired.applicationId,
        startsAt: '2030-01-09T09:00:00Z',
        endsAt: '2030-01-09T10:00:00Z',
        interviewerIds: [target.id],
        location: 'Room 1',
      }),
      deps(),
    );
    const other = await seedJobWithApplicant(
      db.orm(),
      admin,
      { title: 'Other Secret Job' },
      { name: 'Other Secret Person' },
    );
    const tem = tenantEm(db.orm(), tenantA.id);
    const [mail] = await tem.find(OutboxEmail, {}, { limit: 1 });
    const outboxId = mail?.id ?? (await seedOutboxEmail(tem, tenantA.id));
    a = {
      tenantId: tenantA.id,
      targetUserId: target.id,
      jobId: hired.job.id,
      stageId: hired.job.stages.find((st) => st.kind === 'screening')!.id,
      candidateId: hired.candidate.id,
      otherCandidateId: other.candidate.id,
      applicationId: hired.applicationId,
      outboxId,
      interviewId: interview.id,
      criterionId: hired.job.criteria[0]!.id,
      offerId: (
        await createOffer(
          tenantEm(db.orm(), tenantA.id),
          admin,
          ZOfferCreateInput.parse({
            applicationId: other.applicationId,
            salary: 99_000,
            currency: 'EUR',
            startDate: daysFromNow(60),
            expiresOn: daysFromNow(30),
          }),
        )
      ).id,
      requestId: (
        await createRequest(
          tenantEm(db.orm(), tenantA.id),
          admin,
          deps(),
          ZRequestCreateInput.parse({
            type: 'erasure',
            channel: 'letter',
            requesterEmail: 'letter-writer@example.test',
            requesterName: 'Secret Candidate',
          }),
        )
      ).id,
      webhookId: '',
      webhookDeliveryId: '',
      attachmentId: (
        await uploadAttachment(
          tenantEm(db.orm(), tenantA.id),
          admin,
          deps(),
          ZAttachmentUploadInput.parse({
            candidateId: hired.candidate.id,
            applicationId: hired.applicationId,
            kind: 'resume',
            filename: 'Secret Candidate CV.pdf',
            contentBase64: pdfBytes().toString('base64'),
          }),
        )
      ).id,
    };
    // Paused, so no test here calls out; its one delivery is a ping that names no one.
    const webhook = await createSubscription(tenantEm(db.orm(), tenantA.id), deps(), admin, {
      name: 'Tenant A HR system',
      url: 'https://hr-a.example.test/hooks',
      events: ['application.created'],
      scopes: ['candidates:read'],
      active: false,
    });
    const webhookDelivery = tem.create(WebhookDelivery, {
      tenant: tenantA.id,
      subscription: webhook.id,
      event: 'ping',
      eventId: webhook.id,
      payload: { type: 'ping' },
      categories: [],
      status: 'failed',
    });
    await tem.flush();
    a.webhookId = webhook.id;
    a.webhookDeliveryId = webhookDelivery.id;
    hiringSecrets = [hired.job.title, hired.candidate.name, hired.candidate.email, other.candidate.email];
    const membersOfA = await em.find(
      Membership,
      { tenant: tenantA },
      { populate: ['user'], filters: { [TENANT_FILTER]: false } },
    );
    tenantASecrets = [
      tenantA.id,
      ...membersOfA.flatMap((m) => [m.user.id, m.user.email, m.user.name]),
      ...hiringSecrets,
    ];
  });

  for (const [path, procedure] of procedures) {
    const access = procedure._def.meta?.access;

    it(`${path}: anonymous callers get UNAUTHORIZED${access?.kind === 'public' ? ' (public: skipped)' : ''}`, async () => {
      if (access?.kind === 'public') return;
      const caller = await callerFor(deps());
      expect(await codeOf(procedureOf(caller, path)(SAMPLE_INPUTS[path]!(a)))).toBe('UNAUTHORIZED');
    });

    if (access?.kind === 'permission') {
      const { permission } = access;
      for (const role of ROLES.filter((r) => !roleCan(r, permission))) {
        it(`${path}: ${role} lacks ${permission} and gets FORBIDDEN`, async () => {
          const caller = await callerFor(deps(), await tokenOf(members[role]));
          expect(await codeOf(procedureOf(caller, path)(SAMPLE_INPUTS[path]!(a)))).toBe('FORBIDDEN');
        });
      }
    }

    if (access?.kind === 'permission' || access?.kind === 'tenant' || access?.kind === 'authed') {
      it(`${path}: a member of another tenant gets no data of tenant A`, async () => {
        const caller = await callerFor(deps(), await tokenOf(outsider));
        try {
          const result = await procedureOf(caller, path)(SAMPLE_INPUTS[path]!(a));
          const json = JSON.stringify(result ?? null);
          for (const secret of tenantASecrets) expect(json).not.toContain(secret);
        } catch (error) {
          expect(error).toBeInstanceOf(TRPCError);
          // The caller's own second factor: a made-up code or passkey answer is refused (400), which shows nothing of tenant A either;
          // nor does the made-up issuer refused for the single sign-on of the caller's own tenant, nor the
          // unreachable calendar server refused for the caller's own calendar.
          const refusals =
            path.startsWith('twoFactor.') ||
            path.startsWith('passkeys.') ||
            path === 'auth.saveSingleSignOn' ||
            path === 'calendar.connectCalDav'
              ? ['FORBIDDEN', 'NOT_FOUND', 'BAD_REQUEST']
              : ['FORBIDDEN', 'NOT_FOUND'];
          expect(refusals).toContain((error as TRPCError).code);
        }
      });
    }
  }

  // The hiring manager of tenant A is on no hiring team: every procedure they may
  // call must behave as if tenant A's jobs, candidates and applications did not exist.
  for (const [path, procedure] of procedures) {
    const access = procedure._def.meta?.access;
    if (access?.kind !== 'permission' || !roleCan('hiring_manager', access.permission)) continue;
    it(`${path}: a hiring manager sees nothing of jobs whose team they are not on`, async () => {
      const caller = await callerFor(deps(), await tokenOf(members.hiring_manager));
      try {
        const json = JSON.stringify((await procedureOf(caller, path)(SAMPLE_INPUTS[path]!(a))) ?? null);
        for (const secret of hiringSecrets) expect(json).not.toContain(secret);
      } catch (error) {
        expect(error).toBeInstanceOf(TRPCError);
        expect(['NOT_FOUND']).toContain((error as TRPCError).code);
      }
    });
  }

  // A tenant that requires a second factor: a session signed in with a password alone reaches
  // nothing of it but the procedures that set a second factor up (see enrolmentProcedure).
  for (const [path, procedure] of procedures) {
    const access = procedure._def.meta?.access;
    if (access?.kind !== 'permission' && access?.kind !== 'tenant') continue;
    const enrolment = procedure._def.meta?.secondFactorEnrolment === true;
    it(`${path}: ${enrolment ? 'is open' : 'is closed'} to a password-only session where a second factor is required`, async () => {
      const em = db.orm().em.fork();
      const strict = await seedTenant(em);
      strict.requireSecondFactor = true;
      await em.flush();
      const owner = await seedUser(em, strict, 'owner');
      const caller = await callerFor(deps(), await sessionFor(deps(), owner.id, strict.id, 'password'));
      let refusal: unknown;
      try {
        await procedureOf(caller, path)(SAMPLE_INPUTS[path]!(a));
      } catch (error) {
        refusal = error;
      }
      const stopped = refusal instanceof TRPCError && refusal.message.startsWith(SECOND_FACTOR_REQUIRED);
      expect(stopped).toBe(!enrolment);
    });
  }

  // A session a tenant's identity provider opened reaches that tenant only, never the person's
  // account as a whole (sessions, password, factors, other organisations): see ownAccountProcedure.
  for (const [path, procedure] of procedures) {
    const access = procedure._def.meta?.access;
    if (access?.kind === 'public' || access === undefined) continue;
    const ownAccount = procedure._def.meta?.ownAccount === true;
    it(`${path}: ${ownAccount ? 'is closed' : 'is open'} to a single sign-on session`, async () => {
      const owner = members.owner;
      const caller = await callerFor(
        deps(),
        await sessionFor(deps(), owner.userId, owner.tenantId, 'single_sign_on'),
      );
      let refusal: unknown;
      try {
        await procedureOf(caller, path)(SAMPLE_INPUTS[path]!(a));
      } catch (error) {
        refusal = error;
      }
      const stopped = refusal instanceof TRPCError && refusal.message === SIGNED_IN_THROUGH_SSO;
      expect(stopped).toBe(ownAccount);
    });
  }

  it('a deactivated member is refused even with a live session', async () => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const user = await seedUser(em, tenant, 'admin', { status: 'deactivated' });
    const caller = await callerFor(deps(), await sessionFor(deps(), user.id, tenant.id));
    expect(await codeOf(caller.users.list({}))).toBe('FORBIDDEN');
  });
});
