import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Application,
  ApplicationIntake,
  ApplicationTag,
  Attachment,
  AuditEvent,
  Candidate,
  CandidateProfile,
  ConsentEvent,
  ConsentReceipt,
  type Orm,
  OutboxEmail,
  Tenant,
} from '@candor/db';
import { forEachDatabase, seedPublishedNotice, seedTenant, seedUser } from '@candor/db/testing';
import { DOCUMENT_TYPES, dayOf, type TApplyResult, type TConsentReceiptPayload } from '@candor/schemas';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { getCandidateProfile } from '../candidates/profile.service.js';
import { documentText } from '../files/document-text.js';
import { diskFileStore } from '../files/file-store.js';
import { sniffDocument } from '../files/sniff.js';
import { RateLimiter } from '../http/rate-limit.js';
import { setJobStatus, updateJob } from '../jobs/jobs.service.js';
import { candidateKey, openAnswers, openText, openWith } from '../keys/data-keys.js';
import { verifyJws } from '../keys/jws.js';
import { publicSigningKeys } from '../keys/signing-keys.service.js';
import { destroyErasedData, eraseSubject } from '../privacy/subject-erasure.js';
import { type ApplyFields as Fields, formOf, postApplication } from '../testing/careers-apply.js';
import { deflatedDocxBytes, hostileDocuments, odtBytes, pdfBytes } from '../testing/documents.js';
import { actorOf, seedJobWithApplicant, tenantEm } from '../testing/hiring-fixtures.js';
import { callerFor, httpClient, sessionFor, TEST_ORIGIN, testDeps } from '../testing/test-app.js';
import { ALREADY_APPLIED_TEMPLATE } from './already-applied.js';
import { fileReceivedApplications } from './file-applications.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

/** Every table an application writes to, and the files on disk. */
async function footprint(orm: Orm, tenantId: string, filesRoot: string) {
  const em = tenantEm(orm, tenantId);
  return {
    candidates: await em.count(Candidate, {}),
    applications: await em.count(Application, {}),
    attachments: await em.count(Attachment, {}),
    consentEvents: await em.count(ConsentEvent, {}),
    receipts: await em.count(ConsentReceipt, {}),
    emails: await em.count(OutboxEmail, {}),
    audit: await em.count(AuditEvent, { action: 'application.apply' }),
    files: readdirSync(filesRoot, { recursive: true }).filter((f) => String(f).length > 3).length,
  };
}

