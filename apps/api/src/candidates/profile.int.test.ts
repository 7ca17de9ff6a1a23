import { Application, AuditEvent, CandidateProfile, DocumentText } from '@candor/db';
import { forEachDatabase, seedTenant, seedUser } from '@candor/db/testing';
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { candidateKey, isSealedText, sealAnswers, sealFor } from '../keys/data-keys.js';
import { subjectExport } from '../privacy/subject-export.js';
import { indexPendingDocuments } from '../search/document-index.js';
import { actorOf, seedJobWithApplicant, tenantEm } from '../testing/hiring-fixtures.js';
import { callerFor, sessionFor, testDeps } from '../testing/test-app.js';
import { saveProfile } from './profile.service.js';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

const PROFILE = {
  education: [
    {
      institution: 'Universidade do Porto',
      degree: 'MSc',
      field: 'Electrical engineering',
      startDate: '2014-09',
      endDate: '2016-07',
    },
  ],
  workHistory: [
    {
      employer: 'Initech Robotics',
      title: 'Firmware engineer',
      startDate: '2016-09',
      endDate: null,
      summary: 'Motor control on small arms.',
    },
  ],
  rightToWork: [
    { country: 'pt', status: 'yes' as const },
    { country: 'US', status: 'needs_sponsorship' as const },
  ],
  salaryExpectation: { amount: 64000, currency: 'eur', period: 'year' as const },
};

/** Every row of the tables a profile or a correction touches, as text. */
async function rowsOf(em: ReturnType<typeof tenantEm>, tables: string[]): Promise<string> {
  const knex = em.getKnex();
  const dumps: string[] = [];
  for (const table of tables) dumps.push(JSON.stringify(await knex(table).select('*')));
  return dumps.join('\n');
}

