import { Attachment, AuditEvent, DocumentText } from '@candor/db';
import { forEachDatabase, seedTenant, seedUser } from '@candor/db/testing';
import { DOCUMENT_TYPES } from '@candor/schemas';
import { expect, it } from 'vitest';
import { letterPdf } from '../offers/letter-pdf.js';
import { indexPendingDocuments } from '../search/document-index.js';
import {
  deflatedDocxBytes,
  docxBytes,
  hostileDocuments,
  odtBytes,
  pdfBytes,
  storedZip,
  zipBombDocx,
} from '../testing/documents.js';
import { seedJobWithApplicant, tenantEm } from '../testing/hiring-fixtures.js';
import { callerFor, httpClient, sessionFor, testDeps } from '../testing/test-app.js';

forEachDatabase('attachments', (db) => {
  const setup = async () => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const recruiter = await seedUser(em, tenant, 'recruiter');
    const outsider = await seedUser(em, tenant, 'hiring_manager');
    const deps = testDeps(db.orm());
    const caller = await callerFor(deps, await sessionFor(deps, recruiter.id, tenant.id));
    const actor = { userId: recruiter.id, tenantId: tenant.id, role: 'recruiter' as const, requestId: 't' };
    const seeded = await seedJobWithApplicant(db.orm(), actor);
    return { tenant, recruiter, outsider, deps, caller, ...seeded };
  };

  it('stores a resume, lists it, and serves it only through the audited download', async () => {
    const { tenant, deps, caller, candidate, applicationId } = await setup();
    const uploaded = await caller.attachments.upload({
      candidateId: candidate.id,
      applicationId,
      kind: 'resume',
      filename: 'Casey résumé "final".pdf',
      contentBase64: pdfBytes('casey').toString('base64'),
    });
    expect(uploaded).toMatchObject({
      contentType: DOCUMENT_TYPES.pdf,
      kind: 'resume',
      size: pdfBytes('casey').length,
    });
    expect((await caller.attachments.forCandidate({ candidateId: candidate.id })).map((a) => a.id)).toEqual([
      uploaded.id,
    ]);

    const client = httpClient(deps);
    expect((await client.request(uploaded.downloadUrl)).status).toBe(401);
    const res = await httpClient(deps).request(uploaded.downloadUrl, {
      headers: {
        Cookie: `${deps.sessions.cookieName}=${await sessionFor(deps, (await caller.auth.me()).userId, tenant.id)}`,
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe(DOCUMENT_TYPES.pdf);
    expect(res.headers.get('Content-Disposition')).toContain(
      "filename*=UTF-8''Casey%20r%C3%A9sum%C3%A9%20%22final%22.pdf",
    );
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(Buffer.from(await res.arrayBuffer()).equals(pdfBytes('casey'))).toBe(true);
    const audit = await tenantEm(db.orm(), tenant.id).find(AuditEvent, { action: 'attachment.download' });
    expect(audit.map((a) => a.targetId)).toEqual([uploaded.id]);
  });

  it('replaces a document with a corrected one: the old row, file and indexed text are gone, and it is audited', async () => {
    const { tenant, deps, caller, candidate, applicationId } = await setup();
    const old = await caller.attachments.upload({
      candidateId: candidate.id,
      applicationId,
      kind: 'resume',
      filename: 'cv.pdf',
      contentBase64: deflatedDocxBytes(['Worked at Initech']).toString('base64'),
    });
    while ((await indexPendingDocuments(db.orm(), deps)) > 0) {}
    const tem = tenantEm(db.orm(), tenant.id);
    const oldRow = await tem.findOneOrFail(Attachment, old.id);
    expect(await tem.count(DocumentText, { attachment: old.id })).toBe(1);

    // Not a document: refused, and the old one stays.
    await expect(
      caller.attachments.replace({
        id: old.id,
        filename: 'cv.pdf',
        contentBase64: Buffer.from('hello').toString('base64'),
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await tem.fork().count(Attachment, { id: old.id })).toBe(1);

    const replaced = await caller.attachments.replace({
      id: old.id,
      filename: 'cv-corrected.docx',
      contentBase64: deflatedDocxBytes(['Worked at Initrode']).toString('base64'),
    });
    expect(replaced).toMatchObject({ kind: 'resume', applicationId, filename: 'cv-corrected.docx' });
    expect((await caller.attachments.forCandidate({ candidateId: candidate.id })).map((a) => a.id)).toEqual([
      replaced.id,
    ]);
    const fresh = tenantEm(db.orm(), tenant.id);
    expect(await fresh.count(Attachment, { id: old.id })).toBe(0);
    expect(await fresh.count(DocumentText, { attachment: old.id })).toBe(0);
    await expect(deps.files.read(oldRow.storageKey)).rejects.toThrow();
    while ((await indexPendingDocuments(db.orm(), deps)) > 0) {}
    const texts = await fresh.find(DocumentText, { candidate: candidate.id });
    expect(texts.map((t) => t.attachment?.id)).toEqual([replaced.id]);
    expect((await caller.attachments.text({ id: replaced.id })).text).toContain('Initrode');
    expect(await fresh.count(AuditEvent, { action: 'attachment.replace', targetId: candidate.id })).toBe(1);
  });

  it('refuses files that are not documents, whatever their name, and stores nothing', async () => {
    const { caller, candidate } = await setup();
    for (const bytes of [Buffer.from('MZ\x90\x00 program'), storedZip([['a.txt', 'hi']])]) {
      await expect(
        caller.attachments.upload({
          candidateId: candidate.id,
          kind: 'resume',
          filename: 'cv.pdf',
          contentBase64: bytes.toString('base64'),
        }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    }
    await expect(
      caller.attachments.upload({
        candidateId: candidate.id,
        kind: 'resume',
        filename: 'huge.pdf',
        contentBase64: Buffer.concat([pdfBytes(), Buffer.alloc(10 * 1024 * 1024)]).toString('base64'),
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await caller.attachments.forCandidate({ candidateId: candidate.id })).toEqual([]);
  });

  it('refuses office files that are malformed or bombs with a field error over HTTP, and stores nothing', async () => {
    const { tenant, recruiter, deps, caller, candidate } = await setup();
    const client = httpClient(deps);
    const cookie = `${deps.sessions.cookieName}=${await sessionFor(deps, recruiter.id, tenant.id)}`;
    for (const [label, bytes, reason] of hostileDocuments()) {
      const input = {
        candidateId: candidate.id,
        kind: 'resume',
        filename: 'cv.docx',
        contentBase64: bytes.toString('base64'),
      };
      const res = await client.mutate('attachments.upload', input, { Cookie: cookie });
      const body = (await res.json()) as { error: { data: { fieldErrors?: Record<string, string[]> } } };
      expect({ label, status: res.status }).toEqual({ label, status: 400 });
      expect(body.error.data.fieldErrors?.contentBase64?.[0]).toMatch(reason);
    }
    expect(await caller.attachments.forCandidate({ candidateId: candidate.id })).toEqual([]);
  });

  it('accepts valid DOCX, ODT and PDF files and reads their text', async () => {
    const { caller, candidate, applicationId } = await setup();
    const files: Array<[string, Buffer, string]> = [
      ['cv.docx', deflatedDocxBytes(['Ten years of TypeScript']), 'Ten years of TypeScript'],
      ['cv-stored.docx', docxBytes(), ''],
      ['letter.odt', odtBytes(), ''],
      [
        'cv.pdf',
        letterPdf({ heading: 'Resume', subheading: '', body: 'Robotics and SQL', footer: '' }),
        'Robotics and SQL',
      ],
    ];
    for (const [filename, bytes, text] of files) {
      const file = await caller.attachments.upload({
        candidateId: candidate.id,
        applicationId,
        kind: 'resume',
        filename,
        contentBase64: bytes.toString('base64'),
      });
      expect((await caller.attachments.redactedText({ id: file.id })).text).toContain(text);
      expect((await caller.attachments.text({ id: file.id })).text).toContain(text);
    }
  });

  it('answers 422, not a blocked server, for the text of a zip bomb stored before uploads were checked', async () => {
    const { tenant, deps, caller, candidate, applicationId } = await setup();
    // Stored as the old sniffer let it through: upload a valid file, then put the bomb in its place.
    const file = await caller.attachments.upload({
      candidateId: candidate.id,
      applicationId,
      kind: 'resume',
      filename: 'cv.docx',
      contentBase64: docxBytes().toString('base64'),
    });
    const em = tenantEm(db.orm(), tenant.id);
    const row = await em.findOneOrFail(Attachment, { id: file.id });
    row.storageKey = await deps.files.put(zipBombDocx());
    row.encrypted = false;
    await em.flush();
    await expect(caller.attachments.redactedText({ id: file.id })).rejects.toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
      message: expect.stringMatching(/expands to more than 20 MB/),
    });
  });

  it('hides files of other jobs from a hiring manager', async () => {
    const { deps, caller, candidate, applicationId, outsider, tenant } = await setup();
    const file = await caller.attachments.upload({
      candidateId: candidate.id,
      applicationId,
      kind: 'cover_letter',
      filename: 'letter.odt',
      contentBase64: odtBytes().toString('base64'),
    });
    const token = await sessionFor(deps, outsider.id, tenant.id);
    const res = await httpClient(deps).request(file.downloadUrl, {
      headers: { Cookie: `${deps.sessions.cookieName}=${token}` },
    });
    expect(res.status).toBe(404);
  });
});