forEachDatabase('applying on the careers site', (db) => {
  const setup = async (options: { applyLimit?: number } = {}) => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const admin = await seedUser(em, tenant, 'admin');
    await seedPublishedNotice(em, tenant);
    const filesRoot = mkdtempSync(join(tmpdir(), 'candor-apply-files-'));
    const base = testDeps(db.orm(), { files: diskFileStore(filesRoot) });
    const deps = {
      ...base,
      limits: { ...base.limits, applyPerIp: new RateLimiter(options.applyLimit ?? 1000, 60_000) },
    };
    const actor = actorOf(admin.id, tenant.id);
    const { job } = await seedJobWithApplicant(db.orm(), actor, {
      questions: [
        { label: 'Do you need a visa?', kind: 'yes_no', required: true, knockoutAnswer: 'yes' },
        { label: 'Tell us about a robot you built', kind: 'long_text', required: false },
      ],
    });
    const client = httpClient(deps);
    await setJobStatus(tenantEm(db.orm(), tenant.id), actor, job.id, 'open');
    const [visa, story] = job.questions;
    const valid = (overrides: Fields = {}): Fields => ({
      name: 'Ada Applicant',
      email: `ada-${Math.random().toString(36).slice(2)}@example.test`,
      phone: '+49 30 1234567',
      location: 'Berlin',
      links: ['https://github.com/ada', ''],
      coverLetter: 'I like robots.',
      [`answer:${visa?.id}`]: 'no',
      [`answer:${story?.id}`]: 'A small one.',
      'consent:talent_pool': 'yes',
      ageConfirmed: 'yes',
      noticeVersion: '1',
      resume: { bytes: pdfBytes('Ada resume'), name: 'ada.pdf' },
      ...overrides,
    });
    const apply = (fields: Fields, headers: Record<string, string> = {}, jobId = job.id) =>
      postApplication(client, { slug: tenant.slug, jobId }, fields, headers);
    return { tenant, admin, actor, job, deps, client, apply, valid, filesRoot, visa, story };
  };

  describe('received, then filed', () => {
    /** The apply request alone, without the filing the test client does after it. */
    const receive = (deps: ReturnType<typeof testDeps>, slug: string, jobId: string, fields: Fields) =>
      createApp(deps).request(`/careers/${slug}/jobs/${jobId}/apply`, {
        method: 'POST',
        headers: { Accept: 'application/json', Origin: TEST_ORIGIN },
        body: formOf(fields),
      });
    const intakeOf = (tenantId: string, email: string) =>
      db.orm().em.fork().findOne(ApplicationIntake, { email, tenant: tenantId }, { filters: false });

    it('answers once the form is received; filing makes the candidate, who takes the intake key', async () => {
      const { tenant, job, deps, valid, filesRoot } = await setup();
      const fields = valid();
      const email = fields.email as string;
      const res = await receive(deps, tenant.slug, job.id, fields);
      expect(res.status).toBe(201);
      expect(((await res.json()) as TApplyResult).email).toBe(email);
      const em = tenantEm(db.orm(), tenant.id);
      expect(await em.count(Candidate, { email })).toBe(0);
      const intake = await intakeOf(tenant.id, email);
      expect(intake).not.toBeNull();
      // Only sealed values besides the address: the form and the resume are unreadable without the key.
      expect(intake!.form).toMatch(/^enc:v1\./);
      expect(intake!.form).not.toMatch(/Ada|robot|Berlin/);
      const pending = await deps.files.read(intake!.resumeKey);
      expect(pending.includes(Buffer.from('Ada resume'))).toBe(false);
      expect(readdirSync(filesRoot, { recursive: true }).some((f) => String(f).endsWith('.pending'))).toBe(
        true,
      );

      expect(await fileReceivedApplications(deps)).toMatchObject({ filed: 1, failed: 0 });
      expect(await intakeOf(tenant.id, email)).toBeNull();
      const candidate = await em.findOneOrFail(Candidate, { email });
      expect(candidate.id).toBe(intake!.candidateKeyId);
      const resume = await em.findOneOrFail(Attachment, { candidate: candidate.id });
      expect(resume.storageKey).toBe(intake!.resumeKey);
      const key = await candidateKey(em, deps, { tenantId: tenant.id, candidateId: candidate.id });
      expect(openWith(key!, await deps.files.read(resume.storageKey)).equals(pdfBytes('Ada resume'))).toBe(
        true,
      );
      expect(readdirSync(filesRoot, { recursive: true }).some((f) => String(f).endsWith('.pending'))).toBe(
        false,
      );
      // Consent is dated when it was given, not when it was filed.
      const consent = await em.findOneOrFail(ConsentEvent, { candidate: candidate.id });
      expect(Math.abs(consent.occurredAt.getTime() - intake!.receivedAt.getTime())).toBeLessThan(1000);
      // A second round finds nothing.
      expect(await fileReceivedApplications(deps)).toMatchObject({ filed: 0, failed: 0 });
    });

    it("files a known person's application under their key and destroys the intake's", async () => {
      const { tenant, actor, job, deps, valid } = await setup();
      const { job: second } = await seedJobWithApplicant(db.orm(), actor);
      await setJobStatus(tenantEm(db.orm(), tenant.id), actor, second.id, 'open');
      const fields = valid();
      const email = fields.email as string;
      expect((await receive(deps, tenant.slug, job.id, fields)).status).toBe(201);
      await fileReceivedApplications(deps);
      const {
        [`answer:${job.questions[0]?.id}`]: _a,
        [`answer:${job.questions[1]?.id}`]: _b,
        ...common
      } = fields;
      expect((await receive(deps, tenant.slug, second.id, common)).status).toBe(201);
      const intake = (await intakeOf(tenant.id, email))!;
      expect(await fileReceivedApplications(deps)).toMatchObject({ filed: 1 });
      const em = tenantEm(db.orm(), tenant.id);
      const candidate = await em.findOneOrFail(Candidate, { email });
      const resumes = await em.find(Attachment, { candidate: candidate.id });
      expect(resumes).toHaveLength(2);
      expect(resumes.map((r) => r.storageKey)).not.toContain(intake.resumeKey);
      const key = await candidateKey(em, deps, { tenantId: tenant.id, candidateId: candidate.id });
      for (const r of resumes)
        expect(openWith(key!, await deps.files.read(r.storageKey)).length).toBeGreaterThan(0);
      expect(
        await candidateKey(em, deps, { tenantId: tenant.id, candidateId: intake.candidateKeyId }),
      ).toBeNull();
      await expect(deps.files.read(intake.resumeKey)).rejects.toThrow();
    });

    it('files a row once when two workers file at the same time', async () => {
      const { tenant, job, deps, valid } = await setup();
      const emails: string[] = [];
      for (let i = 0; i < 3; i++) {
        const fields = valid();
        emails.push(fields.email as string);
        expect((await receive(deps, tenant.slug, job.id, fields)).status).toBe(201);
      }
      const rounds = await Promise.all([fileReceivedApplications(deps), fileReceivedApplications(deps)]);
      expect(rounds.reduce((n, r) => n + r.filed, 0)).toBe(3);
      expect(rounds.every((r) => r.failed === 0)).toBe(true);
      const em = tenantEm(db.orm(), tenant.id);
      expect(await em.count(Application, { job: job.id, candidate: { email: { $in: emails } } })).toBe(3);
      expect(await em.count(OutboxEmail, { to: { $in: emails } })).toBe(3);
    });

    it('an erasure of the address before filing deletes the received application, its file and its key', async () => {
      const { tenant, actor, job, deps, valid } = await setup();
      const { job: second } = await seedJobWithApplicant(db.orm(), actor);
      await setJobStatus(tenantEm(db.orm(), tenant.id), actor, second.id, 'open');
      const fields = valid();
      const email = fields.email as string;
      expect((await receive(deps, tenant.slug, job.id, fields)).status).toBe(201);
      await fileReceivedApplications(deps);
      const {
        [`answer:${job.questions[0]?.id}`]: _a,
        [`answer:${job.questions[1]?.id}`]: _b,
        ...common
      } = fields;
      expect((await receive(deps, tenant.slug, second.id, common)).status).toBe(201);
      const intake = (await intakeOf(tenant.id, email))!;
      const em = tenantEm(db.orm(), tenant.id);
      const candidate = await em.findOneOrFail(Candidate, { email });
      const summary = await em.fork().transactional((tx) => eraseSubject(tx, candidate.id));
      await destroyErasedData(deps, summary);
      expect(await intakeOf(tenant.id, email)).toBeNull();
      expect(
        await candidateKey(em, deps, { tenantId: tenant.id, candidateId: intake.candidateKeyId }),
      ).toBeNull();
      await expect(deps.files.read(intake.resumeKey)).rejects.toThrow();
      expect(await fileReceivedApplications(deps)).toMatchObject({ filed: 0, failed: 0 });
    });
  });

  describe('a valid application', () => {
    it("saves the profile sections the job asks for, sealed under the candidate's key", async () => {
      const { tenant, job, actor, apply, valid, deps } = await setup();
      const em = tenantEm(db.orm(), tenant.id);
      await updateJob(em, actor, {
        id: job.id,
        profileSections: ['education', 'rightToWork', 'salaryExpectation'],
      });
      const fields = valid({
        'education.0.institution': 'Universidade do Porto',
        'education.0.degree': 'MSc Robotics',
        'education.0.startDate': '2014-09',
        'education.1.institution': '',
        'rightToWork.0.country': 'DE',
        'rightToWork.0.status': 'needs_sponsorship',
        'salaryExpectation.amount': '61000',
        'salaryExpectation.currency': 'EUR',
        'salaryExpectation.period': 'year',
      });
      expect((await apply(fields)).status).toBe(201);
      const candidate = await em.findOneOrFail(Candidate, { email: fields.email as string });
      const row = await em.findOneOrFail(CandidateProfile, { candidate: candidate.id });
      expect(JSON.stringify([row.education, row.rightToWork, row.salaryExpectation])).not.toMatch(
        /Porto|61000|sponsorship/,
      );
      expect(
        await getCandidateProfile(tenantEm(db.orm(), tenant.id), actor, deps, candidate.id),
      ).toMatchObject({
        education: [
          {
            institution: 'Universidade do Porto',
            degree: 'MSc Robotics',
            field: '',
            startDate: '2014-09',
            endDate: null,
          },
        ],
        workHistory: [],
        rightToWork: [{ country: 'DE', status: 'needs_sponsorship' }],
        salaryExpectation: { amount: 61000, currency: 'EUR', period: 'year' },
      });
      // The structured salary replaced the free-text question on this job.
      expect((await em.findOneOrFail(Application, { candidate: candidate.id })).salaryExpectation).toBeNull();
    });

    it('takes a Word or OpenDocument resume, recognised from its bytes', async () => {
      const { tenant, apply, valid } = await setup();
      for (const [bytes, name, contentType] of [
        [deflatedDocxBytes(['Robots']), 'resume.docx', DOCUMENT_TYPES.docx],
        [odtBytes(), 'resume.odt', DOCUMENT_TYPES.odt],
      ] as const) {
        const fields = valid({ resume: { bytes, name } });
        expect((await apply(fields)).status).toBe(201);
        const file = await tenantEm(db.orm(), tenant.id).findOneOrFail(Attachment, {
          candidate: { email: fields.email as string },
        });
        expect(file.contentType).toBe(contentType);
      }
    });

    it('stores candidate, application, answers, resume, consents and receipt, and queues the confirmation', async () => {
      const { tenant, job, apply, valid, deps, visa } = await setup();
      const fields = valid();
      const res = await apply(fields);
      expect(res.status).toBe(201);
      // The answer holds only what the form said: the reference and the signed receipt go to the address.
      expect(await res.json()).toEqual({
        jobTitle: job.title,
        email: fields.email as string,
        noticeVersion: 1,
        gpc: false,
        choices: [
          { label: expect.stringMatching(/application/i), choice: 'needed' },
          { label: expect.any(String), choice: 'consented' },
          { label: expect.any(String), choice: 'refused' },
        ],
      } satisfies TApplyResult);

      const em = tenantEm(db.orm(), tenant.id);
      const candidate = await em.findOneOrFail(Candidate, { email: fields.email as string });
      expect(candidate).toMatchObject({
        name: 'Ada Applicant',
        phone: '+49 30 1234567',
        location: 'Berlin',
        links: ['https://github.com/ada'],
        source: 'careers_site',
      });
      const app = await em.findOneOrFail(Application, { candidate }, { populate: ['stage'] });
      expect(app.stage.kind).toBe('applied');
      expect(app).toMatchObject({ source: 'careers_site', noticeVersion: 1, status: 'active' });
      // Free text is stored sealed under the candidate's key.
      const key = await candidateKey(em, deps, { tenantId: tenant.id, candidateId: candidate.id });
      expect(key).not.toBeNull();
      expect(app.coverLetter).toMatch(/^enc:v1\./);
      expect(openText(key, app.coverLetter)).toBe('I like robots.');
      expect(app.answers.every((a) => a.answer.startsWith('enc:v1.'))).toBe(true);
      expect(openAnswers(key, app.answers)).toEqual(
        expect.arrayContaining([expect.objectContaining({ questionId: visa?.id, answer: 'no' })]),
      );

      const file = await em.findOneOrFail(Attachment, { candidate });
      expect(file).toMatchObject({
        kind: 'resume',
        filename: 'ada.pdf',
        contentType: 'application/pdf',
        uploadedBy: null,
      });
      expect(file.encrypted).toBe(true);
      const stored = await deps.files.read(file.storageKey);
      expect(stored.includes(pdfBytes('Ada resume'))).toBe(false);
      expect(openWith(key!, stored).equals(pdfBytes('Ada resume'))).toBe(true);

      const events = await em.find(ConsentEvent, { candidate }, { orderBy: { purpose: 'asc' } });
      expect(events.map((e) => [e.purpose, e.decision, e.noticeVersion, e.channel, e.gpc])).toEqual([
        ['marketing', 'refused', 1, 'careers_apply', false],
        ['talent_pool', 'given', 1, 'careers_apply', false],
      ]);
      const [receipt, ...more] = await em.find(ConsentReceipt, { candidate });
      expect(more).toEqual([]);
      const body = { receipt: { id: receipt!.id, jws: receipt!.jws } };
      expect(events.every((e) => e.receipt?.id === body.receipt.id)).toBe(true);

      // The receipt verifies with the tenant's published key and carries the Kantara fields.
      const payload = verifyJws(body.receipt.jws, await publicSigningKeys(em)) as TConsentReceiptPayload;
      expect(payload).toMatchObject({
        version: 'KI-CR-v1.1.0',
        consentReceiptID: body.receipt.id,
        piiPrincipalId: fields.email,
        noticeVersion: 1,
        gpc: false,
        piiControllers: [expect.objectContaining({ piiController: tenant.name })],
      });
      const purposes = payload.services[0]?.purposes ?? [];
      expect(purposes.map((p) => [p.purposeCategory[0], p.consentType, p.consented])).toEqual([
        ['recruitment', 'NOT_CONSENT', true],
        ['talent_pool', 'EXPLICIT', true],
        ['marketing', 'EXPLICIT', false],
      ]);
      // A tampered receipt does not verify.
      const [h, p, s] = body.receipt.jws.split('.');
      const forged = Buffer.from(
        JSON.stringify({ ...payload, piiPrincipalId: 'mallory@example.test' }),
      ).toString('base64url');
      expect(verifyJws(`${h}.${forged}.${s}`, await publicSigningKeys(em))).toBeNull();
      expect(p).toBeTruthy();

      const mail = await em.findOneOrFail(OutboxEmail, { to: fields.email as string });
      expect(mail.template).toBe('application_received');
      expect(mail.subject).toContain(job.title);
      expect(mail.text).toContain(`Your reference: ${app.id.slice(0, 8).toUpperCase()}`);
      expect(mail.text).not.toContain('restricted');
      expect(mail.attachments?.[0]).toMatchObject({ filename: `consent-receipt-${body.receipt.id}.jwt` });
      expect(Buffer.from(mail.attachments?.[0]?.contentBase64 ?? '', 'base64').toString()).toBe(
        body.receipt.jws,
      );
      expect(
        await em.count(AuditEvent, { action: 'application.apply', targetId: app.id, actorId: null }),
      ).toBe(1);
    });

    it('explains the consent receipt in plain words and attaches it as a readable PDF beside the signed token', async () => {
      const { tenant, job, apply, valid } = await setup();
      const fields = valid();
      expect((await apply(fields)).status).toBe(201);
      const em = tenantEm(db.orm(), tenant.id);
      const receipt = await em.findOneOrFail(ConsentReceipt, {
        candidate: { email: fields.email as string },
      });
      const mail = await em.findOneOrFail(OutboxEmail, { to: fields.email as string });

      // Plain words first: what the receipt is, why and how to keep it, where to withdraw.
      const portal = `${TEST_ORIGIN}/careers/${tenant.slug}/privacy/portal/`;
      expect(mail.text).toContain(
        'Your consent receipt is attached as a PDF. It is a signed record of what you agreed to when you applied: each purpose with your choice, the version of the privacy notice you were shown, and the date and time. Keep it as proof of what you consented to: save the PDF with your documents, or keep this email.',
      );
      expect(mail.text).toContain(`withdraw any of them at any time, in the privacy portal: ${portal}`);
      // The technical details are one line, behind a link to the privacy page that explains verifying.
      expect(mail.text).toContain(
        `Technical details: receipt ${receipt.id}, also attached as a signed token (.jwt). How to check that it is genuine: ${TEST_ORIGIN}/careers/${tenant.slug}/privacy/#receipts`,
      );
      expect(mail.text).not.toMatch(/JSON Web|ES256|jwks/i);
      // Candor's lines come before the footer, after the tenant's wording.
      expect(mail.text.indexOf('Your consent receipt is attached')).toBeGreaterThan(
        mail.text.indexOf('Thank you for applying'),
      );
      expect(mail.text.indexOf('Technical details:')).toBeLessThan(mail.text.indexOf('\n--\n'));

      // The signed token stays, and the PDF rides beside it.
      expect(mail.attachments?.map((a) => [a.filename, a.contentType])).toEqual([
        [`consent-receipt-${receipt.id}.jwt`, 'application/jwt'],
        [`consent-receipt-${receipt.id}.pdf`, 'application/pdf'],
      ]);
      const pdf = Buffer.from(mail.attachments?.[1]?.contentBase64 ?? '', 'base64');
      expect(await sniffDocument(pdf)).toMatchObject({ contentType: DOCUMENT_TYPES.pdf });
      const text = (await documentText(pdf, DOCUMENT_TYPES.pdf)).replace(/\s+/g, ' ');
      const payload = verifyJws(receipt.jws, await publicSigningKeys(em)) as TConsentReceiptPayload;
      const kid = JSON.parse(Buffer.from(receipt.jws.split('.')[0]!, 'base64url').toString()).kid as string;
      expect(text).toContain('Consent receipt');
      expect(text).toContain(`${tenant.name}, application for ${job.title}`);
      expect(text).toContain(`Email address: ${fields.email as string}`);
      expect(text).toMatch(/Date and time: \w+ \d{1,2}, \d{4} at \d{1,2}:\d{2} [AP]M \(UTC\)/);
      expect(text).toContain(
        `Privacy notice: version 1, ${TEST_ORIGIN}/careers/${tenant.slug}/privacy/versions/1/`,
      );
      // Each purpose as labelled, with the decision and the lawful basis the signed payload records.
      const [recruitment, marketing, talentPool] = ['recruitment', 'marketing', 'talent_pool'].map(
        (key) => payload.services[0]!.purposes.find((p) => p.purposeCategory[0] === key)!,
      );
      expect(text).toContain(`- ${recruitment!.purpose}: Needed to apply. Lawful basis: Art. 6(1)(b) GDPR`);
      expect(text).toContain(`- ${talentPool!.purpose}: You agreed. Lawful basis: Art. 6(1)(a) GDPR`);
      expect(text).toContain(`- ${marketing!.purpose}: You declined. Lawful basis: Art. 6(1)(a) GDPR`);
      expect(text).not.toContain('Global Privacy Control');
      expect(text).toContain(`in the privacy portal: ${portal}`);
      expect(text).toContain(
        `Receipt ${receipt.id}. The signed original is the file consent-receipt-${receipt.id}.jwt sent with this PDF: a JSON Web Signature (ES256), signed by ${tenant.name} with key ${kid}.`,
      );
      expect(text).toContain(`${TEST_ORIGIN}/careers/${tenant.slug}/jwks.json`);
    });

    it('invites to the diversity survey in the email, only when the company runs one', async () => {
      const { tenant, admin, deps, apply, valid } = await setup();
      const without = valid();
      expect((await apply(without)).status).toBe(201);
      const em = tenantEm(db.orm(), tenant.id);
      expect((await em.findOneOrFail(OutboxEmail, { to: without.email as string })).text).not.toContain(
        '/diversity/',
      );
      const row = await em.findOneOrFail(Tenant, tenant.id);
      row.diversitySettings = { enabled: true, template: 'us_eeo1', questions: ['gender'], k: 10 };
      await em.flush();
      const fields = valid();
      const on = await apply(fields);
      // The link is the applicant's own: by email only, never in the answer to the form.
      expect(JSON.stringify(await on.json())).not.toContain('/diversity/');
      const mail = await tenantEm(db.orm(), tenant.id).findOneOrFail(OutboxEmail, {
        to: fields.email as string,
      });
      const surveyUrl = new RegExp(`${TEST_ORIGIN}/careers/${tenant.slug}/diversity/\\?t=\\S+`).exec(
        mail.text,
      )?.[0];
      expect(surveyUrl).toBeDefined();
      // Staff reading the outbox cannot take the link and answer in the applicant's name.
      const staff = await callerFor(deps, await sessionFor(deps, admin.id, tenant.id));
      const seen = await staff.outbox.get({ id: mail.id });
      expect(seen.text).toContain('/diversity/?t=[for the recipient only]');
      expect(seen.text).not.toContain(new URL(surveyUrl!).searchParams.get('t')!);
    });

    it('flags a knockout answer for a person to decide, without rejecting', async () => {
      const { tenant, apply, valid, visa } = await setup();
      const fields = valid({ [`answer:${visa?.id}`]: 'yes' });
      expect((await apply(fields)).status).toBe(201);
      const em = tenantEm(db.orm(), tenant.id);
      const app = await em.findOneOrFail(Application, { candidate: { email: fields.email as string } });
      expect(app.status).toBe('active');
      expect(await em.count(ApplicationTag, { application: app, tag: 'knockout-answer' })).toBe(1);
    });

    it('keeps script tags as text', async () => {
      const { tenant, apply, valid } = await setup();
      const fields = valid({
        name: '<script>alert(1)</script> Ada',
        coverLetter: '<img src=x onerror=alert(1)>',
      });
      expect((await apply(fields)).status).toBe(201);
      const em = tenantEm(db.orm(), tenant.id);
      const candidate = await em.findOneOrFail(Candidate, { email: fields.email as string });
      expect(candidate.name).toBe('<script>alert(1)</script> Ada');
      const mail = await em.findOneOrFail(OutboxEmail, { to: fields.email as string });
      expect(mail.html).toBeNull(); // plain text only: nothing is ever rendered as HTML
    });

    it('answers a second application to the same job exactly as a first, changes nothing, and tells the owner by email', async () => {
      const { tenant, job, apply, valid, filesRoot, deps } = await setup();
      const fields = valid();
      expect((await apply(fields)).status).toBe(201);
      const em = tenantEm(db.orm(), tenant.id);
      const first = await em.findOneOrFail(
        Application,
        { candidate: { email: fields.email as string } },
        { populate: ['candidate'] },
      );
      const stored = (a: typeof first) => ({
        candidate: [a.candidate.name, a.candidate.phone, a.candidate.location, a.candidate.links],
        application: [a.coverLetter, a.answers, a.salaryExpectation, a.noticeVersion, a.stage.id, a.status],
      });
      const before = { rows: await footprint(db.orm(), tenant.id, filesRoot), application: stored(first) };

      // Someone else, knowing only the address, sends other details and other choices.
      const changes: Fields = {
        name: 'Someone Else',
        phone: '+1 555 0100',
        coverLetter: 'Not me',
        'consent:talent_pool': undefined,
      };
      const again = await apply({ ...fields, ...changes });
      // Nothing of the second form was written; only the email to the owner of the address.
      expect(await footprint(db.orm(), tenant.id, filesRoot)).toEqual({
        ...before.rows,
        emails: before.rows.emails + 1,
      });
      const after = await tenantEm(db.orm(), tenant.id).findOneOrFail(Application, first.id, {
        populate: ['candidate'],
      });
      expect(stored(after)).toEqual(before.application);

      // The same status and the same answer as a first application with that form.
      const firstTime = await apply(valid(changes));
      expect(again.status).toBe(201);
      expect(firstTime.status).toBe(201);
      expect(await again.json()).toEqual({
        ...((await firstTime.json()) as TApplyResult),
        email: fields.email,
      });
      // Without JavaScript too: the same page.
      const pages = await Promise.all(
        [{ ...fields, ...changes }, valid(changes)].map(async (f) => {
          const res = await apply(f, { Accept: 'text/html' });
          return [res.status, (await res.text()).replaceAll(f.email as string, 'EMAIL')];
        }),
      );
      expect(pages[0]).toEqual(pages[1]);
      expect(pages[0]![0]).toBe(201);

      const mails = await em.find(OutboxEmail, {
        to: fields.email as string,
        template: ALREADY_APPLIED_TEMPLATE,
      });
      expect(mails).toHaveLength(2); // the JSON and the plain form post above
      expect(mails[0]!.candidate?.id).toBe(first.candidate.id);
      expect(mails[0]!.subject).toBe(`Your application for ${job.title} at ${tenant.name}`);
      expect(mails[0]!.text).toContain(`Hello Ada Applicant,`);
      expect(mails[0]!.text).toContain(
        `You already applied for this role on ${dayOf(first.appliedAt)}, so nothing was changed`,
      );
      expect(mails[0]!.text).toContain("If this wasn't you, ignore this email.");
      expect(mails[0]!.text).toContain(`${TEST_ORIGIN}/careers/${tenant.slug}/privacy/portal/`);
      expect(mails[0]!.text).not.toContain('Someone Else');
      expect(mails[0]!.attachments).toBeNull();
      expect(deps.logLines.join('\n')).not.toContain(fields.email as string);
    });

    it('reuses the candidate for another job, without overwriting what is known', async () => {
      const { tenant, actor, apply, valid, visa, story } = await setup();
      const { job: second } = await seedJobWithApplicant(db.orm(), actor);
      await setJobStatus(tenantEm(db.orm(), tenant.id), actor, second.id, 'open');
      const fields = valid();
      expect((await apply(fields)).status).toBe(201);
      const { [`answer:${visa?.id}`]: _visa, [`answer:${story?.id}`]: _story, ...common } = fields;
      const res = await apply({ ...common, phone: '+1 555 0100', name: 'Mallory' }, {}, second.id);
      expect(res.status).toBe(201);
      const em = tenantEm(db.orm(), tenant.id);
      const candidates = await em.find(Candidate, { email: fields.email as string });
      expect(candidates).toHaveLength(1);
      expect(candidates[0]).toMatchObject({ name: 'Ada Applicant', phone: '+49 30 1234567' });
      expect(await em.count(Application, { candidate: candidates[0] })).toBe(2);
    });

    it('declines marketing-type purposes under Global Privacy Control and records the signal', async () => {
      const { tenant, apply, valid } = await setup();
      const fields = valid({ 'consent:marketing': 'yes' });
      const res = await apply(fields, { 'Sec-GPC': '1' });
      expect(res.status).toBe(201);
      const em = tenantEm(db.orm(), tenant.id);
      const events = await em.find(
        ConsentEvent,
        { candidate: { email: fields.email as string } },
        { orderBy: { purpose: 'asc' } },
      );
      expect(events.map((e) => [e.purpose, e.decision, e.gpc])).toEqual([
        ['marketing', 'refused', true],
        ['talent_pool', 'given', true],
      ]);
    });
  });

  describe('bad input leaves nothing behind', () => {
    const cases: Array<
      [string, (v: ReturnType<Awaited<ReturnType<typeof setup>>['valid']>) => Fields, number, string]
    > = [
      ['a PNG renamed .pdf', (v) => ({ ...v, resume: { bytes: PNG, name: 'resume.pdf' } }), 400, 'resume'],
      ['an invalid email', (v) => ({ ...v, email: 'not-an-email' }), 400, 'email'],
      ['the minimum-age box unticked', (v) => ({ ...v, ageConfirmed: undefined }), 400, 'ageConfirmed'],
      ['no resume', (v) => ({ ...v, resume: undefined }), 400, 'resume'],
      ['a link that is not a web address', (v) => ({ ...v, links: ['javascript:alert(1)'] }), 400, 'links'],
      [
        'a purpose the tenant does not offer',
        (v) => ({ ...v, 'consent:sell_my_data': 'yes' }),
        400,
        'consent:sell_my_data',
      ],
      ['a notice version never published', (v) => ({ ...v, noticeVersion: '7' }), 400, 'noticeVersion'],
    ];
    for (const [label, change, status, field] of cases) {
      it(label, async () => {
        const { tenant, apply, valid, filesRoot } = await setup();
        const before = await footprint(db.orm(), tenant.id, filesRoot);
        const res = await apply(change(valid()));
        expect(res.status).toBe(status);
        const body = (await res.json()) as { error: { fieldErrors: Record<string, string[]> } };
        expect(Object.keys(body.error.fieldErrors)).toContain(field);
        expect(await footprint(db.orm(), tenant.id, filesRoot)).toEqual(before);
      });
    }

    for (const [label, bytes, reason] of hostileDocuments()) {
      it(`a resume that is ${label}`, async () => {
        const { tenant, apply, valid, filesRoot } = await setup();
        const before = await footprint(db.orm(), tenant.id, filesRoot);
        const res = await apply(valid({ resume: { bytes, name: 'resume.docx' } }));
        expect(res.status).toBe(400);
        expect(await res.json()).toMatchObject({
          error: { fieldErrors: { resume: [expect.stringMatching(reason)] } },
        });
        expect(await footprint(db.orm(), tenant.id, filesRoot)).toEqual(before);
      });
    }

    it('profile sections the job does not ask for', async () => {
      const { tenant, apply, valid, filesRoot } = await setup();
      const before = await footprint(db.orm(), tenant.id, filesRoot);
      const res = await apply(valid({ 'education.0.institution': 'Universidade do Porto' }));
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({
        error: { fieldErrors: { education: ['Not asked for this job'] } },
      });
      expect(await footprint(db.orm(), tenant.id, filesRoot)).toEqual(before);
    });

    it('a missing required answer', async () => {
      const { tenant, apply, valid, filesRoot, visa } = await setup();
      const before = await footprint(db.orm(), tenant.id, filesRoot);
      const res = await apply(valid({ [`answer:${visa?.id}`]: undefined }));
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({
        error: { fieldErrors: { [`answer:${visa?.id}`]: ['Answer this question'] } },
      });
      expect(await footprint(db.orm(), tenant.id, filesRoot)).toEqual(before);
    });

    it('an 11 MB file', async () => {
      const { tenant, apply, valid, filesRoot } = await setup();
      const before = await footprint(db.orm(), tenant.id, filesRoot);
      const big = Buffer.concat([pdfBytes(), Buffer.alloc(11 * 1024 * 1024)]);
      const res = await apply(valid({ resume: { bytes: big, name: 'big.pdf' } }));
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({
        error: { fieldErrors: { resume: [expect.stringContaining('10 MB')] } },
      });
      expect(await footprint(db.orm(), tenant.id, filesRoot)).toEqual(before);
    });

    it('a request without the form fields, a JSON body and a huge JSON body', async () => {
      const { tenant, job, client, filesRoot } = await setup();
      const before = await footprint(db.orm(), tenant.id, filesRoot);
      const path = `/careers/${tenant.slug}/jobs/${job.id}/apply`;
      const empty = await client.request(path, {
        method: 'POST',
        headers: { Accept: 'application/json' },
        body: new FormData(),
      });
      expect(empty.status).toBe(400);
      expect(
        Object.keys(((await empty.json()) as { error: { fieldErrors: object } }).error.fieldErrors),
      ).toEqual(expect.arrayContaining(['name', 'email', 'ageConfirmed', 'resume']));
      const json = await client.request(path, {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'Ada', email: 'ada@example.test' }),
      });
      expect(json.status).toBe(400);
      const huge = await client.request(path, {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'x'.repeat(12 * 1024 * 1024) }),
      });
      expect(huge.status).toBe(413);
      expect(await footprint(db.orm(), tenant.id, filesRoot)).toEqual(before);
    });

    it('too many applications from one address are refused for a while', async () => {
      const { apply, valid } = await setup({ applyLimit: 2 });
      expect((await apply(valid())).status).toBe(201);
      expect((await apply(valid())).status).toBe(201);
      expect((await apply(valid())).status).toBe(429);
    });
  });

  describe('jobs and notices that do not take applications', () => {
    it('refuses a closed job, and does not know draft or unknown jobs', async () => {
      const { tenant, actor, job, apply, valid, filesRoot } = await setup();
      const { job: draft } = await seedJobWithApplicant(db.orm(), actor);
      await setJobStatus(tenantEm(db.orm(), tenant.id), actor, job.id, 'closed');
      const before = await footprint(db.orm(), tenant.id, filesRoot);
      const closed = await apply(valid());
      expect(closed.status).toBe(410);
      expect(await closed.json()).toMatchObject({ error: { code: 'JOB_CLOSED' } });
      expect((await apply(valid(), {}, draft.id)).status).toBe(404);
      expect((await apply(valid(), {}, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
      expect(await footprint(db.orm(), tenant.id, filesRoot)).toEqual(before);
    });

    it('asks to reload when a material change was published after the page was opened', async () => {
      const { tenant, apply, valid } = await setup();
      await seedPublishedNotice(db.orm().em.fork(), tenant, { version: 2, materialChange: true });
      const res = await apply(valid({ noticeVersion: '1' }));
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({
        error: { fieldErrors: { noticeVersion: [expect.stringContaining('reload')] } },
      });
      expect((await apply(valid({ noticeVersion: '2' }))).status).toBe(201);
    });

    it('does not take applications before a notice is in effect', async () => {
      const em = db.orm().em.fork();
      const tenant = await seedTenant(em);
      const admin = await seedUser(em, tenant, 'admin');
      const actor = actorOf(admin.id, tenant.id);
      const { job } = await seedJobWithApplicant(db.orm(), actor);
      await setJobStatus(tenantEm(db.orm(), tenant.id), actor, job.id, 'open');
      const client = httpClient(testDeps(db.orm()));
      const form = formOf({
        name: 'Ada',
        email: 'ada@example.test',
        ageConfirmed: 'yes',
        noticeVersion: '1',
      });
      const res = await client.request(`/careers/${tenant.slug}/jobs/${job.id}/apply`, {
        method: 'POST',
        headers: { Accept: 'application/json' },
        body: form,
      });
      expect(res.status).toBe(503);
    });
  });

  describe('without JavaScript', () => {
    it('answers the plain form post with a confirmation page carrying the receipt', async () => {
      const { apply, valid } = await setup();
      const res = await apply(valid(), { Accept: 'text/html' });
      expect(res.status).toBe(201);
      expect(res.headers.get('Content-Type')).toContain('text/html');
      const page = await res.text();
      expect(page).toMatch(/consent receipt/i);
    });

    it('lists the problems on a page when the form is wrong', async () => {
      const { apply, valid } = await setup();
      const res = await apply(valid({ email: 'nope' }), { Accept: 'text/html' });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('Enter a valid email address');
    });
  });

  it('serves the Global Privacy Control support resource', async () => {
    const { client } = await setup();
    const res = await client.request('/.well-known/gpc.json');
    expect(await res.json()).toMatchObject({ gpc: true });
  });
});