forEachDatabase('candidate profile and corrections', (db) => {
  const setup = async () => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const admin = await seedUser(em, tenant, 'admin');
    const recruiter = await seedUser(em, tenant, 'recruiter');
    const manager = await seedUser(em, tenant, 'hiring_manager');
    const outsiderManager = await seedUser(em, tenant, 'hiring_manager');
    const deps = testDeps(db.orm());
    const { candidate, applicationId, job } = await seedJobWithApplicant(
      db.orm(),
      actorOf(admin.id, tenant.id),
      {
        hiringTeam: [{ userId: manager.id, role: 'hiring_manager' }],
        questions: [{ label: 'Why robots?', kind: 'long_text', required: false }],
      },
    );
    const as = async (userId: string) => callerFor(deps, await sessionFor(deps, userId, tenant.id));
    return {
      tenant,
      deps,
      candidate,
      applicationId,
      job,
      tem: tenantEm(db.orm(), tenant.id),
      asRecruiter: await as(recruiter.id),
      asManager: await as(manager.id),
      asOutsider: await as(outsiderManager.id),
    };
  };

  describe('profile', () => {
    it('starts empty, saves every section sealed, reads back normalized, and is audited', async () => {
      const { candidate, asRecruiter, tem, tenant, deps } = await setup();
      expect(await asRecruiter.candidates.profile({ id: candidate.id })).toMatchObject({
        education: [],
        workHistory: [],
        rightToWork: [],
        salaryExpectation: null,
        updatedAt: null,
      });
      const saved = await asRecruiter.candidates.updateProfile({ candidateId: candidate.id, ...PROFILE });
      expect(saved.rightToWork).toEqual([
        { country: 'PT', status: 'yes' },
        { country: 'US', status: 'needs_sponsorship' },
      ]);
      expect(saved.salaryExpectation).toEqual({ amount: 64000, currency: 'EUR', period: 'year' });
      expect(await asRecruiter.candidates.profile({ id: candidate.id })).toEqual(saved);

      // Nothing readable at rest: every value is sealed under the candidate's key.
      const raw = await rowsOf(tem, ['candidate_profile']);
      for (const plain of ['Universidade do Porto', 'Initech', '64000', 'needs_sponsorship'])
        expect(raw).not.toContain(plain);
      const row = await tem.findOneOrFail(CandidateProfile, { candidate: candidate.id });
      expect(isSealedText(row.education[0]!.institution)).toBe(true);

      const actions = (await tem.find(AuditEvent, { targetId: candidate.id })).map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['candidate.profile.read', 'candidate.profile.create']));
      // The export holds it opened.
      const data = await subjectExport(tem, candidate.id, deps, 'staff');
      expect(JSON.stringify(data.records.CandidateProfile)).toContain('Universidade do Porto');
      expect(tenant.id).toBeTruthy();
    });

    it('replaces the sections on save: the old values are gone, no copy kept', async () => {
      const { candidate, asRecruiter, tem } = await setup();
      await asRecruiter.candidates.updateProfile({ candidateId: candidate.id, ...PROFILE });
      const before = await tem.findOneOrFail(CandidateProfile, { candidate: candidate.id });
      const oldSealed = before.workHistory[0]!.employer;
      tem.clear();
      const corrected = await asRecruiter.candidates.updateProfile({
        candidateId: candidate.id,
        ...PROFILE,
        workHistory: [{ ...PROFILE.workHistory[0]!, employer: 'Initrode Robotics' }],
        salaryExpectation: null,
      });
      expect(corrected.workHistory[0]!.employer).toBe('Initrode Robotics');
      expect(corrected.salaryExpectation).toBeNull();
      expect(await tem.count(CandidateProfile, { candidate: candidate.id })).toBe(1);
      const everywhere = await rowsOf(tem, ['candidate_profile', 'audit_event', 'application', 'candidate']);
      expect(everywhere).not.toContain(oldSealed);
      expect(everywhere).not.toContain('Initrode');
      expect(
        await tem.count(AuditEvent, { action: 'candidate.profile.update', targetId: candidate.id }),
      ).toBe(1);
    });

    it('saving some sections (as the apply form does) keeps the others', async () => {
      const { candidate, asRecruiter, tem, tenant, deps } = await setup();
      await asRecruiter.candidates.updateProfile({ candidateId: candidate.id, ...PROFILE });
      const key = await candidateKey(tem, deps, { tenantId: tenant.id, candidateId: candidate.id });
      await saveProfile(tem, key!, {
        tenantId: tenant.id,
        candidateId: candidate.id,
        userId: null,
        sections: { education: [{ ...PROFILE.education[0]!, institution: 'TU Delft' }] },
      });
      await tem.flush();
      const after = await asRecruiter.candidates.profile({ id: candidate.id });
      expect(after.education.map((e) => e.institution)).toEqual(['TU Delft']);
      expect(after.workHistory.map((w) => w.employer)).toEqual(['Initech Robotics']);
      expect(after.rightToWork).toHaveLength(2);
      expect(after.salaryExpectation).toEqual({ amount: 64000, currency: 'EUR', period: 'year' });
    });

    it('refuses what is not a profile, in plain words', async () => {
      const { candidate, asRecruiter } = await setup();
      const bad = (patch: object) =>
        codeOf(asRecruiter.candidates.updateProfile({ candidateId: candidate.id, ...PROFILE, ...patch }));
      expect(await bad({ rightToWork: [{ country: 'Portugal', status: 'yes' }] })).toBe('BAD_REQUEST');
      expect(
        await bad({
          rightToWork: [
            { country: 'PT', status: 'yes' },
            { country: 'pt', status: 'not_stated' },
          ],
        }),
      ).toBe('BAD_REQUEST');
      expect(await bad({ education: [{ ...PROFILE.education[0]!, startDate: 'last year' }] })).toBe(
        'BAD_REQUEST',
      );
    });

    it('a hiring manager on the team reads it but cannot change it; one off the team does not find it', async () => {
      const { candidate, asRecruiter, asManager, asOutsider } = await setup();
      await asRecruiter.candidates.updateProfile({ candidateId: candidate.id, ...PROFILE });
      expect((await asManager.candidates.profile({ id: candidate.id })).education).toHaveLength(1);
      expect(
        await codeOf(asManager.candidates.updateProfile({ candidateId: candidate.id, ...PROFILE })),
      ).toBe('FORBIDDEN');
      expect(await codeOf(asOutsider.candidates.profile({ id: candidate.id }))).toBe('NOT_FOUND');
    });

    it('cannot be edited while processing is restricted', async () => {
      const { candidate, asRecruiter, tenant } = await setup();
      const em = db.orm().em.fork();
      const owner = await seedUser(em, tenant, 'owner');
      const deps = testDeps(db.orm());
      const asOwner = await callerFor(deps, await sessionFor(deps, owner.id, tenant.id));
      await asOwner.candidates.restrict({ id: candidate.id });
      expect(await codeOf(asOwner.candidates.updateProfile({ candidateId: candidate.id, ...PROFILE }))).toBe(
        'PRECONDITION_FAILED',
      );
      expect(await codeOf(asRecruiter.candidates.profile({ id: candidate.id }))).toBe('NOT_FOUND');
    });
  });

  describe('corrections', () => {
    const seedAnswers = async (s: Awaited<ReturnType<typeof setup>>) => {
      const key = await candidateKey(
        s.tem,
        s.deps,
        { tenantId: s.tenant.id, candidateId: s.candidate.id },
        { create: true },
      );
      const app = await s.tem.findOneOrFail(Application, s.applicationId);
      const questionId = s.job.questions[0]!.id;
      app.answers = sealAnswers(key, [{ questionId, label: 'Why robots?', answer: 'Becuase gears zqtypo' }]);
      app.coverLetter = sealFor(key, 'Dear team, I worked at Globex zqold.');
      await s.tem.flush();
      // The indexer reads it once, as it would have after the application came in.
      while ((await indexPendingDocuments(db.orm(), s.deps)) > 0) {}
      s.tem.clear();
      return { questionId, oldAnswer: app.answers[0]!.answer, oldLetter: app.coverLetter };
    };

    it('overwrites answers and the cover letter, audits it, and has search read the new text', async () => {
      const s = await setup();
      const { questionId, oldAnswer, oldLetter } = await seedAnswers(s);
      expect(await s.tem.count(DocumentText, { application: s.applicationId })).toBe(2);
      const corrected = await s.asRecruiter.applications.correct({
        id: s.applicationId,
        answers: [{ questionId, answer: 'Because gears' }],
        coverLetter: 'Dear team, I worked at Initech.',
      });
      expect(corrected.answers).toEqual([expect.objectContaining({ questionId, answer: 'Because gears' })]);
      expect(corrected.coverLetter).toBe('Dear team, I worked at Initech.');

      const app = await s.tem.findOneOrFail(Application, s.applicationId);
      expect(app.searchIndexedAt).toBeNull();
      expect(await s.tem.count(DocumentText, { candidate: s.candidate.id })).toBe(0);
      const everywhere = await rowsOf(s.tem, ['application', 'audit_event', 'document_text']);
      for (const old of [oldAnswer, oldLetter, 'zqtypo', 'zqold']) expect(everywhere).not.toContain(old);
      expect(
        await s.tem.count(AuditEvent, { action: 'application.correct', targetId: s.applicationId }),
      ).toBe(1);

      // The index is rebuilt from the corrected text.
      while ((await indexPendingDocuments(db.orm(), s.deps)) > 0) {}
      const texts = (await s.tem.fork().find(DocumentText, { application: s.applicationId })).map(
        (t) => t.source,
      );
      expect(texts.sort()).toEqual(['answers', 'cover_letter']);
      expect(await rowsOf(s.tem, ['document_text'])).not.toContain('zqold');
    });

    it('removes the cover letter with null, refuses unknown questions, and is for recruiters and admins only', async () => {
      const s = await setup();
      await seedAnswers(s);
      expect(
        (await s.asRecruiter.applications.correct({ id: s.applicationId, coverLetter: null })).coverLetter,
      ).toBeNull();
      const salary = await s.asRecruiter.applications.correct({
        id: s.applicationId,
        salaryExpectation: '70k EUR',
      });
      expect(salary.salaryExpectation).toBe('70k EUR');
      expect(
        (await s.asRecruiter.applications.correct({ id: s.applicationId, salaryExpectation: null }))
          .salaryExpectation,
      ).toBeNull();
      expect(
        await codeOf(
          s.asRecruiter.applications.correct({
            id: s.applicationId,
            answers: [{ questionId: 'no-such-question', answer: 'x' }],
          }),
        ),
      ).toBe('BAD_REQUEST');
      expect(await codeOf(s.asRecruiter.applications.correct({ id: s.applicationId }))).toBe('BAD_REQUEST');
      expect(
        await codeOf(s.asManager.applications.correct({ id: s.applicationId, coverLetter: 'Mine now' })),
      ).toBe('FORBIDDEN');
    });
  });
});
