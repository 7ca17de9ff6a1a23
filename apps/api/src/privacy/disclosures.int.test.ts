import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Disclosure, OutboxEmail, TENANT_FILTER } from '@candor/db';
import { forEachDatabase, seedPublishedNotice, seedTenant, seedUser } from '@candor/db/testing';
import { DEFAULT_PRIVACY_SETTINGS, type TRecipient } from '@candor/schemas';
import { describe, expect, it } from 'vitest';
import { proofAddressRef } from '../audit/audit-subject.js';
import { createLogger } from '../logging/logger.js';
import { deliverDueEmails } from '../mail/dispatcher.js';
import { fileTransport } from '../mail/transport.js';
import { pdfBytes, unzip } from '../testing/documents.js';
import { actorOf, seedJobWithApplicant, tenantEm } from '../testing/hiring-fixtures.js';
import { callerFor, sessionFor, testDeps } from '../testing/test-app.js';
import { notifyRecipients } from './recipient-notices.js';

const recipient = (name: string, notifyEmail: string, extra: Partial<TRecipient> = {}): TRecipient => ({
  name,
  role: 'controller',
  purpose: `${name} work`,
  country: 'US',
  safeguard: 'scc',
  notifyEmail,
  hrExport: false,
  ...extra,
});

const RECIPIENTS: TRecipient[] = [
  recipient('Personio', 'privacy@personio.example', {
    role: 'processor',
    country: 'DE',
    safeguard: 'none',
    hrExport: true,
  }),
  recipient('Checkr', 'privacy@checkr.example'),
  recipient('Sterling', 'privacy@sterling.example'),
  recipient('Postmark', ''),
];

