import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Candidate,
  Disclosure,
  type Em,
  Interview,
  OutboxEmail,
  subjectGraph,
  subjectWhere,
  TENANT_FILTER,
} from '@candor/db';
import { forEachDatabase, seedPublishedNotice, seedTenant, seedUser } from '@candor/db/testing';
import { describe, expect, it } from 'vitest';
import { proofAddressRef } from '../audit/audit-subject.js';
import { diskFileStore } from '../files/file-store.js';
import { setJobStatus } from '../jobs/jobs.service.js';
import { candidateKey, openDeep } from '../keys/data-keys.js';
import { createLogger } from '../logging/logger.js';
import { deliverDueEmails } from '../mail/dispatcher.js';
import { fileTransport } from '../mail/transport.js';
import { daysFromNow } from '../testing/dates.js';
import { pdfBytes, unzip } from '../testing/documents.js';
import { actorOf, seedJobWithApplicant, tenantEm } from '../testing/hiring-fixtures.js';
import { callerFor, httpClient, sessionFor, TEST_ORIGIN, testDeps } from '../testing/test-app.js';
import { destroyErasedData, eraseSubject } from './subject-erasure.js';
import { buildSubjectExportZip, exportWhere, subjectExport } from './subject-export.js';

/** Every row of every table, as text: what a look into the database file would find. */
async function everyRow(em: Em): Promise<string> {
  const knex = em.getKnex();
  const isPg = em.getPlatform().constructor.name.toLowerCase().includes('postgre');
  const tables: string[] = isPg
    ? (
        await knex.raw(`select tablename as name from pg_tables where schemaname = current_schema()`)
      ).rows.map((r: { name: string }) => r.name)
    : (await knex.raw(`select name from sqlite_master where type = 'table'`)).map(
        (r: { name: string }) => r.name,
      );
  const dumps: string[] = [];
  for (const table of tables) {
    const rows = await knex.raw(isPg ? `select * from "${table}"` : `select * from \`${table}\``);
    const text = JSON.stringify(isPg ? rows.rows : rows, (_k, v) =>
      v?.type === 'Buffer' ? Buffer.from(v.data).toString('latin1') : v,
    );
    dumps.push(`${table}: ${text}`);
  }
  return dumps.join('\n');
}

