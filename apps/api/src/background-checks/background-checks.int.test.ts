import { BackgroundCheck, ConsentEvent, Disclosure, OutboxEmail, Tenant } from '@candor/db';
import { forEachDatabase, seedTenant, seedUser } from '@candor/db/testing';
import { DEFAULT_PRIVACY_SETTINGS, type TBackgroundCheckSettings } from '@candor/schemas';
import { expect, it } from 'vitest';
import { withdrawConsent } from '../portal/portal.service.js';
import { eraseSubject } from '../privacy/subject-erasure.js';
import { buildSubjectExport, subjectExport } from '../privacy/subject-export.js';
import { pdfBytes, unzip } from '../testing/documents.js';
import { actorOf, seedJobWithApplicant, tenantEm } from '../testing/hiring-fixtures.js';
import { callerFor, httpClient, sessionFor, TEST_ORIGIN, testDeps } from '../testing/test-app.js';
import {
  eraseExpiredChecks,
  resolveDispute,
  sendFinalNotice,
  sendPreAdverse,
} from './background-checks.service.js';
import { type BackgroundCheckProvider, webhookSignature } from './providers.js';

const FORM = { Origin: TEST_ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' };
const REPORT_TEXT = 'CONVICTION RECORD 1999 PETTY THEFT';
const SECRET = 'whsec-test-0123456789';

/** A provider with a webhook: it hands over a PDF report once the check is complete. */
const screening: BackgroundCheckProvider = {
  key: 'acme-screening',
  name: 'Acme Screening Inc.',
  country: 'US',
  order: async ({ checkId }) => ({ providerRef: `acme-${checkId}` }),
  fetchReport: async () => ({ filename: 'acme-report.pdf', bytes: pdfBytes(REPORT_TEXT) }),
  webhookSecret: SECRET,
};

forEachDatabase('background checks', (db) => {
  const setup = async (checks: Partial<TBackgroundCheckSettings> = {}) => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const recruiter = await seedUser(em, tenant, 'recruiter');
    const admin = await seedUser(em, tenant, 'admin');
    const deps = testDeps(db.orm(), { backgroundCheckProviders: [screening] });
    const as = async (user: { id: string }) => callerFor(deps, await sessionFor(deps, user.id, tenant.id));
    const rc = await as(recruiter);
    const ac = await as(admin);
    const seeded = await seedJobWithApplicant(
      db.orm(),
      actorOf(recruiter.id, tenant.id, 'recruiter'),
      {},
      {
        name: 'Bea Background',
      },
    );
    await ac.privacy.updateSettings({
      ...DEFAULT_PRIVACY_SETTINGS,
      backgroundChecks: {
        enabled: true,
        viewerRoles: ['admin'],
        waitingDays: 5,
        holidays: ['2026-12-24', '2026-12-25'],
        retentionMonths: 6,
        ...checks,
      },
    });
    const toOffer = async () => {
      const offerStage = seeded.job.stages.find((st) => st.kind === 'offer');
      await rc.applications.move({ ids: [seeded.applicationId], stageId: offerStage!.id });
    };
    const tem = () => tenantEm(db.orm(), tenant.id);
    const linkIn = async (template: string) => {
      const [mail] = await tem().find(OutboxEmail, { template }, { orderBy: { createdAt: 'desc' } });
      expect(mail, `an email ${template}`).toBeDefined();
      return new URL(/(http:\/\/\S+\/background-checks\/\S+)/.exec(mail!.text)![1]!).pathname;
    };
    return {
      tenant,
      deps,
      rc,
      ac,
      tem,
      toOffer,
      linkIn,
      web: httpClient(deps),
      adminActor: actorOf(admin.id, tenant.id, 'admin'),
      ...seeded,
    };
  };
  type Setup = Awaited<ReturnType<typeof setup>>;
  const post = (s: Setup, path: string, form: Record<string, string>) =>
    s.web.request(path, { method: 'POST', headers: FORM, body: new URLSearchParams(form).toString() });

  /** Requested, signed by the candidate, ordered, report uploaded by an admin. */
  const withReport = async (s: Setup) => {
    await s.toOffer();
    const check = await s.rc.backgroundChecks.request({ applicationId: s.applicationId });
    const path = await s.linkIn('background_check_disclosure');
    expect((await post(s, path, { action: 'sign', name: 'Bea Background', agree: 'yes' })).status).toBe(200);
    await s.rc.backgroundChecks.order({ id: check.id });
    await s.ac.backgroundChecks.uploadReport({
      id: check.id,
      filename: 'report.pdf',
      contentBase64: pdfBytes(REPORT_TEXT).toString('base64'),
    });
    return { id: check.id, path };
  };

  it('is off by default, and only at the offer stage', async () => {
    const s = await setup({ enabled: false });
    await s.toOffer();
    await expect(s.rc.backgroundChecks.request({ applicationId: s.applicationId })).rejects.toThrow(
      /off in the Privacy settings/,
    );
    const t = await setup();
    const state = await t.rc.backgroundChecks.forApplication({ applicationId: t.applicationId });
    expect(state).toMatchObject({ canRequest: false, reason: expect.stringMatching(/offer stage/) });
    await expect(t.rc.backgroundChecks.request({ applicationId: t.applicationId })).rejects.toThrow(
      /offer stage/,
    );
  });

  it('goes from the standalone disclosure through the pre-adverse notice, a dispute and the waiting period to the final notice', async () => {
    const s = await setup();
    await s.toOffer();
    const check = await s.rc.backgroundChecks.request({ applicationId: s.applicationId });
    expect(check.status).toBe('requested');
    const path = await s.linkIn('background_check_disclosure');

    // The page: the disclosure on its own, and the authorization; opening it changes nothing.
    const page = await (await s.web.request(path)).text();
    expect(page).toContain('Disclosure regarding background investigation');
    expect(page).toContain('Type your full name to sign');
    expect(page).not.toContain('privacy notice');
    // Not signed without a name and the tick; a foreign origin is refused.
    const unsigned = await post(s, path, { action: 'sign', name: '' });
    expect(unsigned.status).toBe(400);
    expect(await unsigned.text()).toContain('Tick the box to authorize the check');
    const foreign = await s.web.request(path, {
      method: 'POST',
      headers: { ...FORM, Origin: 'https://evil.test' },
      body: 'action=sign&name=Bea&agree=yes',
    });
    expect(foreign.status).toBe(403);
    // Ordering before the signature is refused.
    await expect(s.rc.backgroundChecks.order({ id: check.id })).rejects.toThrow(/signed the authorization/);

    const signed = await post(s, path, { action: 'sign', name: 'Bea Background', agree: 'yes' });
    expect(signed.status).toBe(200);
    expect(await signed.text()).toContain('Withdraw my authorization');
    const [consent] = await s.tem().find(ConsentEvent, { purpose: 'background_check' });
    expect(consent).toMatchObject({ decision: 'given', channel: 'background_check' });
    expect(consent!.receipt).toBeTruthy();
    const [signedMail] = await s.tem().find(OutboxEmail, { template: 'background_check_signed' });
    expect(signedMail!.attachments?.[0]?.contentType).toBe('application/jwt');

    // Ordering records the disclosure to the provider.
    const ordered = await s.rc.backgroundChecks.order({ id: check.id });
    expect(ordered.status).toBe('ordered');
    const [disclosure] = await s.tem().find(Disclosure, { candidate: s.candidate.id });
    expect(disclosure).toMatchObject({ via: 'background_check', recipientKind: 'controller' });

    // Reports: only the roles the tenant named (here admins) handle them; stored sealed.
    const upload = {
      id: check.id,
      filename: 'report.pdf',
      contentBase64: pdfBytes(REPORT_TEXT).toString('base64'),
    };
    await expect(s.rc.backgroundChecks.uploadReport(upload)).rejects.toThrow(/roles named/);
    await expect(
      s.ac.backgroundChecks.uploadReport({
        ...upload,
        contentBase64: Buffer.from('not a pdf').toString('base64'),
      }),
    ).rejects.toThrow(/PDF/);
    const received = await s.ac.backgroundChecks.uploadReport(upload);
    expect(received.status).toBe('report_received');
    const row = await s.tem().findOneOrFail(BackgroundCheck, check.id);
    const stored = await s.deps.files.read(row.reportStorageKey!);
    expect(stored.toString('latin1')).not.toContain(REPORT_TEXT);
    await expect(s.rc.backgroundChecks.report({ id: check.id })).rejects.toThrow(/roles named/);
    const read = await s.ac.backgroundChecks.report({ id: check.id });
    expect(Buffer.from(read.contentBase64, 'base64').toString('latin1')).toContain(REPORT_TEXT);
    const forRecruiter = await s.rc.backgroundChecks.forApplication({ applicationId: s.applicationId });
    expect(forRecruiter.checks[0]).toMatchObject({ canReadReport: false, report: { filename: 'report' } });

    // Pre-adverse on Friday 2026-12-18: five business days skip the weekend and the two holidays.
    const friday = new Date('2026-12-18T10:00:00Z');
    const pre = await sendPreAdverse(s.tem(), s.adminActor, s.deps, check.id, friday);
    expect(pre).toMatchObject({ status: 'pre_adverse', waitUntil: '2026-12-29', finalNoticeAllowed: false });
    const [notice] = await s.tem().find(OutboxEmail, { template: 'background_check_pre_adverse' });
    expect(notice!.text).toContain('Date: 2026-12-18');
    expect(notice!.text).toContain('until the end of 2026-12-29');
    expect(notice!.attachments?.map((a) => a.filename)).toEqual([
      'report.pdf',
      'summary-of-your-rights-under-the-fcra.txt',
    ]);
    expect(Buffer.from(notice!.attachments![0]!.contentBase64, 'base64').toString('latin1')).toContain(
      REPORT_TEXT,
    );

    // The final notice is refused during the waiting period.
    await expect(
      sendFinalNotice(s.tem(), s.adminActor, s.deps, check.id, new Date('2026-12-29T18:00:00Z')),
    ).rejects.toThrow(/waiting period runs until 2026-12-29/);

    // The candidate disputes on Tuesday 22 (their page, from the notice's link): the workflow waits.
    const disputePath = await s.linkIn('background_check_pre_adverse');
    const disputePage = await (await s.web.request(disputePath)).text();
    expect(disputePage).toContain('Dispute the report');
    expect(disputePage).not.toContain('Withdraw my authorization');
    expect((await post(s, disputePath, { action: 'dispute', dispute: '' })).status).toBe(400);
    const disputed = await post(s, disputePath, { action: 'dispute', dispute: 'That record is not mine.' });
    expect(disputed.status).toBe(200);
    const disputeEm = s.tem();
    const disputedRow = await disputeEm.findOneOrFail(BackgroundCheck, check.id);
    expect(disputedRow.status).toBe('disputed');
    expect(disputedRow.disputeText).not.toContain('not mine');
    await expect(
      sendFinalNotice(s.tem(), s.adminActor, s.deps, check.id, new Date('2027-01-15T10:00:00Z')),
    ).rejects.toThrow(/resolve the dispute first/);
    const timeline = await s.ac.backgroundChecks.forApplication({ applicationId: s.applicationId });
    expect(timeline.checks[0]!.dispute?.text).toBe('That record is not mine.');
    expect(
      (await s.rc.backgroundChecks.forApplication({ applicationId: s.applicationId })).checks[0]!.dispute
        ?.text,
    ).toBe('');

    // Resolved on Monday 2026-12-21 with the dispute dated the 18th: the days left (5) run again from then.
    disputedRow.disputedAt = new Date('2026-12-18T12:00:00Z');
    await disputeEm.flush();
    const resolved = await resolveDispute(
      s.tem(),
      s.adminActor,
      s.deps,
      { id: check.id, resolution: 'Checked with the provider: the record is the candidate’s.' },
      new Date('2026-12-21T09:00:00Z'),
    );
    // Mon 21 -> Tue 22, Wed 23, (24, 25, weekend), Mon 28, Tue 29, Wed 30.
    expect(resolved).toMatchObject({ status: 'pre_adverse', waitUntil: '2026-12-30' });
    await expect(
      sendFinalNotice(s.tem(), s.adminActor, s.deps, check.id, new Date('2026-12-30T12:00:00Z')),
    ).rejects.toThrow(/waiting period/);
    // A recruiter not named for reports cannot decide.
    await expect(
      sendFinalNotice(
        s.tem(),
        actorOf(s.job.id, s.tenant.id, 'recruiter'),
        s.deps,
        check.id,
        new Date('2026-12-31T09:00:00Z'),
      ),
    ).rejects.toThrow();
    const final = await sendFinalNotice(
      s.tem(),
      s.adminActor,
      s.deps,
      check.id,
      new Date('2026-12-31T09:00:00Z'),
    );
    expect(final.status).toBe('adverse_final');
    const [finalMail] = await s.tem().find(OutboxEmail, { template: 'background_check_adverse' });
    expect(finalMail!.text).toContain('Date: 2026-12-31');
    expect(final.events.map((e) => e.kind)).toEqual([
      'requested',
      'disclosure_signed',
      'ordered',
      'report_received',
      'pre_adverse_sent',
      'disputed',
      'dispute_resolved',
      'final_notice_sent',
    ]);
    // The candidate's link stops working with the decision.
    expect((await s.web.request(disputePath)).status).toBe(404);
  });

  it('stops when the candidate withdraws on their page, and deletes the report', async () => {
    const s = await setup();
    const { id, path } = await withReport(s);
    const row = await s.tem().findOneOrFail(BackgroundCheck, id);
    const file = row.reportStorageKey!;
    const withdrawn = await post(s, path, { action: 'withdraw' });
    expect(withdrawn.status).toBe(200);
    expect(await withdrawn.text()).toContain('Authorization withdrawn');
    const after = await s.tem().findOneOrFail(BackgroundCheck, id);
    expect(after).toMatchObject({ status: 'withdrawn', reportStorageKey: null });
    await expect(s.deps.files.read(file)).rejects.toThrow();
    const events = await s
      .tem()
      .find(ConsentEvent, { purpose: 'background_check' }, { orderBy: { occurredAt: 'asc' } });
    expect(events.map((e) => e.decision)).toEqual(['given', 'withdrawn']);
  });

  it('stops when the candidate withdraws in the privacy portal, and deletes the report at once', async () => {
    const s = await setup();
    const { id } = await withReport(s);
    const file = (await s.tem().findOneOrFail(BackgroundCheck, id)).reportStorageKey!;
    const tenant = await s.tem().findOneOrFail(Tenant, s.tenant.id);
    const outcome = await withdrawConsent(
      s.tem(),
      s.deps,
      { tenant, email: s.candidate.email, requestId: 'test' },
      'background_check',
    );
    expect(outcome).toMatchObject({ kind: 'done', done: ['consent_withdrawn'] });
    expect(await s.tem().findOneOrFail(BackgroundCheck, id)).toMatchObject({
      status: 'withdrawn',
      reportStorageKey: null,
    });
    await expect(s.deps.files.read(file)).rejects.toThrow();
  });

  it('takes signed provider webhooks only: stale or bad signatures are refused with no change', async () => {
    const s = await setup();
    await s.toOffer();
    const check = await s.rc.backgroundChecks.request({ applicationId: s.applicationId });
    const path = await s.linkIn('background_check_disclosure');
    await post(s, path, { action: 'sign', name: 'Bea Background', agree: 'yes' });
    await s.rc.backgroundChecks.order({ id: check.id, provider: 'acme-screening' });
    const body = JSON.stringify({ providerRef: `acme-${check.id}`, status: 'complete' });
    const send = (timestamp: number, signature: string) =>
      s.web.request('/webhooks/background-checks/acme-screening', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Candor-Timestamp': String(timestamp),
          'X-Candor-Signature': `sha256=${signature}`,
        },
        body,
      });
    const now = Math.floor(Date.now() / 1000);
    expect((await send(now, webhookSignature('wrong-secret', String(now), body))).status).toBe(401);
    const stale = now - 3600;
    expect((await send(stale, webhookSignature(SECRET, String(stale), body))).status).toBe(401);
    expect((await send(now, webhookSignature(SECRET, String(now + 1), body))).status).toBe(401);
    expect((await s.tem().findOneOrFail(BackgroundCheck, check.id)).providerStatus).toBe('pending');

    const ok = await send(now, webhookSignature(SECRET, String(now), body));
    expect(ok.status).toBe(200);
    const row = await s.tem().findOneOrFail(BackgroundCheck, check.id);
    expect(row).toMatchObject({
      status: 'report_received',
      providerStatus: 'complete',
      reportFilename: 'acme-report.pdf',
    });
    expect((await s.deps.files.read(row.reportStorageKey!)).toString('latin1')).not.toContain(REPORT_TEXT);
    // The manual provider has no webhook; an unknown order is a 404.
    expect(
      (await s.web.request('/webhooks/background-checks/manual', { method: 'POST', body: '{}' })).status,
    ).toBe(404);
  });

  it('exports the report to the candidate, erases it with them, and erases decided checks after the retention months', async () => {
    const s = await setup();
    const { id } = await withReport(s);
    const exported = await subjectExport(s.tem(), s.candidate.id, s.deps);
    expect(exported.records.BackgroundCheck?.[0]?.values).toMatchObject({ signedName: 'Bea Background' });
    const { zip } = await buildSubjectExport(s.tem(), s.deps, s.candidate.id, 'subject');
    const files = unzip(zip);
    const reportFile = [...files.keys()].find((k) => k.startsWith(`files/background-check-${id}`));
    expect(reportFile).toBeDefined();
    expect(files.get(reportFile!)!.toString('latin1')).toContain(REPORT_TEXT);

    // Retention: a cleared check is erased six months after the decision, not before.
    await s.ac.backgroundChecks.clear({ id });
    const decided = (await s.tem().findOneOrFail(BackgroundCheck, id)).decidedAt!;
    const file = (await s.tem().findOneOrFail(BackgroundCheck, id)).reportStorageKey!;
    const later = (months: number, days = 0) => {
      const d = new Date(decided);
      d.setUTCMonth(d.getUTCMonth() + months);
      d.setUTCDate(d.getUTCDate() + days);
      return d;
    };
    expect(await eraseExpiredChecks(s.tem(), s.deps.files, later(5, 27), s.tenant.id)).toBe(0);
    expect(await eraseExpiredChecks(s.tem(), s.deps.files, later(6, 1), s.tenant.id)).toBe(1);
    expect(await s.tem().count(BackgroundCheck, {})).toBe(0);
    await expect(s.deps.files.read(file)).rejects.toThrow();

    // Erasure of the candidate takes the check and its report file.
    const t = await setup();
    const second = await withReport(t);
    const secondFile = (await t.tem().findOneOrFail(BackgroundCheck, second.id)).reportStorageKey!;
    const summary = await t.tem().transactional((tx) => eraseSubject(tx, t.candidate.id));
    expect(summary.entities.BackgroundCheck?.deleted).toBe(1);
    expect(summary.fileKeys).toContain(secondFile);
  });
});
