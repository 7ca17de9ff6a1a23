import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AuditEvent,
  Candidate,
  ConsentEvent,
  ConsentReceipt,
  OutboxEmail,
  PrivacyRequest,
  Tenant,
} from '@candor/db';
import { forEachDatabase, seedPublishedNotice, seedTenant, seedUser } from '@candor/db/testing';
import { MARKETING_PURPOSE } from '@candor/schemas';
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { recordConsents } from '../consent/consent.service.js';
import { createLogger } from '../logging/logger.js';
import { deliverDueEmails } from '../mail/dispatcher.js';
import { fileTransport } from '../mail/transport.js';
import { withdrawConsent } from '../portal/portal.service.js';
import { subjectExport } from '../privacy/subject-export.js';
import { pdfBytes } from '../testing/documents.js';
import { actorOf, seedJobWithApplicant, tenantEm } from '../testing/hiring-fixtures.js';
import { callerFor, httpClient, sessionFor, testDeps } from '../testing/test-app.js';

const logger = createLogger('silent');

forEachDatabase('messages to candidates', (db) => {
  const setup = async () => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em, { name: 'Acme Robotics' });
    await seedPublishedNotice(em, tenant);
    const recruiter = await seedUser(em, tenant, 'recruiter', { name: 'Rita Recruiter' });
    const admin = await seedUser(em, tenant, 'admin');
    const deps = testDeps(db.orm());
    const caller = callerFor(deps, await sessionFor(deps, recruiter.id, tenant.id));
    const adminCaller = callerFor(deps, await sessionFor(deps, admin.id, tenant.id));
    const actor = actorOf(admin.id, tenant.id);
    const ada = await seedJobWithApplicant(
      db.orm(),
      actor,
      {},
      { name: 'Ada Lovelace', email: `ada-${tenant.id}@example.test` },
    );
    const tem = tenantEm(db.orm(), tenant.id);
    return {
      tenant,
      recruiter,
      admin,
      deps,
      caller: await caller,
      adminCaller: await adminCaller,
      actor,
      ada,
      tem,
    };
  };

  /** Another applicant to the same job. */
  const seedApplicant = async (s: Awaited<ReturnType<typeof setup>>, name: string) => {
    const made = await (await s.caller).candidates.create({
      name,
      email: `${name.split(' ')[0]!.toLowerCase()}-${s.tenant.id}@example.test`,
      jobId: s.ada.job.id,
    });
    return { candidateId: made.id, applicationId: made.applications[0]!.id };
  };

  const giveMarketingConsent = async (s: Awaited<ReturnType<typeof setup>>, candidateId: string) => {
    const tem = tenantEm(db.orm(), s.tenant.id);
    const [candidate, tenant] = await Promise.all([
      tem.findOneOrFail(Candidate, candidateId),
      tem.findOneOrFail(Tenant, s.tenant.id),
    ]);
    await tem.transactional((tx) =>
      recordConsents(tx, {
        tenant,
        contactEmail: '',
        siteUrl: 'https://example.test/',
        candidate,
        application: null,
        noticeVersion: 1,
        decisions: [{ purpose: MARKETING_PURPOSE, label: 'News by email', given: true }],
        channel: 'careers_apply',
        gpc: false,
        masterKey: s.deps.masterKey,
      }),
    );
  };

  const codeOf = async (promise: Promise<unknown>) => {
    try {
      await promise;
      return 'OK';
    } catch (error) {
      return error instanceof TRPCError ? error.code : 'ERROR';
    }
  };

  it('previews and sends a templated message with the privacy footer, recording candidate, application and sender', async () => {
    const s = await setup();
    const template = await s.adminCaller.messages.createTemplate({
      name: 'Checking in',
      subject: 'Your application for {{job_title}}',
      body: 'Hi {{candidate_first_name}},\n\nThanks for applying to {{company_name}}.\n\n{{sender_name}}',
    });
    expect((await s.caller.messages.templates()).map((t) => t.name)).toEqual(['Checking in']);
    const draft = { templateId: template.id, subject: template.subject, body: template.body };
    const preview = await s.caller.messages.preview({
      candidateId: s.ada.candidate.id,
      applicationId: s.ada.applicationId,
      ...draft,
    });
    expect(preview).toMatchObject({
      subject: `Your application for ${s.ada.job.title}`,
      marketing: false,
      blocked: null,
    });
    expect(preview.text).toContain('Hi Ada,');
    expect(preview.text).toContain('Rita Recruiter');
    expect(preview.text).toContain('/privacy/portal/');

    const sent = await s.caller.messages.compose({
      candidateId: s.ada.candidate.id,
      applicationId: s.ada.applicationId,
      ...draft,
      attachments: [{ filename: 'brochure.pdf', contentBase64: Buffer.from(pdfBytes()).toString('base64') }],
    });
    const row = await s.tem.findOneOrFail(OutboxEmail, sent.id, { populate: ['sentBy'] });
    // The same function renders the preview and the message.
    expect({ subject: row.subject, text: row.text }).toEqual({
      subject: preview.subject,
      text: preview.text,
    });
    expect(row).toMatchObject({ template: 'message', status: 'pending', unsubscribeUrl: null });
    expect(row.candidate?.id).toBe(s.ada.candidate.id);
    expect(row.application?.id).toBe(s.ada.applicationId);
    expect(row.sentBy?.id).toBe(s.recruiter.id);
    expect(row.attachments).toEqual([
      expect.objectContaining({ filename: 'brochure.pdf', contentType: 'application/pdf' }),
    ]);
    // The candidate's export holds the message; the sender is staff, named only by role.
    const exported = await subjectExport(tenantEm(db.orm(), s.tenant.id), s.ada.candidate.id, s.deps);
    const mine = exported.records.OutboxEmail?.find((r) => r.id === sent.id);
    expect(mine?.values.subject).toBe(preview.subject);
    expect(JSON.stringify(mine?.related ?? {})).not.toContain(s.recruiter.id);
    expect(JSON.stringify(mine?.related ?? {})).not.toContain(s.recruiter.email);
    const audit = await s.tem.findOneOrFail(AuditEvent, { action: 'message.send', targetId: sent.id });
    expect(JSON.stringify(audit)).not.toContain('Ada');
  });

  it('refuses unknown variables, and an attachment that is no document or image', async () => {
    const s = await setup();
    await expect(
      s.adminCaller.messages.createTemplate({
        name: 'Typo',
        subject: 'Hi',
        body: 'Hi {{candidate_firstname}}',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const refused = s.caller.messages.compose({
      candidateId: s.ada.candidate.id,
      subject: 'Hi',
      body: 'Hi',
      attachments: [
        { filename: 'run.sh', contentBase64: Buffer.from('#!/bin/sh\nrm -rf /').toString('base64') },
      ],
    });
    await expect(refused).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await s.tem.count(OutboxEmail, { template: 'message' })).toBe(0);
  });

  it('sends later: the message waits, is listed as scheduled, and cancelling deletes it', async () => {
    const s = await setup();
    const later = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const sent = await s.caller.messages.compose({
      candidateId: s.ada.candidate.id,
      applicationId: s.ada.applicationId,
      subject: 'Next steps',
      body: 'Hello {{candidate_name}}',
      sendAt: later,
    });
    expect(sent.sendAt).toBe(later);
    const scheduled = await s.caller.messages.scheduled({ candidateId: s.ada.candidate.id });
    expect(scheduled).toEqual([
      expect.objectContaining({ id: sent.id, subject: 'Next steps', sentBy: 'Rita Recruiter' }),
    ]);
    // Not due yet: the dispatcher leaves it.
    const dir = mkdtempSync(join(tmpdir(), 'candor-compose-'));
    await deliverDueEmails(db.orm().em.fork(), fileTransport(dir), 'Candor <no-reply@candor.test>', logger);
    expect(readdirSync(dir).filter((f) => f.startsWith(sent.id))).toEqual([]);

    await s.caller.messages.cancel({ id: sent.id });
    expect(await s.tem.count(OutboxEmail, { id: sent.id })).toBe(0);
    expect(await s.caller.messages.scheduled({ candidateId: s.ada.candidate.id })).toEqual([]);
    expect(await codeOf(s.caller.messages.cancel({ id: sent.id }))).toBe('NOT_FOUND');
    expect(await s.tem.count(AuditEvent, { action: 'message.cancel', targetId: sent.id })).toBe(1);
  });

  it('does not write to a candidate who restricted processing', async () => {
    const s = await setup();
    const row = await s.tem.findOneOrFail(Candidate, s.ada.candidate.id);
    row.restrictedAt = new Date();
    await s.tem.flush();
    // Those who see restricted candidates (admins) are told why; recruiters do not find them at all.
    expect(
      await codeOf(s.adminCaller.messages.compose({ candidateId: row.id, subject: 'Hi', body: 'Hi' })),
    ).toBe('PRECONDITION_FAILED');
    expect(await codeOf(s.caller.messages.compose({ candidateId: row.id, subject: 'Hi', body: 'Hi' }))).toBe(
      'NOT_FOUND',
    );
    const preview = await s.adminCaller.messages.preview({ candidateId: row.id, subject: 'Hi', body: 'Hi' });
    expect(preview.blocked).toBe('restricted');
  });

  it('bulk email skips restricted candidates, erased ones and, for marketing, those without consent', async () => {
    const s = await setup();
    const bea = await seedApplicant(s, 'Bea Restricted');
    const cy = await seedApplicant(s, 'Cy Consenting');
    const dee = await seedApplicant(s, 'Dee Erased');
    const tem = tenantEm(db.orm(), s.tenant.id);
    (await tem.findOneOrFail(Candidate, bea.candidateId)).restrictedAt = new Date();
    (await tem.findOneOrFail(Candidate, dee.candidateId)).email =
      `anonymized-${dee.candidateId}@erased.invalid`;
    await tem.flush();
    await giveMarketingConsent(s, cy.candidateId);
    const ids = [s.ada.applicationId, bea.applicationId, cy.applicationId, dee.applicationId];

    const hiring = await s.adminCaller.messages.bulkCompose({
      applicationIds: ids,
      subject: 'Update on {{job_title}}',
      body: 'Hi {{candidate_first_name}}',
    });
    expect(hiring).toEqual({
      queued: 2,
      skipped: [
        { reason: 'restricted', count: 1 },
        { reason: 'no_address', count: 1 },
      ],
    });
    const texts = (await tenantEm(db.orm(), s.tenant.id).find(OutboxEmail, { template: 'message' })).map(
      (m) => m.text,
    );
    expect(texts.some((t) => t.startsWith('Hi Ada'))).toBe(true);
    expect(texts.some((t) => t.startsWith('Hi Cy'))).toBe(true);
    expect(texts.every((t) => t.includes('/privacy/portal/'))).toBe(true);

    const news = await s.adminCaller.messages.createTemplate({
      name: 'Newsletter',
      subject: 'News from {{company_name}}',
      body: 'Hi {{candidate_first_name}}, we are hiring again.',
      marketing: true,
    });
    const marketing = await s.adminCaller.messages.bulkCompose({
      applicationIds: ids,
      templateId: news.id,
      subject: news.subject,
      body: news.body,
    });
    expect(marketing).toEqual({
      queued: 1,
      skipped: [
        { reason: 'restricted', count: 1 },
        { reason: 'no_address', count: 1 },
        { reason: 'no_consent', count: 1 },
      ],
    });
    const [promo] = await tenantEm(db.orm(), s.tenant.id).find(OutboxEmail, {
      template: 'message.marketing',
    });
    expect(promo!.to).toBe(`cy-${s.tenant.id}@example.test`);
    expect(promo!.unsubscribeUrl).toMatch(/\/careers\/.+\/privacy\/unsubscribe\/\?t=/);
    expect(promo!.text).toContain(promo!.unsubscribeUrl!);
    // One to someone without consent is refused outright.
    expect(
      await codeOf(
        s.caller.messages.compose({
          candidateId: s.ada.candidate.id,
          templateId: news.id,
          subject: 'x',
          body: 'y',
        }),
      ),
    ).toBe('PRECONDITION_FAILED');
  });

  describe('marketing unsubscribe', () => {
    const sendNewsletter = async (s: Awaited<ReturnType<typeof setup>>, sendAt: string | null = null) => {
      await giveMarketingConsent(s, s.ada.candidate.id);
      const news = await s.adminCaller.messages.createTemplate({
        name: 'Newsletter',
        subject: 'News',
        body: 'We are hiring.',
        marketing: true,
      });
      return s.caller.messages.compose({
        candidateId: s.ada.candidate.id,
        templateId: news.id,
        subject: news.subject,
        body: news.body,
        sendAt,
      });
    };

    it('withdrawing marketing consent in the privacy portal takes back marketing still pending', async () => {
      const s = await setup();
      const sent = await sendNewsletter(s, new Date(Date.now() + 86_400_000).toISOString());
      const tem = tenantEm(db.orm(), s.tenant.id);
      const tenant = await tem.findOneOrFail(Tenant, s.tenant.id);
      const email = (await tem.findOneOrFail(Candidate, s.ada.candidate.id)).email;
      const outcome = await withdrawConsent(
        tem,
        s.deps,
        { tenant, email, requestId: 'test' },
        MARKETING_PURPOSE,
      );
      expect(outcome).toMatchObject({ kind: 'done', done: ['consent_withdrawn'] });
      expect(await tenantEm(db.orm(), s.tenant.id).count(OutboxEmail, { id: sent.id })).toBe(0);
    });

    it('sends List-Unsubscribe and List-Unsubscribe-Post (RFC 8058) in the message', async () => {
      const s = await setup();
      const sent = await sendNewsletter(s);
      const dir = mkdtempSync(join(tmpdir(), 'candor-compose-'));
      await deliverDueEmails(db.orm().em.fork(), fileTransport(dir), 'Candor <no-reply@candor.test>', logger);
      const eml = readFileSync(join(dir, `${sent.id}.eml`), 'utf8').replace(/\r?\n[ \t]+/g, ' ');
      const url = (await s.tem.findOneOrFail(OutboxEmail, sent.id)).unsubscribeUrl!;
      expect(eml).toContain(`List-Unsubscribe: <${url}>`);
      expect(eml).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    });

    it('one click withdraws marketing consent with a receipt, and takes back marketing still pending', async () => {
      const s = await setup();
      const later = new Date(Date.now() + 86_400_000).toISOString();
      const sent = await sendNewsletter(s, later);
      const url = new URL((await s.tem.findOneOrFail(OutboxEmail, sent.id)).unsubscribeUrl!);
      const http = httpClient(s.deps);
      // Opening the link only asks.
      const page = await http.request(`${url.pathname}${url.search}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Unsubscribe</button>');
      expect(await s.tem.count(ConsentEvent, { candidate: s.ada.candidate.id, decision: 'withdrawn' })).toBe(
        0,
      );

      // The mail client's one-click post, from the mail provider's servers (no origin of ours).
      const res = await http.request(`${url.pathname}${url.search}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://mail.example' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('You are unsubscribed');
      const tem = tenantEm(db.orm(), s.tenant.id);
      const [latest] = await tem.find(
        ConsentEvent,
        { candidate: s.ada.candidate.id, purpose: MARKETING_PURPOSE },
        { orderBy: { occurredAt: 'desc', id: 'desc' }, populate: ['receipt'] },
      );
      expect(latest).toMatchObject({ decision: 'withdrawn' });
      expect(await tem.count(ConsentReceipt, { candidate: s.ada.candidate.id })).toBe(2);
      expect(await tem.count(PrivacyRequest, { type: 'objection', status: 'completed' })).toBe(1);
      expect(await tem.count(OutboxEmail, { id: sent.id })).toBe(0);

      // A forged token changes nothing.
      const forged = await http.request(`${url.pathname}?t=${url.searchParams.get('t')!.slice(0, -2)}xx`, {
        method: 'POST',
        body: new URLSearchParams({ 'List-Unsubscribe': 'One-Click' }),
      });
      expect(forged.status).toBe(400);
    });
  });
});
