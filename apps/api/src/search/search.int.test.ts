import { DocumentText, ormDialectOfEm, SavedSearch } from '@candor/db';
import { forEachDatabase, seedTenant, seedUser } from '@candor/db/testing';
import { TRPCError } from '@trpc/server';
import { beforeAll, expect, it } from 'vitest';
import { letterPdf } from '../offers/letter-pdf.js';
import { eraseSubject } from '../privacy/subject-erasure.js';
import { anonymizeApplications } from '../retention/anonymize-application.js';
import { tenantEm } from '../testing/hiring-fixtures.js';
import { callerFor, sessionFor, testDeps } from '../testing/test-app.js';
import { indexPendingDocuments } from './document-index.js';

type Caller = Awaited<ReturnType<typeof callerFor>>;

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

const snippetText = (hit: { snippet: Array<{ text: string; match: boolean }> }) =>
  hit.snippet.map((p) => (p.match ? `[${p.text}]` : p.text)).join('');

forEachDatabase('full-text search in documents', (db) => {
  let deps: ReturnType<typeof testDeps>;
  let tenantId: string;
  let asRecruiter: Caller;
  let asManager: Caller;
  let asOtherRecruiter: Caller;
  let asOtherTenant: Caller;
  let jobId: string;
  const ids = { many: '', once: '', managed: '' };
  let asAdmin: Caller;

  async function withResume(name: string, email: string, body: string) {
    const candidate = await asRecruiter.candidates.create({ name, email, jobId });
    await asRecruiter.attachments.upload({
      candidateId: candidate.id,
      applicationId: candidate.applications[0]!.id,
      kind: 'resume',
      filename: 'resume.pdf',
      contentBase64: letterPdf({ heading: name, subheading: email, body, footer: '' }).toString('base64'),
    });
    return candidate;
  }

  beforeAll(async () => {
    deps = testDeps(db.orm());
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    tenantId = tenant.id;
    const recruiter = await seedUser(em, tenant, 'recruiter');
    const admin = await seedUser(em, tenant, 'admin');
    const otherRecruiter = await seedUser(em, tenant, 'recruiter');
    const manager = await seedUser(em, tenant, 'hiring_manager');
    const other = await seedTenant(em);
    const otherUser = await seedUser(em, other, 'recruiter');
    asRecruiter = await callerFor(deps, await sessionFor(deps, recruiter.id, tenant.id));
    asAdmin = await callerFor(deps, await sessionFor(deps, admin.id, tenant.id));
    asOtherRecruiter = await callerFor(deps, await sessionFor(deps, otherRecruiter.id, tenant.id));
    asManager = await callerFor(deps, await sessionFor(deps, manager.id, tenant.id));
    asOtherTenant = await callerFor(deps, await sessionFor(deps, otherUser.id, other.id));
    const job = await asRecruiter.jobs.create({
      title: 'Platform Engineer',
      department: 'Engineering',
      workplace: 'remote',
      employmentType: 'full_time',
    });
    jobId = job.id;
    const managersJob = await asRecruiter.jobs.create({
      title: 'Data Engineer',
      department: 'Engineering',
      workplace: 'remote',
      employmentType: 'full_time',
      hiringTeam: [{ userId: manager.id, role: 'hiring_manager' }],
    });
    ids.many = (
      await withResume(
        'Maja Many',
        'maja@example.test',
        'Kubernetes operator. Ran Kubernetes clusters; Kubernetes upgrades; wrote Zanzibarite tooling.',
      )
    ).id;
    ids.once = (
      await withResume(
        'Olaf Once',
        'olaf@example.test',
        'Backend developer, some Kubernetes, mostly Postgres.',
      )
    ).id;
    const managed = await asRecruiter.candidates.create({
      name: 'Mira Managed',
      email: 'mira@example.test',
      jobId: managersJob.id,
    });
    ids.managed = managed.id;
    await asRecruiter.attachments.upload({
      candidateId: managed.id,
      applicationId: managed.applications[0]!.id,
      kind: 'resume',
      filename: 'cv.pdf',
      contentBase64: letterPdf({
        heading: 'Mira Managed',
        subheading: '',
        body: 'Kubernetes and Spark pipelines.',
        footer: '',
      }).toString('base64'),
    });
    // The other tenant has a Kubernetes resume too.
    const stranger = await asOtherTenant.candidates.create({
      name: 'Stan Stranger',
      email: 'stan@example.test',
    });
    await asOtherTenant.attachments.upload({
      candidateId: stranger.id,
      kind: 'resume',
      filename: 'cv.pdf',
      contentBase64: letterPdf({
        heading: 'Stan',
        subheading: '',
        body: 'Kubernetes expert.',
        footer: '',
      }).toString('base64'),
    });
    while ((await indexPendingDocuments(db.orm(), deps)) > 0) {}
  });

  it('ranks the documents that say it most first, with a snippet around the match', async () => {
    const result = await asRecruiter.search.documents({ filter: { q: 'kubernetes' } });
    expect(result.data.map((h) => h.candidate.blind === false && h.candidate.name)).toEqual([
      'Maja Many',
      expect.any(String),
      expect.any(String),
    ]);
    expect(result.total).toBe(3);
    const [best, next] = result.data;
    expect(best!.rank).toBeGreaterThan(next!.rank);
    expect(best!.source).toBe('resume');
    expect(best!.application?.job.title).toBe('Platform Engineer');
    expect(snippetText(best!)).toMatch(/\[Kubernetes\]/);
    // Accents and case fold; the last word is a prefix.
    const prefix = await asRecruiter.search.documents({ filter: { q: 'ZANZIB' } });
    expect(prefix.data.map((h) => h.candidate.blind === false && h.candidate.id)).toEqual([ids.many]);
    expect(snippetText(prefix.data[0]!)).toContain('[Zanzibarite]');
    // Every word must occur.
    const both = await asRecruiter.search.documents({ filter: { q: 'kubernetes postgres' } });
    expect(both.data.map((h) => h.candidate.blind === false && h.candidate.id)).toEqual([ids.once]);
  });

  it('searches cover letters and answers once the application is indexed, and filters by what was searched', async () => {
    const em = tenantEm(db.orm(), tenantId);
    const candidate = await asRecruiter.candidates.get({ id: ids.once });
    const app = await em.findOneOrFail('Application', candidate.applications[0]!.id);
    // As if stored before search existed: a cover letter, no indexed text and not marked read.
    Object.assign(app, {
      coverLetter: 'I would love to build the Quasarbridge with you.',
      searchIndexedAt: null,
    });
    await em.flush();
    await em.nativeDelete(DocumentText, { application: candidate.applications[0]!.id, attachment: null });
    while ((await indexPendingDocuments(db.orm(), deps)) > 0) {}
    const found = await asRecruiter.search.documents({ filter: { q: 'quasarbridge' } });
    expect(found.data.map((h) => h.source)).toEqual(['cover_letter']);
    expect(
      (await asRecruiter.search.documents({ filter: { q: 'quasarbridge', in: ['resume', 'answers'] } })).data,
    ).toEqual([]);
    expect(
      (await asRecruiter.search.documents({ filter: { q: 'kubernetes', source: 'careers_site' } })).data,
    ).toEqual([]);
    expect(
      (await asRecruiter.search.documents({ filter: { q: 'kubernetes', minRecommendation: 'yes' } })).data,
    ).toEqual([]);
    expect(
      (await asRecruiter.search.documents({ filter: { q: 'kubernetes', talentPool: true } })).data,
    ).toEqual([]);
  });

  it('shows a hiring manager only their jobs, and another tenant nothing of this one', async () => {
    const managed = await asManager.search.documents({ filter: { q: 'kubernetes' } });
    expect(managed.data.map((h) => h.candidate.blind === false && h.candidate.id)).toEqual([ids.managed]);
    // Naming another job does not widen what they see.
    expect((await asManager.search.documents({ filter: { q: 'kubernetes', jobId } })).data).toEqual([]);
    expect((await asRecruiter.search.documents({ filter: { q: 'kubernetes', jobId } })).data).toHaveLength(2);
    const stranger = await asOtherTenant.search.documents({ filter: { q: 'kubernetes' } });
    expect(stranger.data.map((h) => h.candidate.blind === false && h.candidate.name)).toEqual([
      'Stan Stranger',
    ]);
    expect((await asOtherTenant.search.documents({ filter: { q: 'zanzibarite' } })).data).toEqual([]);
  });

  it('refuses a query without a word, and bad filters, as bad requests', async () => {
    for (const filter of [
      { q: '' },
      { q: '  ' },
      { q: '"*()' },
      { q: 'x'.repeat(201) },
      { q: 'a', in: ['x'] },
    ]) {
      expect(await codeOf(asRecruiter.search.documents({ filter } as never))).toBe('BAD_REQUEST');
    }
    // Query syntax is text, not an operator: quotes, stars and NEAR find nothing and break nothing.
    expect(
      (await asRecruiter.search.documents({ filter: { q: 'kubernetes" OR NEAR(* -' } })).data.length,
    ).toBeLessThanOrEqual(3);
  });

  it('finds no candidate who restricted processing', async () => {
    await asAdmin.candidates.restrict({ id: ids.managed });
    const result = await asRecruiter.search.documents({ filter: { q: 'spark' } });
    expect(result.data).toEqual([]);
    await asAdmin.candidates.liftRestriction({ id: ids.managed });
    expect((await asRecruiter.search.documents({ filter: { q: 'spark' } })).data).toHaveLength(1);
  });

  it('removes the index rows with the candidate’s erasure, and the words from the index itself', async () => {
    const em = tenantEm(db.orm(), tenantId);
    expect(await em.count(DocumentText, { candidate: ids.many })).toBeGreaterThan(0);
    await em.fork().transactional((tx) => eraseSubject(tx, ids.many));
    expect(await em.count(DocumentText, { candidate: ids.many })).toBe(0);
    expect((await asRecruiter.search.documents({ filter: { q: 'zanzibarite' } })).data).toEqual([]);
    if (ormDialectOfEm(em) === 'sqlite') {
      // Not merely marked deleted: the term is gone from the index's own pages (purgeSearchIndex).
      const rows = await em
        .getConnection()
        .execute<Array<{ n: number }>>(
          "select count(*) as n from document_search where document_search match 'zanzibarite'",
        );
      expect(rows[0]!.n).toBe(0);
      const vocabulary = await em
        .getConnection()
        .execute(
          'create virtual table if not exists temp.document_words using fts5vocab(main, document_search, row)',
        )
        .then(() =>
          em
            .getConnection()
            .execute<Array<{ term: string }>>(
              "select term from temp.document_words where term = 'zanzibarite'",
            ),
        );
      expect(vocabulary).toEqual([]);
    }
  });

  it('finds candidates, jobs and applications for the command palette, as far as the actor may see', async () => {
    const found = await asRecruiter.search.global({ q: 'Olaf' });
    expect(found.candidates.map((c) => c.name)).toEqual(['Olaf Once']);
    expect(found.applications.map((a) => a.job.title)).toEqual(['Platform Engineer']);
    const jobs = await asRecruiter.search.global({ q: 'engineer' });
    expect(jobs.jobs.map((j) => j.title)).toEqual(['Data Engineer', 'Platform Engineer']);
    const managers = await asManager.search.global({ q: 'engineer' });
    expect(managers.jobs.map((j) => j.title)).toEqual(['Data Engineer']);
    expect((await asManager.search.global({ q: 'Olaf' })).candidates).toEqual([]);
    expect((await asOtherTenant.search.global({ q: 'Olaf' })).candidates).toEqual([]);
  });

  it('removes an application’s index rows when retention anonymizes it', async () => {
    const em = tenantEm(db.orm(), tenantId);
    const candidate = await asRecruiter.candidates.get({ id: ids.once });
    const applicationId = candidate.applications[0]!.id;
    expect(await em.count(DocumentText, { application: applicationId })).toBeGreaterThan(0);
    await em.fork().transactional((tx) => anonymizeApplications(tx, tenantId, [applicationId]));
    expect(await em.count(DocumentText, { application: applicationId })).toBe(0);
    // Not read again: an anonymized application has nothing left to index.
    while ((await indexPendingDocuments(db.orm(), deps)) > 0) {}
    expect(await em.count(DocumentText, { application: applicationId })).toBe(0);
    expect((await asRecruiter.search.documents({ filter: { q: 'postgres' } })).data).toEqual([]);
  });

  it('reads only what is still unread, and restricted candidates wait without holding the others back', async () => {
    const readAll = async (batch: number) => {
      let read = 0;
      for (let n = await indexPendingDocuments(db.orm(), deps, batch); n > 0; ) {
        read += n;
        n = await indexPendingDocuments(db.orm(), deps, batch);
      }
      return read;
    };
    await readAll(50);
    expect(await readAll(50)).toBe(0);
    const held = [];
    for (const n of [1, 2, 3]) {
      const candidate = await withResume(`Held Back ${n}`, `held${n}@example.com`, 'Obsidianflux pipelines');
      await asAdmin.candidates.restrict({ id: candidate.id });
      held.push(candidate);
    }
    const fresh = await withResume('Fresh Reader', 'fresh.reader@example.com', 'Obsidianflux tooling');
    // A batch of one: if the restricted candidates' files were picked up and skipped, nothing else would be read.
    expect(await readAll(1)).toBe(2);
    const found = async () =>
      (await asAdmin.search.documents({ filter: { q: 'obsidianflux' } })).data.map(
        (h) => h.candidate.blind === false && h.candidate.id,
      );
    expect(await found()).toEqual([fresh.id]);
    await asAdmin.candidates.liftRestriction({ id: held[0]!.id });
    expect(await readAll(1)).toBe(2);
    expect((await found()).sort()).toEqual([fresh.id, held[0]!.id].sort());
  });

  it('keeps saved searches per person: saved, listed, re-run and deleted, nobody else’s', async () => {
    const saved = await asRecruiter.search.save({
      name: 'Kubernetes people',
      scope: 'documents',
      filter: { q: 'kubernetes', in: ['resume'] },
    });
    expect(await asRecruiter.search.saved()).toEqual([saved]);
    expect(await asOtherRecruiter.search.saved()).toEqual([]);
    expect(await asOtherTenant.search.saved()).toEqual([]);
    expect(await codeOf(asOtherRecruiter.search.deleteSaved({ id: saved.id }))).toBe('NOT_FOUND');
    expect(await codeOf(asOtherTenant.search.deleteSaved({ id: saved.id }))).toBe('NOT_FOUND');
    expect(await codeOf(asRecruiter.search.save({ name: ' ', scope: 'documents', filter: {} }))).toBe(
      'BAD_REQUEST',
    );
    await asRecruiter.search.deleteSaved({ id: saved.id });
    expect(await asRecruiter.search.saved()).toEqual([]);
    expect(await tenantEm(db.orm(), tenantId).count(SavedSearch, {})).toBe(0);
  });
});