forEachDatabase('the disclosure log and Art. 19 notices', (db) => {
  const setup = async (recipients: TRecipient[] = RECIPIENTS) => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em, { name: 'Notice Senders' });
    const admin = await seedUser(em, tenant, 'admin');
    const recruiter = await seedUser(em, tenant, 'recruiter');
    await seedPublishedNotice(em, tenant);
    const deps = testDeps(db.orm());
    const asAdmin = await callerFor(deps, await sessionFor(deps, admin.id, tenant.id));
    const asRecruiter = await callerFor(deps, await sessionFor(deps, recruiter.id, tenant.id));
    await asAdmin.privacy.updateSettings({
      ...DEFAULT_PRIVACY_SETTINGS,
      contactEmail: 'privacy@notices.example',
      recipients,
    });
    const { job, candidate, applicationId } = await seedJobWithApplicant(
      db.orm(),
      actorOf(recruiter.id, tenant.id, 'recruiter'),
      {},
      { name: 'Hana Hired', phone: '+49 30 1234567' },
    );
    await asRecruiter.attachments.upload({
      candidateId: candidate.id,
      kind: 'resume',
      filename: 'cv.pdf',
      contentBase64: pdfBytes('CV').toString('base64'),
    });
    const hire = async () => {
      await asRecruiter.applications.move({
        ids: [applicationId],
        stageId: job.stages.find((s) => s.kind === 'hired')!.id,
      });
      await asRecruiter.applications.exportToHr({ id: applicationId });
    };
    const notices = () =>
      tenantEm(db.orm(), tenant.id).find(
        OutboxEmail,
        { template: 'recipient_notice' },
        { orderBy: { to: 'asc' } },
      );
    const verifiedRequest = async (type: 'erasure' | 'rectification' | 'restriction') => {
      const request = await asAdmin.requests.create({
        type,
        channel: 'email',
        requesterEmail: candidate.email,
        acknowledge: false,
      });
      await asAdmin.requests.transition({ id: request.id, to: 'verified' });
      return request;
    };
    return { tenant, deps, asAdmin, asRecruiter, candidate, applicationId, hire, notices, verifiedRequest };
  };

  describe('what goes in the log', () => {
    it('records an Export to HR for the recipient marked as the HR system, with what the zip held', async () => {
      const w = await setup();
      expect((await w.asRecruiter.candidates.disclosures({ id: w.candidate.id })).entries).toEqual([]);
      await w.hire();
      const {
        entries: [entry, ...rest],
        recipients,
      } = await w.asRecruiter.candidates.disclosures({ id: w.candidate.id });
      expect(recipients.map((r) => r.name)).toEqual(['Personio', 'Checkr', 'Sterling', 'Postmark']);
      expect(rest).toEqual([]);
      expect(entry).toMatchObject({
        applicationId: w.applicationId,
        recipient: { name: 'Personio', kind: 'processor', country: 'DE' },
        via: 'hr_export',
      });
      expect(entry!.categories.map((c) => c.key).sort()).toEqual(
        [
          'user.contact.email',
          'user.contact.phone_number',
          'user.document.resume',
          'user.name',
          'user.recruitment.application',
        ].sort(),
      );
    });

    it('records an Export to HR as the company’s own HR when no recipient is marked as the HR system', async () => {
      const w = await setup(RECIPIENTS.map((r) => ({ ...r, hrExport: false })));
      await w.hire();
      const log = (await w.asAdmin.candidates.disclosures({ id: w.candidate.id })).entries;
      expect(log.map((d) => [d.recipient.name, d.recipient.kind])).toEqual([
        ['HR department (internal)', 'internal'],
      ]);
    });

    it('lets staff record a disclosure to a listed recipient only, and not while processing is restricted', async () => {
      const w = await setup();
      await expect(
        w.asRecruiter.candidates.recordDisclosure({
          candidateId: w.candidate.id,
          recipient: 'Nobody Inc',
          categories: ['user.name'],
        }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      await expect(
        w.asRecruiter.candidates.recordDisclosure({
          candidateId: w.candidate.id,
          recipient: 'Checkr',
          categories: [],
        }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      const recorded = await w.asRecruiter.candidates.recordDisclosure({
        candidateId: w.candidate.id,
        recipient: 'Checkr',
        categories: ['user.name', 'user.professional.history'],
        purpose: 'Background check before the offer',
      });
      expect(recorded).toMatchObject({
        recipient: { name: 'Checkr' },
        via: 'manual',
        purpose: 'Background check before the offer',
      });
      await w.asAdmin.candidates.restrict({ id: w.candidate.id });
      await expect(
        w.asAdmin.candidates.recordDisclosure({
          candidateId: w.candidate.id,
          recipient: 'Checkr',
          categories: ['user.name'],
        }),
      ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
      expect(await tenantEm(db.orm(), w.tenant.id).count(Disclosure, { candidate: w.candidate.id })).toBe(1);
    });

    it('records a copy of the data given to an authorized agent', async () => {
      const w = await setup();
      const request = await w.asAdmin.requests.create({
        type: 'access',
        channel: 'letter',
        requesterEmail: w.candidate.email,
        agentName: 'Privacy Agents LLC',
        agentProof: 'Signed permission on file',
        acknowledge: false,
      });
      await w.asAdmin.requests.transition({ id: request.id, to: 'verified' });
      await w.asAdmin.requests.export({ id: request.id });
      const [entry] = (await w.asAdmin.candidates.disclosures({ id: w.candidate.id })).entries;
      expect(entry).toMatchObject({
        recipient: { name: 'Privacy Agents LLC', kind: 'agent' },
        via: 'agent_export',
      });
      expect(entry!.categories.map((c) => c.key)).toContain('user.name');
    });

    it('is in the subject’s export (Art. 15(1)(c))', async () => {
      const w = await setup();
      await w.hire();
      const request = await w.verifiedRequest('rectification');
      const zip = unzip(
        Buffer.from((await w.asAdmin.requests.export({ id: request.id })).contentBase64, 'base64'),
      );
      const data = JSON.parse(zip.get('data.json')!.toString('utf8'));
      expect(data.recipients).toEqual([
        expect.objectContaining({
          recipient: expect.objectContaining({ name: 'Personio' }),
          via: 'hr_export',
        }),
      ]);
      expect(data.records.Disclosure).toHaveLength(1);
    });
  });

  describe('Art. 19 notices', () => {
    it('go to nobody when the person’s data went nowhere, however many recipients the Privacy page lists', async () => {
      const w = await setup();
      for (const type of ['rectification', 'restriction'] as const) {
        const request = await w.verifiedRequest(type);
        await w.asAdmin.requests.transition({ id: request.id, to: 'completed', answer: 'Done.' });
      }
      const erasure = await w.verifiedRequest('erasure');
      await w.asAdmin.requests.executeErasure({ id: erasure.id });
      expect(await w.notices()).toEqual([]);
    });

    it('go only to the recipients in the person’s log, naming what each received', async () => {
      const w = await setup();
      await w.hire();
      // Sterling got only a work history: it learns of the person by reference, never by their address.
      await w.asRecruiter.candidates.recordDisclosure({
        candidateId: w.candidate.id,
        recipient: 'Sterling',
        categories: ['user.professional.history'],
      });
      await w.asRecruiter.candidates.recordDisclosure({
        candidateId: w.candidate.id,
        recipient: 'Postmark',
        categories: ['user.contact.email'],
      });
      const request = await w.verifiedRequest('restriction');
      await w.asAdmin.requests.transition({ id: request.id, to: 'completed', answer: 'Restricted.' });
      const sent = await w.notices();
      expect(sent.map((n) => n.to)).toEqual(['privacy@personio.example', 'privacy@sterling.example']);
      const [personio, sterling] = sent;
      expect(personio!.text).toContain(
        `The person with email ${w.candidate.email} asked us to restrict the processing`,
      );
      expect(personio!.text).toMatch(
        /disclosed this person's data to you \(from \d{4}-\d{2}-\d{2}: Email address, Phone number, Resume and other documents, Name, Application answers and status\)/,
      );
      expect(sterling!.text).not.toContain(w.candidate.email);
      expect(sterling!.text).not.toContain('Hana');
      expect(sterling!.text).toMatch(/under our reference D-[0-9A-F]{8}/);
      expect(sterling!.text).toContain('Work history');
      // Linked to the person, so their erasure removes these too.
      expect(sent.every((n) => n.candidate?.id === w.candidate.id)).toBe(true);
      const done = await w.asAdmin.requests.get({ id: request.id });
      expect(done.actions.find((a) => a.action === 'recipients.notified')?.detail).toBe('Personio, Sterling');
    });

    it('of a correction reach only recipients that received a corrected value, with the new value', async () => {
      const w = await setup();
      await w.asRecruiter.candidates.recordDisclosure({
        candidateId: w.candidate.id,
        recipient: 'Checkr',
        categories: ['user.name', 'user.contact.phone_number'],
      });
      await w.asRecruiter.candidates.recordDisclosure({
        candidateId: w.candidate.id,
        recipient: 'Sterling',
        categories: ['user.name'],
      });
      const em = tenantEm(db.orm(), w.tenant.id);
      await em.transactional((tx) =>
        notifyRecipients(tx, w.tenant.id, w.candidate.id, {
          kind: 'rectification',
          subject: { email: w.candidate.email, name: 'Hana Hired' },
          reference: 'R-1',
          corrections: [{ property: 'phone', value: '+49 30 7654321' }],
        }),
      );
      const sent = await w.notices();
      expect(sent.map((n) => n.to)).toEqual(['privacy@checkr.example']);
      expect(sent[0]!.text).toContain('Corrected: Phone number: +49 30 7654321');
      // Checkr has the name, not the address: the notice names the person as Checkr knows them.
      expect(sent[0]!.text).toContain('Hana Hired asked us to correct');
      expect(sent[0]!.text).not.toContain(w.candidate.email);
    });

    it('of an erasure reach the recipients after the data is gone, and are kept only as proof once sent', async () => {
      const w = await setup();
      await w.hire();
      const request = await w.verifiedRequest('erasure');
      await w.asAdmin.requests.executeErasure({ id: request.id });
      const [notice] = await w.notices();
      expect(notice).toMatchObject({ to: 'privacy@personio.example', status: 'pending' });
      expect(notice!.text).toContain(w.candidate.email);
      // The log outlives the erasure (it holds nothing personal): it is what says whom to tell.
      expect(await tenantEm(db.orm(), w.tenant.id).count(Disclosure, { candidate: w.candidate.id })).toBe(1);

      const dir = mkdtempSync(join(tmpdir(), 'candor-notices-'));
      await deliverDueEmails(
        db.orm().em.fork(),
        fileTransport(dir),
        'Candor <no-reply@candor.test>',
        createLogger('silent'),
      );
      const delivered = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'));
      expect(
        delivered.some((m) => m.includes('To: privacy@personio.example') && m.includes(w.candidate.email)),
      ).toBe(true);
      const kept = await db
        .orm()
        .em.fork()
        .find(
          OutboxEmail,
          { proofAddressHash: { $ne: null }, tenant: w.tenant.id },
          { filters: { [TENANT_FILTER]: false } },
        );
      expect(kept.map((m) => [m.template, m.status, m.to, m.text]).sort()).toEqual(
        [
          ['privacy_request', 'sent', proofAddressRef(w.candidate.email), ''],
          ['recipient_notice', 'sent', proofAddressRef('privacy@personio.example'), ''],
        ].sort(),
      );
    });

    it('are not sent when the change they report rolls back', async () => {
      const w = await setup();
      await w.hire();
      await expect(
        tenantEm(db.orm(), w.tenant.id).transactional(async (tx) => {
          await notifyRecipients(tx, w.tenant.id, w.candidate.id, {
            kind: 'erasure',
            subject: { email: w.candidate.email, name: 'x' },
            reference: 'Y',
          });
          throw new Error('the erasure failed');
        }),
      ).rejects.toThrow('the erasure failed');
      expect(await w.notices()).toEqual([]);
    });
  });
});
