import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Candidate, type Em, TENANT_FILTER, TenantDataKey, TenantSigningKey } from '@candor/db';
import { forEachDatabase, seedPublishedNotice, seedTenant, seedUser } from '@candor/db/testing';
import { describe, expect, it } from 'vitest';
import { setJobStatus } from '../jobs/jobs.service.js';
import { destroyErasedData, eraseSubject } from '../privacy/subject-erasure.js';
import { pdfBytes } from '../testing/documents.js';
import { actorOf, seedJobWithApplicant, tenantEm } from '../testing/hiring-fixtures.js';
import { callerFor, httpClient, sessionFor, testDeps } from '../testing/test-app.js';
import { candidateKey, type DataKeys, isSealedFile, isSealedText, openWith } from './data-keys.js';
import { createKeyStore } from './key-store.js';
import { acceptingPrevious, unwrapSecret } from './master-key.js';
import { rotateMasterKey, rotateTenantKey } from './rotation.js';

const ANY_TENANT = { filters: { [TENANT_FILTER]: false } };

/** One sealed value of the backup: a database column or a file. */
interface BackedUp {
  candidateId: string;
  what: string;
  sealed: string | Buffer;
}

forEachDatabase('crypto-shredding', (db) => {
  const setup = async () => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const admin = await seedUser(em, tenant, 'admin');
    await seedPublishedNotice(em, tenant);
    const deps = testDeps(db.orm());
    const actor = actorOf(admin.id, tenant.id);
    const { job } = await seedJobWithApplicant(db.orm(), actor, {
      questions: [{ label: 'Why robots?', kind: 'long_text', required: false }],
    });
    await setJobStatus(tenantEm(db.orm(), tenant.id), actor, job.id, 'open');
    const questionId = job.questions[0]!.id;
    const client = httpClient(deps);
    const staff = await callerFor(deps, await sessionFor(deps, admin.id, tenant.id));
    const run = Math.random().toString(36).slice(2, 8);

    /** Applies through the careers site (resume, answer, cover letter), then staff add a note and another file. */
    const applicant = async (who: string) => {
      const marker = `secret-${who}-${run}`;
      const email = `${who}.${run}@example.test`;
      const form = new FormData();
      for (const [k, v] of Object.entries({
        name: `Person ${who}`,
        email,
        phone: '+49 30 5550101',
        location: 'Berlin',
        coverLetter: `Cover letter ${marker}`,
        [`answer:${questionId}`]: `Answer ${marker}`,
        ageConfirmed: 'yes',
        noticeVersion: '1',
      })) {
        form.append(k, v);
      }
      form.append('resume', new File([pdfBytes(`resume ${marker}`)], `cv-${who}.pdf`));
      const res = await client.request(`/careers/${tenant.slug}/jobs/${job.id}/apply`, {
        method: 'POST',
        headers: { Accept: 'application/json' },
        body: form,
      });
      expect(res.status).toBe(201);
      const candidate = await tenantEm(db.orm(), tenant.id).findOneOrFail(Candidate, { email });
      const [application] = (await staff.applications.list({ filter: { candidateId: candidate.id } })).data;
      await staff.applications.addNote({ applicationId: application!.id, body: `Note ${marker}` });
      await staff.attachments.upload({
        candidateId: candidate.id,
        kind: 'other',
        filename: 'reference.pdf',
        contentBase64: pdfBytes(`reference ${marker}`).toString('base64'),
      });
      return { id: candidate.id, marker, applicationId: application!.id };
    };
    const a = await applicant('ada');
    const b = await applicant('bob');
    return { tenant, deps, staff, a, b };
  };

  /** What a backup taken now holds of the tenant's sealed data: the raw columns and the raw files. */
  async function backup(
    em: Em,
    deps: ReturnType<typeof testDeps>,
    tenantId: string,
  ): Promise<{ values: BackedUp[]; raw: string; files: Buffer[] }> {
    const knex = em.getKnex();
    const apps = await knex('application')
      .select('id', 'candidate_id', 'cover_letter', 'answers')
      .where('tenant_id', tenantId);
    const notes = await knex('application_note')
      .join('application', 'application.id', 'application_note.application_id')
      .select('application_note.body', 'application.candidate_id')
      .where('application_note.tenant_id', tenantId);
    const attachments = await knex('attachment')
      .select('candidate_id', 'storage_key', 'encrypted', 'filename')
      .where('tenant_id', tenantId);
    const values: BackedUp[] = [];
    const files: Buffer[] = [];
    for (const row of apps) {
      // The staff-added applicant of the job fixture has no cover letter or answers.
      if (row.cover_letter)
        values.push({
          candidateId: row.candidate_id,
          what: 'Application.coverLetter',
          sealed: row.cover_letter,
        });
      const answers = (typeof row.answers === 'string' ? JSON.parse(row.answers) : row.answers) as Array<{
        answer: string;
      }>;
      for (const answer of answers)
        values.push({ candidateId: row.candidate_id, what: 'Application.answers', sealed: answer.answer });
    }
    for (const row of notes)
      values.push({ candidateId: row.candidate_id, what: 'ApplicationNote.body', sealed: row.body });
    for (const row of attachments) {
      expect(Boolean(row.encrypted), row.filename).toBe(true);
      const bytes = await deps.files.read(row.storage_key);
      files.push(bytes);
      values.push({ candidateId: row.candidate_id, what: `Attachment ${row.filename}`, sealed: bytes });
    }
    return { values, raw: JSON.stringify([apps, notes]), files };
  }

  /** The plaintext each sealed value must open to, from what the applicant sent. */
  function expectedPlain(v: BackedUp, marker: string): string | Buffer {
    if (v.what === 'Application.coverLetter') return `Cover letter ${marker}`;
    if (v.what === 'Application.answers') return `Answer ${marker}`;
    if (v.what === 'ApplicationNote.body') return `Note ${marker}`;
    return pdfBytes(`${v.what.endsWith('reference.pdf') ? 'reference' : 'resume'} ${marker}`);
  }

  function opens(key: Buffer, sealed: string | Buffer): string | Buffer | null {
    try {
      return typeof sealed === 'string' ? openWith(key, sealed) : openWith(key, sealed);
    } catch {
      return null;
    }
  }

  /** Every candidate key the key store can still give, with the current keys, read fresh (no cache). */
  async function currentKeys(em: Em, keys: DataKeys, tenantId: string): Promise<Map<string, Buffer>> {
    const fresh: DataKeys = { masterKey: keys.masterKey, keyStore: createKeyStore(keys.keyStore.dir) };
    const out = new Map<string, Buffer>();
    for (const candidateId of await fresh.keyStore.candidatesOf(tenantId)) {
      const key = await candidateKey(em, fresh, { tenantId, candidateId });
      if (key) out.set(candidateId, key);
    }
    return out;
  }

  describe('a backup taken before an erasure', () => {
    it('holds only ciphertext, and after the erasure nothing of that candidate opens while the others still do', async () => {
      const { tenant, deps, a, b, staff } = await setup();
      const em = tenantEm(db.orm(), tenant.id);
      const copy = await backup(em, deps, tenant.id);
      const markers = new Map([
        [a.id, a.marker],
        [b.id, b.marker],
      ]);
      // Two files, a cover letter, an answer and a note for each.
      for (const id of [a.id, b.id]) expect(copy.values.filter((v) => v.candidateId === id)).toHaveLength(5);

      // On disk and in the columns: ciphertext only.
      for (const marker of markers.values()) {
        expect(copy.raw).not.toContain(marker);
        for (const bytes of copy.files) expect(bytes.includes(Buffer.from(marker))).toBe(false);
      }
      for (const v of copy.values)
        expect(typeof v.sealed === 'string' ? isSealedText(v.sealed) : isSealedFile(v.sealed), v.what).toBe(
          true,
        );
      // The key files hold no plaintext key either: only a key id and the wrapped key.
      const keyFile = readFileSync(
        join(deps.keyStore.dir, tenant.id, a.id.slice(0, 2), `${a.id}.key`),
        'utf8',
      );
      expect(JSON.parse(keyFile)).toEqual({
        format: 'candor.candidate-key.v1',
        tenantKeyId: expect.any(String),
        wrapped: expect.stringMatching(/^v1\./),
      });

      // Before the erasure, everything in the backup opens with the current keys.
      const before = await currentKeys(em, deps, tenant.id);
      for (const v of copy.values) {
        const opened = opens(before.get(v.candidateId)!, v.sealed);
        expect(opened, v.what).toEqual(expectedPlain(v, markers.get(v.candidateId)!));
      }
      // Staff see plaintext.
      const shown = await staff.applications.get({ id: a.applicationId });
      expect(shown.coverLetter).toBe(`Cover letter ${a.marker}`);
      expect(shown.answers[0]?.answer).toBe(`Answer ${a.marker}`);
      expect(shown.notes[0]?.body).toBe(`Note ${a.marker}`);

      const summary = await em.fork().transactional((tx) => eraseSubject(tx, a.id));
      await destroyErasedData(deps, summary);

      const after = await currentKeys(em, deps, tenant.id);
      expect(after.has(a.id)).toBe(false);
      expect(after.has(b.id)).toBe(true);
      for (const v of copy.values) {
        if (v.candidateId === a.id) {
          // Not with their key (gone), nor with any other key there is.
          for (const key of after.values()) expect(opens(key, v.sealed), v.what).toBeNull();
        } else {
          expect(opens(after.get(v.candidateId)!, v.sealed), v.what).toEqual(expectedPlain(v, b.marker));
        }
      }
      await expect(candidateKey(em, deps, { tenantId: tenant.id, candidateId: a.id })).resolves.toBeNull();
      expect((await staff.applications.get({ id: b.applicationId })).notes[0]?.body).toBe(`Note ${b.marker}`);
    });

    it('gives a new applicant with an erased person’s address a new key', async () => {
      const { tenant, deps, a } = await setup();
      const em = tenantEm(db.orm(), tenant.id);
      const oldKey = await candidateKey(em, deps, { tenantId: tenant.id, candidateId: a.id });
      const summary = await em.fork().transactional((tx) => eraseSubject(tx, a.id));
      await destroyErasedData(deps, summary);
      const fresh = em.create(Candidate, {
        tenant: tenant.id,
        name: 'Ada Again',
        email: `again.${a.marker}@example.test`,
        nameKey: 'ada again',
        links: [],
        source: 'sourced',
      });
      await em.flush();
      const newKey = await candidateKey(
        em,
        deps,
        { tenantId: tenant.id, candidateId: fresh.id },
        { create: true },
      );
      expect(newKey.equals(oldKey!)).toBe(false);
    });
  });

  describe('rotation', () => {
    it('re-wraps tenant and master keys without touching the data; every candidate’s data still opens', async () => {
      const { tenant, deps, a, b } = await setup();
      const em = tenantEm(db.orm(), tenant.id);
      const copy = await backup(em, deps, tenant.id);
      const markers = new Map([
        [a.id, a.marker],
        [b.id, b.marker],
      ]);
      const [firstKey] = await em.find(TenantDataKey, { tenant: tenant.id }, ANY_TENANT);
      const aFile = join(deps.keyStore.dir, tenant.id, a.id.slice(0, 2), `${a.id}.key`);
      const aFileBefore = readFileSync(aFile, 'utf8');

      const rotated = await rotateTenantKey(db.orm().em.fork(), deps, tenant.id);
      expect(rotated).toMatchObject({ rewrapped: 2, retired: 1, deleted: 0 });
      const rows = await db
        .orm()
        .em.fork()
        .find(TenantDataKey, { tenant: tenant.id }, { ...ANY_TENANT, orderBy: { createdAt: 'asc' } });
      expect(rows.find((r) => r.id === firstKey!.id)?.retiredAt).toBeInstanceOf(Date);
      expect(rows.find((r) => r.id === rotated.newKeyId)?.retiredAt).toBeNull();
      expect(JSON.parse(readFileSync(aFile, 'utf8')).tenantKeyId).toBe(rotated.newKeyId);
      // A reader still holding a file wrapped under the retired key reads it: the key stays until no file names it.
      const stillOld = createKeyStore(deps.keyStore.dir);
      const oldView = {
        masterKey: deps.masterKey,
        keyStore: { ...stillOld, read: async () => JSON.parse(aFileBefore) },
      };
      expect(
        (await candidateKey(em, oldView, { tenantId: tenant.id, candidateId: a.id }))?.equals(
          (await currentKeys(em, deps, tenant.id)).get(a.id)!,
        ),
      ).toBe(true);

      // The master key: everything wrapped under it is re-wrapped in one transaction; the old one opens nothing any more.
      const oldMaster = deps.masterKey;
      const newMaster = randomBytes(32);
      const master = await rotateMasterKey(db.orm().em.fork(), oldMaster, newMaster);
      expect(master.tenantKeys).toBeGreaterThanOrEqual(2);
      expect(master.signingKeys).toBeGreaterThanOrEqual(1); // the receipts' signing key of this tenant
      try {
        const all = await db.orm().em.fork().find(TenantDataKey, { tenant: tenant.id }, ANY_TENANT);
        for (const row of all) expect(() => unwrapSecret(oldMaster, row.wrappedKey)).toThrow();
        const signing = await db
          .orm()
          .em.fork()
          .findOneOrFail(TenantSigningKey, { tenant: tenant.id }, ANY_TENANT);
        expect(unwrapSecret(newMaster, signing.privateKeyWrapped).length).toBeGreaterThan(0);
        // A repeated run notices it is done.
        expect(
          (await rotateMasterKey(db.orm().em.fork(), oldMaster, newMaster)).alreadyRotated,
        ).toBeGreaterThanOrEqual(3);

        const keys = await currentKeys(em, { masterKey: newMaster, keyStore: deps.keyStore }, tenant.id);
        for (const v of copy.values)
          expect(opens(keys.get(v.candidateId)!, v.sealed), v.what).toEqual(
            expectedPlain(v, markers.get(v.candidateId)!),
          );
        // No downtime: while the new key rolls out, an instance still on the old one that accepts the new one
        // (MASTER_KEY_PREVIOUS) opens every re-wrapped key without a cache to help it.
        const rolling = acceptingPrevious(Buffer.from(oldMaster), [newMaster]);
        const during = await currentKeys(
          em,
          { masterKey: rolling, keyStore: createKeyStore(deps.keyStore.dir) },
          tenant.id,
        );
        for (const v of copy.values)
          expect(opens(during.get(v.candidateId)!, v.sealed), v.what).toEqual(
            expectedPlain(v, markers.get(v.candidateId)!),
          );
        expect(() => unwrapSecret(Buffer.from(oldMaster), signing.privateKeyWrapped)).toThrow();

        // The next tenant rotation deletes the retired key no file names any more.
        const again = await rotateTenantKey(
          db.orm().em.fork(),
          { masterKey: newMaster, keyStore: createKeyStore(deps.keyStore.dir), files: deps.files },
          tenant.id,
        );
        expect(again).toMatchObject({ rewrapped: 2, retired: 1, deleted: 1 });
        expect(await db.orm().em.fork().count(TenantDataKey, { id: firstKey!.id }, ANY_TENANT)).toBe(0);
      } finally {
        // The other tests of this database use the old master key.
        await rotateMasterKey(db.orm().em.fork(), newMaster, oldMaster);
      }
    });
  });
});
