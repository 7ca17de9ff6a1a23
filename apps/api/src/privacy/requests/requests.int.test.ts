import { Attachment, AuditEvent, Candidate, OutboxEmail, PrivacyRequest } from '@candor/db';
import { forEachDatabase, seedTenant, seedUser } from '@candor/db/testing';
import { addDays, addMonths, dayOf } from '@candor/schemas';
import { describe, expect, it } from 'vitest';
import { rotateTenantKey } from '../../keys/rotation.js';
import { pdfBytes } from '../../testing/documents.js';
import { actorOf, seedJobWithApplicant, tenantEm } from '../../testing/hiring-fixtures.js';
import { callerFor, sessionFor, TEST_ORIGIN, testDeps } from '../../testing/test-app.js';
import { sendDeadlineDigests } from './deadline-digests.js';

forEachDatabase('privacy requests', (db) => {
  const setup = async () => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const admin = await seedUser(em, tenant, 'admin');
    const deps = testDeps(db.orm());
    const caller = await callerFor(deps, await sessionFor(deps, admin.id, tenant.id));
    return { tenant, admin, deps, caller };
  };
  const fieldErrorsOf = async (promise: Promise<unknown>) => {
    try {
      await promise;
    } catch (error) {
      return (
        (error as { cause?: { fieldErrors?: unknown }; message: string }).cause?.fieldErrors ??
        (error as Error).message
      );
    }
    throw new Error('expected an error');
  };

  describe('the queue', () => {
    it('takes requests entered by staff with the due date of their jurisdiction, and counts what is urgent', async () => {
      const { caller } = await setup();
      const today = dayOf();
      const eu = await caller.requests.create({
        type: 'access',
        channel: 'email',
        requesterEmail: 'Ana@Example.test',
        country: 'pt',
      });
      expect(eu).toMatchObject({
        jurisdiction: 'eea_uk_ch',
        dueOn: addMonths(today, 1),
        status: 'received',
        requesterEmail: 'ana@example.test',
        deadline: 'on_track',
      });
      const ca = await caller.requests.create({
        type: 'erasure',
        channel: 'phone',
        requesterEmail: 'cal@example.test',
        country: 'US',
        usState: 'CA',
      });
      expect(ca).toMatchObject({ jurisdiction: 'california', dueOn: addDays(today, 45) });
      expect(ca.acknowledgeBy).not.toBeNull();
      const old = await caller.requests.create({
        type: 'rectification',
        channel: 'letter',
        requesterEmail: 'late@example.test',
        receivedOn: addDays(today, -40),
        country: 'DE',
      });
      expect(old.deadline).toBe('overdue');
      expect(await caller.requests.counts()).toEqual({ open: 3, dueSoon: 0, overdue: 1 });
      expect((await caller.requests.list({})).map((r) => r.id)).toEqual([old.id, eu.id, ca.id]);
      // Refused by the input schema: a 400 whose field error names the day.
      await expect(
        caller.requests.create({
          type: 'access',
          channel: 'email',
          requesterEmail: 'x@example.test',
          receivedOn: addDays(today, 2),
        }),
      ).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        cause: { issues: [expect.objectContaining({ path: ['receivedOn'], message: 'Today or earlier' })] },
      });
    });

    it('moves a request through its states, and mails the answer to the requester', async () => {
      const { tenant, caller } = await setup();
      const request = await caller.requests.create({
        type: 'access',
        channel: 'email',
        requesterEmail: 'ana@example.test',
      });
      expect(await fieldErrorsOf(caller.requests.transition({ id: request.id, to: 'in_progress' }))).toEqual({
        to: ['Allowed next: verified, refused'],
      });
      expect((await caller.requests.transition({ id: request.id, to: 'verified' })).verification).toBe(
        'verified',
      );
      const done = await caller.requests.transition({
        id: request.id,
        to: 'completed',
        answer: 'Attached is your data.',
      });
      expect(done).toMatchObject({
        status: 'completed',
        deadline: 'closed',
        answer: 'Attached is your data.',
      });
      const mails = await tenantEm(db.orm(), tenant.id).find(
        OutboxEmail,
        { to: 'ana@example.test', template: 'privacy_request' },
        { orderBy: { createdAt: 'asc' } },
      );
      expect(mails.map((m) => m.subject)).toEqual([
        `${tenant.name}: we received your privacy request`,
        `${tenant.name}: your privacy request is done`,
      ]);
      // English word for word: Candor's sentence, the reference and the footer every candidate email has.
      const reference = `Reference: ${request.id.slice(0, 8).toUpperCase()}`;
      const footer = `\n\n--\n${tenant.name} uses Candor to handle applications. To see, download, correct or erase your data, or to withdraw consent: ${TEST_ORIGIN}/careers/${tenant.slug}/privacy/portal/\n`;
      expect(mails[0]?.text).toBe(
        `We received your request on ${request.receivedOn} and will answer by ${request.dueOn}. If we need to confirm who you are, we will write to you first.\n\n${reference} (Access (a copy of the data))${footer}`,
      );
      expect(mails[1]?.text).toBe(
        `Attached is your data.\n\n${reference} (Access (a copy of the data))${footer}`,
      );
      expect(await fieldErrorsOf(caller.requests.transition({ id: request.id, to: 'in_progress' }))).toEqual({
        to: ['Allowed next: none'],
      });
    });

    it('extends a deadline once, within the first period, and tells the requester why', async () => {
      const { tenant, caller } = await setup();
      const today = dayOf();
      const request = await caller.requests.create({
        type: 'access',
        channel: 'email',
        requesterEmail: 'ana@example.test',
        country: 'FR',
      });
      const extended = await caller.requests.extend({
        id: request.id,
        reason: 'The records are in the archive in Lyon.',
      });
      expect(extended).toMatchObject({
        dueOn: addMonths(today, 3),
        extensionReason: 'The records are in the archive in Lyon.',
      });
      expect(
        await fieldErrorsOf(caller.requests.extend({ id: request.id, reason: 'And once more, please.' })),
      ).toMatch(/extended once/);
      const mail = await tenantEm(db.orm(), tenant.id).findOneOrFail(OutboxEmail, {
        to: 'ana@example.test',
        subject: { $like: '%more time%' },
      });
      expect(mail.text).toContain(
        `We need more time to answer your request, and will answer by ${addMonths(today, 3)}.\n\nWhy: The records are in the archive in Lyon.\n\nReference: `,
      );
      const late = await caller.requests.create({
        type: 'access',
        channel: 'email',
        requesterEmail: 'b@example.test',
        country: 'FR',
        receivedOn: addDays(today, -35),
      });
      expect(
        await fieldErrorsOf(caller.requests.extend({ id: late.id, reason: 'Too late for this, surely.' })),
      ).toMatch(/Too late/);
    });

    it('writes to the requester in their language: a matched candidate’s, else the tenant’s default; staff’s words stay as typed', async () => {
      const { tenant, admin, caller } = await setup();
      // German is the default: a requester who is no candidate gets it; a candidate gets their own language.
      await caller.settings.updateLanguages({ locales: ['en', 'de', 'fr'], defaultLocale: 'de' });
      const today = dayOf();
      const longDay = (day: string, locale: string) =>
        new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
          new Date(`${day}T00:00:00Z`),
        );
      const candidateIn = async (locale: 'en' | 'de' | 'fr', email: string) => {
        const { candidate } = await seedJobWithApplicant(
          db.orm(),
          actorOf(admin.id, tenant.id),
          {},
          { email, name: `Lena ${locale}` },
        );
        const tem = tenantEm(db.orm(), tenant.id);
        (await tem.findOneOrFail(Candidate, candidate.id)).locale = locale;
        await tem.flush();
        return candidate;
      };
      // In the order of the subjects given (two emails may share a millisecond).
      const mailsTo = async (to: string, subjects: string[]) => {
        const mails = await tenantEm(db.orm(), tenant.id).find(OutboxEmail, {
          to,
          template: 'privacy_request',
        });
        expect(mails.map((m) => m.subject).sort()).toEqual([...subjects].sort());
        return subjects.map((subject) => mails.find((m) => m.subject === subject)!);
      };
      const refOf = (id: string) => id.slice(0, 8).toUpperCase();
      const portal = `${TEST_ORIGIN}/careers/${tenant.slug}/privacy/portal/`;

      // A German candidate: receipt, extension and answer in German, with German days and footer.
      await candidateIn('de', 'lena.de@example.test');
      const german = await caller.requests.create({
        type: 'access',
        channel: 'letter',
        requesterEmail: 'lena.de@example.test',
        country: 'DE',
      });
      await caller.requests.extend({ id: german.id, reason: 'Die Akten liegen im Archiv in Köln.' });
      await caller.requests.transition({ id: german.id, to: 'verified' });
      await caller.requests.transition({ id: german.id, to: 'completed', answer: 'Anbei Ihre Daten.' });
      const de = await mailsTo('lena.de@example.test', [
        `${tenant.name}: Wir haben Ihre Datenschutzanfrage erhalten`,
        `${tenant.name}: Wir brauchen mehr Zeit für Ihre Datenschutzanfrage`,
        `${tenant.name}: Ihre Datenschutzanfrage ist erledigt`,
      ]);
      expect(de[0]!.text).toContain(
        `Wir haben Ihre Anfrage am ${longDay(today, 'de')} erhalten und antworten Ihnen bis zum ${longDay(addMonths(today, 1), 'de')}.`,
      );
      expect(de[1]!.text).toContain(
        `antworten Ihnen bis zum ${longDay(addMonths(today, 3), 'de')}.\n\nGrund: Die Akten liegen im Archiv in Köln.`,
      );
      expect(de[2]!.text.startsWith('Anbei Ihre Daten.\n\n')).toBe(true);
      for (const mail of de) {
        expect(mail.text).toContain(
          `\n\nReferenz: ${refOf(german.id)} (Auskunft (eine Kopie der Daten))\n\n--\n${tenant.name} nutzt Candor für die Bearbeitung von Bewerbungen.`,
        );
        expect(mail.text.endsWith(`${portal}?lang=de\n`)).toBe(true);
        expect(mail.text).not.toMatch(/\d{4}-\d{2}-\d{2}|Reference|We /);
      }

      // A French candidate's erasure: the confirmation in French, though the candidate is erased as it is written.
      await candidateIn('fr', 'lena.fr@example.test');
      const french = await caller.requests.create({
        type: 'erasure',
        channel: 'email',
        requesterEmail: 'lena.fr@example.test',
        acknowledge: false,
      });
      await caller.requests.transition({ id: french.id, to: 'verified' });
      await caller.requests.executeErasure({ id: french.id });
      const fr = await mailsTo('lena.fr@example.test', [`${tenant.name} : vos données ont été effacées`]);
      expect(fr[0]!.text).toBe(
        `Nous avons effacé les données personnelles que nous détenions à votre sujet. Les statistiques sans votre nom (par exemple le nombre de personnes ayant postulé à une offre) sont conservées.\n\nRéférence : ${refOf(french.id)} (Effacement)\n\n--\n${tenant.name} utilise Candor pour gérer les candidatures. Pour consulter, télécharger, rectifier ou effacer vos données, ou pour retirer votre consentement : ${portal}?lang=fr\n`,
      );

      // An English candidate keeps English, whatever the tenant's default.
      await candidateIn('en', 'lena.en@example.test');
      const english = await caller.requests.create({
        type: 'access',
        channel: 'phone',
        requesterEmail: 'lena.en@example.test',
      });
      const [en] = await mailsTo('lena.en@example.test', [
        `${tenant.name}: we received your privacy request`,
      ]);
      expect(en!.text).toBe(
        `We received your request on ${today} and will answer by ${english.dueOn}. If we need to confirm who you are, we will write to you first.\n\nReference: ${refOf(english.id)} (Access (a copy of the data))\n\n--\n${tenant.name} uses Candor to handle applications. To see, download, correct or erase your data, or to withdraw consent: ${portal}?lang=en\n`,
      );

      // Someone who is no candidate: the tenant's default language, German; the refusal's answer as typed.
      const stranger = await caller.requests.create({
        type: 'objection',
        channel: 'email',
        requesterEmail: 'nobody@example.test',
      });
      await caller.requests.transition({
        id: stranger.id,
        to: 'refused',
        reason: 'No data held',
        answer: 'We hold no data about you.',
      });
      const none = await mailsTo('nobody@example.test', [
        `${tenant.name}: Wir haben Ihre Datenschutzanfrage erhalten`,
        `${tenant.name}: Ihre Datenschutzanfrage`,
      ]);
      expect(none[1]!.text).toContain(
        `We hold no data about you.\n\nReferenz: ${refOf(stranger.id)} (Widerspruch)`,
      );
      expect(none[1]!.text.endsWith(`${portal}?lang=de\n`)).toBe(true);
    });

    it('stores the day a staff-entered request arrived as a day, runs the deadline from it, and never dates anything in the future', async () => {
      const { tenant, caller } = await setup();
      const today = dayOf();
      const receivedOn = addDays(today, -3);
      const letter = await caller.requests.create({
        type: 'access',
        channel: 'letter',
        requesterEmail: 'post@example.test',
        country: 'IT',
        receivedOn,
      });
      expect(letter).toMatchObject({ receivedOn, dueOn: addMonths(receivedOn, 1) });
      expect(Date.parse(letter.receivedAt)).toBeLessThanOrEqual(Date.now());
      const row = await tenantEm(db.orm(), tenant.id).findOneOrFail(PrivacyRequest, letter.id);
      expect(row.receivedOn).toBe(receivedOn);
      const receipt = await tenantEm(db.orm(), tenant.id).findOneOrFail(OutboxEmail, {
        to: 'post@example.test',
      });
      expect(receipt.text).toContain(
        `We received your request on ${receivedOn} and will answer by ${addMonths(receivedOn, 1)}`,
      );
      // The jurisdiction's deadlines are recomputed from the same day.
      expect(
        (await caller.requests.setJurisdiction({ id: letter.id, jurisdiction: 'california' })).dueOn,
      ).toBe(addDays(receivedOn, 45));

      const call = await caller.requests.create({
        type: 'access',
        channel: 'phone',
        requesterEmail: 'call@example.test',
      });
      expect(call.receivedOn).toBe(today);
      expect(Date.parse(call.receivedAt)).toBeLessThanOrEqual(Date.now());

      await expect(
        caller.requests.create({
          type: 'access',
          channel: 'email',
          requesterEmail: 'x@example.test',
          receivedOn: addDays(today, 1),
        }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      expect(await tenantEm(db.orm(), tenant.id).count(PrivacyRequest, {})).toBe(2);
    });

    it('emails the admins once a day about requests due soon or overdue', async () => {
      const { tenant, admin, caller } = await setup();
      await caller.requests.create({
        type: 'access',
        channel: 'email',
        requesterEmail: 'ana@example.test',
        receivedOn: addDays(dayOf(), -40),
      });
      await sendDeadlineDigests(db.orm(), TEST_ORIGIN);
      await sendDeadlineDigests(db.orm(), TEST_ORIGIN);
      const digests = await tenantEm(db.orm(), tenant.id).find(OutboxEmail, {
        template: 'privacy_request_digest',
      });
      expect(digests.map((d) => d.to)).toEqual([admin.email]);
      expect(digests[0]?.text).toContain('OVERDUE');
      expect(digests[0]?.text).not.toContain('ana@example.test');
    });
  });

  describe('identity verification', () => {
    it('refuses to give out, correct, restrict or erase data for an unverified request, changing nothing, and does each once verified', async () => {
      const { tenant, admin, caller } = await setup();
      const email = 'unverified@example.test';
      const { candidate } = await seedJobWithApplicant(
        db.orm(),
        actorOf(admin.id, tenant.id),
        {},
        { email, name: 'Uma Unverified' },
      );
      const em = () => tenantEm(db.orm(), tenant.id);
      const create = (type: 'access' | 'rectification' | 'restriction' | 'erasure') =>
        caller.requests.create({ type, channel: 'email', requesterEmail: email, acknowledge: false });
      const access = await create('access');
      const rectification = await create('rectification');
      const restriction = await create('restriction');
      const erasure = await create('erasure');
      const refused = {
        code: 'PRECONDITION_FAILED',
        message: expect.stringMatching(/^Verify the requester’s identity first/),
      };

      await expect(caller.requests.export({ id: access.id })).rejects.toMatchObject(refused);
      await expect(
        caller.requests.transition({ id: access.id, to: 'completed', answer: 'Your data is attached.' }),
      ).rejects.toMatchObject(refused);
      await expect(
        caller.requests.transition({ id: rectification.id, to: 'completed', answer: 'Corrected.' }),
      ).rejects.toMatchObject(refused);
      await expect(
        caller.requests.transition({ id: restriction.id, to: 'completed', answer: 'Restricted.' }),
      ).rejects.toMatchObject(refused);
      await expect(caller.requests.executeErasure({ id: erasure.id })).rejects.toMatchObject(refused);

      // Nothing changed: no data out, no answer mailed, the candidate intact, every request still waiting.
      expect(await em().count(AuditEvent, { action: 'request.export' })).toBe(0);
      expect(await em().count(OutboxEmail, { to: email })).toBe(0);
      expect((await em().findOneOrFail(Candidate, candidate.id)).name).toBe('Uma Unverified');
      for (const request of [access, rectification, restriction, erasure]) {
        expect(await caller.requests.get({ id: request.id })).toMatchObject({
          status: 'received',
          verification: 'unverified',
          lastError: null,
          completedAt: null,
        });
      }

      for (const request of [access, rectification, restriction, erasure])
        await caller.requests.transition({ id: request.id, to: 'verified' });
      const zip = await caller.requests.export({ id: access.id });
      expect(Buffer.from(zip.contentBase64, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
      expect(
        (
          await caller.requests.transition({
            id: access.id,
            to: 'completed',
            answer: 'Your data is attached.',
          })
        ).status,
      ).toBe('completed');
      expect(
        (await caller.requests.transition({ id: rectification.id, to: 'completed', answer: 'Corrected.' }))
          .status,
      ).toBe('completed');
      expect(
        (await caller.requests.transition({ id: restriction.id, to: 'completed', answer: 'Restricted.' }))
          .status,
      ).toBe('completed');
      expect((await caller.requests.executeErasure({ id: erasure.id })).status).toBe('completed');
      expect((await em().findOneOrFail(Candidate, candidate.id)).name).toMatch(/^Anonymized candidate #/);
    });

    it('lets an unverified request be refused (identity could not be confirmed)', async () => {
      const { caller } = await setup();
      const request = await caller.requests.create({
        type: 'access',
        channel: 'email',
        requesterEmail: 'who@example.test',
      });
      const refused = await caller.requests.transition({
        id: request.id,
        to: 'refused',
        reason: 'Identity could not be verified',
        answer: 'We could not confirm who you are.',
      });
      expect(refused).toMatchObject({ status: 'refused', verification: 'unverified' });
    });
  });

  describe('acknowledgement', () => {
    it('counts an unacknowledged California request against its 10 business days, until the receipt is sent', async () => {
      const { tenant, caller } = await setup();
      const today = dayOf();
      const receivedOn = addDays(today, -20);
      const request = await caller.requests.create({
        type: 'access',
        channel: 'letter',
        requesterEmail: 'cal@example.test',
        country: 'US',
        usState: 'CA',
        receivedOn,
        acknowledge: false,
      });
      expect(request).toMatchObject({
        acknowledgedAt: null,
        deadline: 'overdue',
        clock: { kind: 'acknowledge', on: request.acknowledgeBy, state: 'overdue' },
      });
      expect(request.dueOn > today).toBe(true);
      expect(await caller.requests.counts()).toMatchObject({ overdue: 1 });
      const acknowledged = await caller.requests.acknowledge({ id: request.id });
      expect(acknowledged.acknowledgedAt).not.toBeNull();
      expect(acknowledged.clock).toEqual({ kind: 'answer', on: request.dueOn, state: 'on_track' });
      expect(acknowledged.actions.map((a) => a.action)).toContain('request.acknowledged');
      const mail = await tenantEm(db.orm(), tenant.id).findOneOrFail(OutboxEmail, { to: 'cal@example.test' });
      expect(mail.text).toContain(`will answer by ${request.dueOn}`);
      await expect(caller.requests.acknowledge({ id: request.id })).rejects.toMatchObject({
        code: 'PRECONDITION_FAILED',
      });
    });
  });

  describe('authorized agents', () => {
    it('keep their proof as a file with the request, sealed under the tenant key and re-sealed when it rotates, downloadable by admins; anything but a document or scan is refused', async () => {
      const { tenant, deps, caller } = await setup();
      const em = tenantEm(db.orm(), tenant.id);
      expect(
        await fieldErrorsOf(
          caller.requests.create({
            type: 'erasure',
            channel: 'letter',
            requesterEmail: 'subject@example.test',
            agentName: 'Agent Smith LLP',
            agentProofFile: {
              filename: 'proof.exe',
              contentBase64: Buffer.from('MZ not a document').toString('base64'),
            },
          }),
        ),
      ).toEqual({ agentProofFile: ['Not a PDF, DOCX, ODT, PNG or JPEG file'] });
      expect(await em.count(PrivacyRequest, {})).toBe(0);

      const request = await caller.requests.create({
        type: 'erasure',
        channel: 'letter',
        requesterEmail: 'subject@example.test',
        agentName: 'Agent Smith LLP',
        agentProof: 'Signed permission, notarized',
        agentProofFile: {
          filename: 'permission.pdf',
          contentBase64: pdfBytes('signed permission').toString('base64'),
        },
      });
      expect(request.agentProofFile).toMatchObject({
        filename: 'permission.pdf',
        contentType: 'application/pdf',
      });
      const proof = await caller.requests.agentProof({ id: request.id });
      expect(Buffer.from(proof.contentBase64, 'base64').toString('latin1')).toContain('signed permission');

      // At rest the file is sealed under the tenant key: the file store alone reads nothing.
      const stored = await deps.files.read(
        (await em.findOneOrFail(PrivacyRequest, request.id)).agentProofKey!,
      );
      expect(stored.toString('latin1')).not.toContain('signed permission');
      expect(stored.subarray(0, 5).toString('latin1')).not.toBe('%PDF-');

      // A tenant-key rotation re-seals it under the new key; it still opens, and the old file is gone.
      const sealedKey = (await em.findOneOrFail(PrivacyRequest, request.id)).agentProofKey!;
      const rotated = await rotateTenantKey(db.orm().em.fork(), deps, tenant.id);
      expect(rotated.resealedProofs).toBe(1);
      const resealed = await db.orm().em.fork().findOneOrFail(PrivacyRequest, request.id, { filters: false });
      expect(resealed.agentProofSealedWith).toBe(rotated.newKeyId);
      await expect(deps.files.read(sealedKey)).rejects.toThrow();
      const again = await caller.requests.agentProof({ id: request.id });
      expect(Buffer.from(again.contentBase64, 'base64').toString('latin1')).toContain('signed permission');
      // The next rotation may delete the retired key: no key file and no proof names it any more.
      expect((await rotateTenantKey(db.orm().em.fork(), deps, tenant.id)).deleted).toBe(1);
      expect(
        Buffer.from((await caller.requests.agentProof({ id: request.id })).contentBase64, 'base64').toString(
          'latin1',
        ),
      ).toContain('signed permission');

      const firstKey = (await em.findOneOrFail(PrivacyRequest, request.id)).agentProofKey!;
      const replaced = await caller.requests.attachAgentProof({
        id: request.id,
        filename: 'permission-v2.pdf',
        contentBase64: pdfBytes('second').toString('base64'),
      });
      expect(replaced.agentProofFile?.filename).toBe('permission-v2.pdf');
      await expect(deps.files.read(firstKey)).rejects.toThrow();

      const direct = await caller.requests.create({
        type: 'access',
        channel: 'email',
        requesterEmail: 'self@example.test',
      });
      await expect(
        caller.requests.attachAgentProof({
          id: direct.id,
          filename: 'p.pdf',
          contentBase64: pdfBytes().toString('base64'),
        }),
      ).rejects.toMatchObject({
        code: 'PRECONDITION_FAILED',
      });
      await expect(caller.requests.agentProof({ id: direct.id })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    });
  });

  describe('restriction', () => {
    it('keeps a restricted candidate’s applications where they are and hides them from non-admins', async () => {
      const { tenant, admin, deps, caller } = await setup();
      const actor = actorOf(admin.id, tenant.id);
      const { job, candidate, applicationId } = await seedJobWithApplicant(
        db.orm(),
        actor,
        {},
        { name: 'Rita Restricted' },
      );
      const em = tenantEm(db.orm(), tenant.id);
      const row = await em.findOneOrFail(Candidate, candidate.id);
      row.restrictedAt = new Date();
      await em.flush();
      const screening = job.stages.find((s) => s.kind === 'screening')!;
      expect(
        await fieldErrorsOf(caller.applications.move({ ids: [applicationId], stageId: screening.id })),
      ).toEqual({
        ids: ['Restricted at the candidate’s request'],
      });
      const recruiter = await seedUser(db.orm().em.fork(), tenant, 'recruiter');
      const asRecruiter = await callerFor(deps, await sessionFor(deps, recruiter.id, tenant.id));
      expect((await asRecruiter.candidates.list({ filter: { q: 'Rita Restricted' } })).total).toBe(0);
      expect((await caller.candidates.list({ filter: { q: 'Rita Restricted' } })).total).toBe(1);
    });
  });

  describe('legal holds', () => {
    it('block erasure with their reason until released', async () => {
      const { tenant, admin, caller } = await setup();
      const { candidate } = await seedJobWithApplicant(
        db.orm(),
        actorOf(admin.id, tenant.id),
        {},
        { email: 'held@example.test' },
      );
      const hold = await caller.holds.place({
        candidateId: candidate.id,
        reason: 'Claim before the labour court, file 4 Ca 123/26',
      });
      expect(hold).toMatchObject({ active: true, placedBy: expect.any(String) });
      expect((await caller.holds.list({})).map((h) => h.id)).toEqual([hold.id]);
      const request = await caller.requests.create({
        type: 'erasure',
        channel: 'email',
        requesterEmail: 'held@example.test',
      });
      await caller.requests.transition({ id: request.id, to: 'verified' });
      expect(await fieldErrorsOf(caller.requests.executeErasure({ id: request.id }))).toEqual({
        id: ['Under legal hold'],
      });
      await expect(caller.requests.executeErasure({ id: request.id })).rejects.toThrow(/labour court/);
      expect((await tenantEm(db.orm(), tenant.id).findOneOrFail(Candidate, candidate.id)).email).toBe(
        'held@example.test',
      );
      expect((await caller.holds.release({ id: hold.id })).active).toBe(false);
      expect(await caller.holds.list({})).toEqual([]);
      expect((await caller.requests.executeErasure({ id: request.id })).status).toBe('completed');
      // The released hold stays on record.
      expect((await caller.holds.list({ activeOnly: false })).map((h) => h.id)).toEqual([hold.id]);
      await expect(caller.holds.place({ candidateId: candidate.id, reason: 'x' })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
      });
    });
  });

  describe('erasure', () => {
    it('erases a verified requester’s data and completes the request in one go', async () => {
      const { tenant, admin, deps, caller } = await setup();
      const settings = await caller.privacy.settings();
      await caller.privacy.updateSettings({
        ...settings,
        recipients: [
          {
            name: 'Checkr',
            role: 'controller',
            purpose: 'Background checks',
            country: 'US',
            safeguard: 'scc',
            notifyEmail: 'privacy@checkr.example',
            hrExport: false,
          },
          {
            name: 'Sterling',
            role: 'controller',
            purpose: 'Background checks',
            country: 'US',
            safeguard: 'scc',
            notifyEmail: 'privacy@sterling.example',
            hrExport: false,
          },
          {
            name: 'Mailer',
            role: 'processor',
            purpose: 'Email delivery',
            country: 'DE',
            safeguard: 'none',
            notifyEmail: '',
            hrExport: false,
          },
        ],
      });
      const { candidate } = await seedJobWithApplicant(
        db.orm(),
        actorOf(admin.id, tenant.id),
        {},
        { email: 'erase.me@example.test', name: 'Erin Erasable' },
      );
      // Checkr received Erin's data; Sterling, though listed, never did.
      await caller.candidates.recordDisclosure({
        candidateId: candidate.id,
        recipient: 'Checkr',
        categories: ['user.name', 'user.contact.email'],
      });
      await caller.attachments.upload({
        candidateId: candidate.id,
        kind: 'resume',
        filename: 'erin.pdf',
        contentBase64: pdfBytes('erin').toString('base64'),
      });
      const em = tenantEm(db.orm(), tenant.id);
      const key = (await em.findOneOrFail(Attachment, { candidate: candidate.id })).storageKey;
      expect(await deps.keyStore.read(tenant.id, candidate.id)).not.toBeNull();
      const request = await caller.requests.create({
        type: 'erasure',
        channel: 'email',
        requesterEmail: 'erase.me@example.test',
      });
      expect(request.candidateId).toBe(candidate.id);
      expect(await fieldErrorsOf(caller.requests.executeErasure({ id: request.id }))).toMatch(/Verify/);
      await caller.requests.transition({ id: request.id, to: 'verified' });
      const done = await caller.requests.executeErasure({ id: request.id });
      expect(done.status).toBe('completed');
      expect(done.actions.map((a) => a.action)).toContain('subject.erased');
      // Art. 19: the recipient in Erin's disclosure log is told, in the same transaction; no other is.
      expect(done.actions.find((a) => a.action === 'recipients.notified')?.detail).toBe('Checkr');
      const notices = await tenantEm(db.orm(), tenant.id).find(OutboxEmail, { template: 'recipient_notice' });
      expect(notices.map((n) => n.to)).toEqual(['privacy@checkr.example']);
      const erased = await tenantEm(db.orm(), tenant.id).findOneOrFail(Candidate, candidate.id);
      expect(erased.name).toMatch(/^Anonymized candidate #/);
      // Staff still open the anonymized record (the statistics stay readable).
      expect((await caller.candidates.get({ id: candidate.id })).name).toBe(erased.name);
      expect((await caller.candidates.list({})).data.map((c) => c.id)).toContain(candidate.id);
      expect(await tenantEm(db.orm(), tenant.id).count(Attachment, { candidate: candidate.id })).toBe(0);
      await expect(deps.files.read(key)).rejects.toThrow();
      // Crypto-shredding: the candidate's data key is gone, so copies of their sealed data in backups stay unreadable.
      expect(await deps.keyStore.read(tenant.id, candidate.id)).toBeNull();
      // The answer reaches the requester even though the request no longer holds their address.
      const row = await tenantEm(db.orm(), tenant.id).findOneOrFail(PrivacyRequest, request.id);
      expect(row.requesterEmail).toBe('');
      expect(
        await tenantEm(db.orm(), tenant.id).count(OutboxEmail, {
          to: 'erase.me@example.test',
          subject: { $like: '%your data has been erased' },
        }),
      ).toBe(1);
    });
  });
});