forEachDatabase('subject export and erasure', (db) => {
  const setup = async () => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const admin = await seedUser(em, tenant, 'admin');
    const interviewer = await seedUser(em, tenant, 'hiring_manager', { name: 'Ivo Interviewer-Zeta' });
    await seedPublishedNotice(em, tenant);
    const filesRoot = mkdtempSync(join(tmpdir(), 'candor-subject-files-'));
    const deps = testDeps(db.orm(), { files: diskFileStore(filesRoot) });
    const actor = actorOf(admin.id, tenant.id);
    const jobs: Awaited<ReturnType<typeof seedJobWithApplicant>>['job'][] = [];
    for (const title of ['Robot Whisperer', 'Gripper Tuner']) {
      const { job } = await seedJobWithApplicant(db.orm(), actor, {
        title,
        questions: [{ label: 'Why robots?', kind: 'long_text', required: false }],
        criteria: [{ name: 'Craft' }],
      });
      await setJobStatus(tenantEm(db.orm(), tenant.id), actor, job.id, 'open');
      jobs.push(job);
    }
    const client = httpClient(deps);
    const apply = (
      jobId: string,
      person: { name: string; email: string; token: string },
      questionId: string,
    ) => {
      const form = new FormData();
      for (const [k, v] of Object.entries({
        name: person.name,
        email: person.email,
        phone: '+49 30 5550101',
        location: `Berlin ${person.token}`,
        links: `https://example.test/${person.token}`,
        coverLetter: `Cover letter ${person.token}`,
        [`answer:${questionId}`]: `Because ${person.token}`,
        'consent:talent_pool': 'yes',
        ageConfirmed: 'yes',
        noticeVersion: '1',
      })) {
        form.append(k, v);
      }
      form.append('resume', new File([pdfBytes(`resume ${person.token}`)], `cv-${person.token}.pdf`));
      return client.request(`/careers/${tenant.slug}/jobs/${jobId}/apply`, {
        method: 'POST',
        headers: { Accept: 'application/json' },
        body: form,
      });
    };
    // Unique per setup: the database is shared by the tests of this file, and the scan reads all of it.
    const run = Math.random().toString(36).slice(2, 8);
    const ada = {
      name: `Ada Subjectova ${run}`,
      email: `ada.subjectova.${run}@example.test`,
      token: `zq-ada-${run}`,
    };
    const bob = {
      name: `Bob Bystander ${run}`,
      email: `bob.bystander.${run}@example.test`,
      token: `zq-bob-${run}`,
    };
    for (const job of jobs) expect((await apply(job.id, ada, job.questions[0]!.id)).status).toBe(201);
    expect((await apply(jobs[0]!.id, bob, jobs[0]!.questions[0]!.id)).status).toBe(201);

    // Staff data about Ada: a note, a tag, an interview with a scorecard.
    const staff = await callerFor(deps, await sessionFor(deps, admin.id, tenant.id));
    const adaRow = await tenantEm(db.orm(), tenant.id).findOneOrFail(Candidate, { email: ada.email });
    const adaApps = (await staff.candidates.get({ id: adaRow.id })).applications;
    const appId = adaApps.find((a) => a.jobId === jobs[0]!.id)!.id;
    await staff.applications.addNote({ applicationId: appId, body: `Note about ${ada.token}` });
    await staff.applications.setTags({ id: appId, tags: [`tag-${ada.token}`] });
    const interview = await staff.interviews.schedule({
      applicationId: appId,
      startsAt: '2030-01-10T09:00:00Z',
      endsAt: '2030-01-10T10:00:00Z',
      interviewerIds: [interviewer.id],
      videoUrl: 'https://meet.example.test/abc',
      // Staff's free text names the candidate more often than not.
      title: `Call with ${ada.name}`,
      location: `Desk of ${ada.token}`,
    });
    const asInterviewer = await callerFor(deps, await sessionFor(deps, interviewer.id, tenant.id));
    await asInterviewer.interviews.submitScorecard({
      interviewId: interview.id,
      ratings: [{ criterionId: jobs[0]!.criteria[0]!.id, rating: 3 }],
      recommendation: 'yes',
      notes: `Scorecard notes ${ada.token}`,
    });
    // The structured profile, filled in by staff (sealed like the rest).
    await staff.candidates.updateProfile({
      candidateId: adaRow.id,
      education: [
        {
          institution: `University of ${ada.token}`,
          degree: 'MSc',
          field: 'Robotics',
          startDate: '2015-09',
          endDate: '2017-07',
        },
      ],
      workHistory: [
        {
          employer: `Employer ${ada.token}`,
          title: 'Engineer',
          startDate: '2017-09',
          endDate: null,
          summary: `Built grippers at ${ada.token}`,
        },
      ],
      rightToWork: [{ country: 'DE', status: 'yes' }],
      salaryExpectation: { amount: 71234, currency: 'EUR', period: 'year' },
    });
    return { tenant, deps, ada, bob, adaId: adaRow.id, filesRoot, staff, client, appId, interviewer, jobs };
  };

  /** Every personal value of the candidate, read straight from the tables the catalogue points at (`scope`: all of them, or those their export holds). */
  async function personalValuesOf(
    em: Em,
    candidateId: string,
    email: string,
    scope: typeof exportWhere = subjectWhere,
  ) {
    const values: Array<{ entity: string; id: string; property: string; value: unknown }> = [];
    for (const node of subjectGraph(em)) {
      for (const row of (await em.find(node.entity, scope(node, candidateId, email))) as Array<
        Record<string, unknown> & { id: string }
      >) {
        for (const { property } of node.personal) {
          const value = row[property];
          if (value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0)) {
            values.push({ entity: node.entity, id: String(row.id), property, value });
          }
        }
      }
    }
    return values;
  }

  describe('export', () => {
    it('names the authors of opinions about the person when the tenant chooses names', async () => {
      const { tenant, deps, adaId, staff } = await setup();
      const settings = await staff.privacy.settings();
      await staff.privacy.updateSettings({ ...settings, exportStaffNames: true });
      const data = await subjectExport(tenantEm(db.orm(), tenant.id), adaId, deps);
      expect(data.records.Scorecard?.[0]?.related.author).toEqual({
        role: 'Hiring manager',
        name: 'Ivo Interviewer-Zeta',
      });
    });

    it('holds every categorized value of the candidate, found through the catalogue, and nothing of anyone else', async () => {
      const { tenant, deps, ada, bob, adaId, interviewer } = await setup();
      const em = tenantEm(db.orm(), tenant.id);
      const data = await subjectExport(em, adaId, deps);
      const values = await personalValuesOf(em, adaId, ada.email, exportWhere);
      // Notes, answers and cover letters are stored sealed; the export holds them opened.
      const key = await candidateKey(em, deps, { tenantId: tenant.id, candidateId: adaId });
      // The seed reaches deep: candidate, applications, answers, files, consents, receipts, notes, tags, scorecards, emails.
      expect(new Set(values.map((v) => v.entity))).toEqual(
        new Set([
          'Candidate',
          'Application',
          'Attachment',
          'ConsentEvent',
          'ConsentReceipt',
          'ApplicationNote',
          'ApplicationTag',
          'Interview',
          'Scorecard',
          'OutboxEmail',
          'CandidateProfile',
        ]),
      );
      for (const { entity, id, property, value } of values) {
        const record = data.records[entity]?.find((r) => r.id === id);
        expect(record, `${entity} ${id}`).toBeDefined();
        expect(JSON.stringify(record?.values[property]), `${entity}.${property}`).toBe(
          JSON.stringify(value instanceof Date ? value.toISOString() : openDeep(key, value)),
        );
        expect(record?.categories[property]).toBeTruthy();
      }
      const text = JSON.stringify(data);
      expect(text).toContain('Robot Whisperer'); // jobs are named, for context
      for (const opened of [
        `Note about ${ada.token}`,
        `Because ${ada.token}`,
        `Cover letter ${ada.token}`,
        `Scorecard notes ${ada.token}`,
        `University of ${ada.token}`,
        `Built grippers at ${ada.token}`,
      ])
        expect(text).toContain(opened);
      expect(data.records.CandidateProfile?.[0]?.categories).toMatchObject({
        education: 'user.education',
        workHistory: 'user.professional.history',
        rightToWork: 'user.professional.right_to_work',
        salaryExpectation: 'user.financial.salary_expectation',
      });
      expect(data.records.CandidateProfile?.[0]?.values.salaryExpectation).toEqual({
        amount: '71234',
        currency: 'EUR',
        period: 'year',
      });
      expect(text).not.toContain('enc:v1.');
      for (const foreign of [bob.name, bob.email, bob.token]) expect(text).not.toContain(foreign);
      expect(data.sources.Scorecard).toMatch(/evaluations/);
      // Staff data is not the person's: the interviewer's invitation, name and address stay out; the scorecard says who by role.
      for (const staffOnly of ['Ivo Interviewer-Zeta', interviewer.email, 'BEGIN:VCALENDAR'])
        expect(text).not.toContain(staffOnly);
      expect(data.records.Scorecard?.[0]?.related.author).toEqual({ role: 'Hiring manager' });
      expect(data.records.OutboxEmail?.every((m) => m.values.to === ada.email)).toBe(true);

      const zip = unzip(await buildSubjectExportZip(em, deps, adaId, 'subject'));
      expect(JSON.parse(zip.get('data.json')!.toString('utf8'))).toMatchObject({
        format: 'candor.subject-export',
        version: 2,
      });
      const resumes = [...zip.keys()].filter((name) => name.startsWith('files/'));
      expect(resumes).toHaveLength(2);
      expect(zip.get(resumes[0]!)!.toString('latin1')).toContain(`resume ${ada.token}`);
    });
  });

  describe('erasure', () => {
    it('leaves no personal value of the candidate in any table or file, and the others untouched', async () => {
      const { tenant, deps, ada, bob, adaId, filesRoot } = await setup();
      const em = tenantEm(db.orm(), tenant.id);
      const asText = (v: { value: unknown }) =>
        typeof v.value === 'string' ? v.value : JSON.stringify(v.value);
      const bobRow = await em.findOneOrFail(Candidate, { email: bob.email });
      // Values Bob has too (a subject line naming the job, a stage) say nothing about Ada.
      const shared = new Set((await personalValuesOf(em, bobRow.id, bob.email)).map(asText));
      const adaValues = (await personalValuesOf(em, adaId, ada.email))
        .map(asText)
        // Hers alone: naming her, or long and unique (receipts); not template text any applicant gets.
        .filter(
          (v) =>
            !shared.has(v) &&
            ([ada.token, ada.name, ada.email].some((mine) => v.includes(mine)) || v.length >= 200),
        );
      const seeded = [ada.name, ada.email, ada.token, ...adaValues];
      const before = await everyRow(db.orm().em.fork());
      for (const value of [ada.name, ada.email, bob.name, bob.email]) expect(before).toContain(value);

      const summary = await em.fork().transactional((tx) => eraseSubject(tx, adaId));
      await destroyErasedData(deps, summary);
      expect(await candidateKey(em, deps, { tenantId: tenant.id, candidateId: adaId })).toBeNull();
      expect(summary.entities.Candidate).toEqual({ anonymized: 1, deleted: 0 });
      expect(summary.entities.Attachment?.deleted).toBe(2);
      expect(summary.entities.CandidateProfile?.deleted).toBe(1);

      const after = await everyRow(db.orm().em.fork());
      for (const value of seeded) {
        const where = after
          .split('\n')
          .filter((line) => line.includes(value))
          .map((line) => line.slice(0, line.indexOf(':')));
        expect(where, `still holds ${value.slice(0, 40)}`).toEqual([]);
      }
      const files = readdirSync(filesRoot, { recursive: true, withFileTypes: true }).filter((f) =>
        f.isFile(),
      );
      for (const file of files)
        expect(readFileSync(join(file.parentPath, file.name), 'latin1')).not.toContain(ada.token);
      expect(files).toHaveLength(1); // Bob's resume

      // What stays is anonymous: the applications, their jobs and stages, and dates.
      const anonymized = await tenantEm(db.orm(), tenant.id).findOneOrFail(Candidate, adaId);
      expect(anonymized.name).toBe(`Anonymized candidate #${adaId.slice(0, 8)}`);
      expect(
        (await subjectExport(tenantEm(db.orm(), tenant.id), adaId, deps)).records.Application,
      ).toHaveLength(2);
      // Bob is untouched, and applying again with Ada's email makes a fresh candidate.
      for (const value of [bob.name, bob.email]) expect(after).toContain(value);
      const bobApp = (await subjectExport(tenantEm(db.orm(), tenant.id), bobRow.id, deps)).records
        .Application?.[0];
      expect(bobApp?.values.coverLetter).toBe(`Cover letter ${bob.token}`);
      const fresh = await tenantEm(db.orm(), tenant.id).findOne(Candidate, { email: ada.email });
      expect(fresh).toBeNull();
    });

    it('of a person who went through everything leaves only what docs/retention.md keeps, in the form it says', async () => {
      const { tenant, deps, ada, adaId, filesRoot, staff, client, appId, jobs } = await setup();
      const em = tenantEm(db.orm(), tenant.id);
      // An offer (its letter is a file naming her), a disclosure to a recipient, her own portal sign-in and correction.
      const settings = await staff.privacy.settings();
      await staff.privacy.updateSettings({
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
        ],
      });
      await staff.candidates.recordDisclosure({
        candidateId: adaId,
        recipient: 'Checkr',
        categories: ['user.name', 'user.contact.email', 'user.contact.phone_number'],
      });
      const offer = await staff.offers.create({
        applicationId: appId,
        salary: 70_000,
        currency: 'EUR',
        startDate: daysFromNow(60),
        expiresOn: daysFromNow(30),
      });
      const approver = await seedUser(db.orm().em.fork(), tenant, 'admin');
      await (await callerFor(deps, await sessionFor(deps, approver.id, tenant.id))).offers.approve({
        id: offer.id,
      });
      await staff.offers.send({ id: offer.id });
      const portal = (rest: string, fields: Record<string, string>) =>
        client.request(`/careers/${tenant.slug}/privacy/portal/${rest}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: TEST_ORIGIN },
          body: new URLSearchParams(fields),
        });
      expect((await portal('code', { email: ada.email })).status).toBe(200);
      const [codeMail] = await db
        .orm()
        .em.fork()
        .find(
          OutboxEmail,
          { to: ada.email, template: 'portal.code' },
          { filters: { [TENANT_FILTER]: false } },
        );
      const code = /^ {4}(\d{6})$/m.exec(codeMail!.text)![1]!;
      const verified = await portal('verify', { email: ada.email, code });
      expect(verified.status).toBe(303);
      const cookie = verified.headers.get('Set-Cookie')!.split(';')[0]!;
      const signedIn = (rest: string, fields: Record<string, string>) =>
        client.request(`/careers/${tenant.slug}/privacy/portal/${rest}`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/x-www-form-urlencoded',
            Origin: TEST_ORIGIN,
            Cookie: cookie,
          },
          body: new URLSearchParams(fields),
        });
      const corrected = await signedIn('contact', {
        name: ada.name,
        email: ada.email,
        phone: '+49 30 5550199',
        location: `Berlin ${ada.token}`,
      });
      expect(corrected.headers.get('Location')).toContain('done=contact_updated');
      expect(await em.fork().count(OutboxEmail, { template: 'recipient_notice' })).toBe(1);
      expect((await signedIn('erase', { confirm: 'yes' })).status).toBe(303);

      const seeded = [ada.name, ada.email, ada.token, '5550199'];
      const before = await everyRow(db.orm().em.fork());
      for (const value of seeded) expect(before).toContain(value);

      const [request] = (await staff.requests.list({ type: 'erasure' })).filter(
        (r) => r.requesterEmail === ada.email,
      );
      if (request!.status === 'received')
        await staff.requests.transition({ id: request!.id, to: 'verified' });
      await staff.requests.executeErasure({ id: request!.id });
      // The answer and the Art. 19 notice go out, then keep only their proof.
      await deliverDueEmails(
        db.orm().em.fork(),
        fileTransport(mkdtempSync(join(tmpdir(), 'candor-residue-mail-'))),
        'x@candor.test',
        createLogger('silent'),
      );

      const after = await everyRow(db.orm().em.fork());
      for (const value of seeded) {
        const where = after
          .split('\n')
          .filter((line) => line.includes(value))
          .map((line) => line.slice(0, line.indexOf(':')));
        expect(where, `still holds ${value}`).toEqual([]);
      }
      // Kept by law (docs/retention.md): the request, the disclosure log, and the proof of the answer and notice, naming no one.
      const proofs = await db
        .orm()
        .em.fork()
        .find(OutboxEmail, { proofAddressHash: { $ne: null } }, { filters: { [TENANT_FILTER]: false } });
      expect(
        proofs
          .map((p) => [
            p.template,
            p.text,
            p.to === proofAddressRef(ada.email) || p.to === proofAddressRef('privacy@checkr.example'),
          ])
          .sort(),
      ).toEqual(
        [
          ['privacy_request', '', true],
          ['recipient_notice', '', true],
        ].sort(),
      );
      expect(await em.fork().count(Disclosure, { candidate: adaId })).toBe(1);
      const interviews = await em.fork().find(Interview, { application: { candidate: adaId } });
      expect(interviews.map((i) => [i.title, i.location])).toEqual([['', null]]);
      const files = readdirSync(filesRoot, { recursive: true, withFileTypes: true }).filter((f) =>
        f.isFile(),
      );
      expect(files).toHaveLength(1); // Bob's resume; Ada's two resumes and the offer letter are gone
      expect(jobs).toHaveLength(2);
    });
  });
});
