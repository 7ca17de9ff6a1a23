import { Application, ConsentEvent, DiversityResponse, Tenant } from '@candor/db';
import { forEachDatabase, seedPublishedNotice, seedTenant, seedUser } from '@candor/db/testing';
import { describe, expect, it } from 'vitest';
import { isSealedText } from '../keys/data-keys.js';
import { withdrawConsent } from '../portal/portal.service.js';
import { destroyErasedData, eraseSubject } from '../privacy/subject-erasure.js';
import { subjectExport } from '../privacy/subject-export.js';
import { anonymizeApplications } from '../retention/anonymize-application.js';
import { unzip } from '../testing/documents.js';
import { actorOf, seedJobWithApplicant, tenantEm } from '../testing/hiring-fixtures.js';
import { callerFor, httpClient, sessionFor, TEST_ORIGIN, testDeps } from '../testing/test-app.js';
import { surveyUrl } from './survey.service.js';

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

forEachDatabase('the diversity survey', (db) => {
  const setup = async (enabled = true) => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const admin = await seedUser(em, tenant, 'admin');
    await seedPublishedNotice(em, tenant);
    const deps = testDeps(db.orm());
    const tem = tenantEm(db.orm(), tenant.id);
    const tenantRow = await tem.findOneOrFail(Tenant, tenant.id);
    tenantRow.diversitySettings = {
      enabled,
      template: 'uk_eu',
      questions: ['gender', 'ethnicity', 'disability'],
      k: 10,
    };
    await tem.flush();
    const { candidate, applicationId } = await seedJobWithApplicant(
      db.orm(),
      actorOf(admin.id, tenant.id),
      {},
      { name: 'Sam Survey' },
    );
    const url = surveyUrl(
      deps.hashKey,
      TEST_ORIGIN,
      { ...tenantRow, diversitySettings: { ...tenantRow.diversitySettings!, enabled: true } },
      applicationId,
    )!;
    const path = url.slice(TEST_ORIGIN.length);
    const token = new URL(url).searchParams.get('t')!;
    const client = httpClient(deps);
    const post = (fields: Record<string, string>) =>
      client.request(`/careers/${tenant.slug}/diversity/`, {
        method: 'POST',
        headers: FORM,
        body: new URLSearchParams({ token, ...fields }).toString(),
      });
    const staff = await callerFor(deps, await sessionFor(deps, admin.id, tenant.id));
    return {
      tenant,
      tenantRow,
      admin,
      deps,
      candidate,
      applicationId,
      path,
      token,
      client,
      post,
      staff,
      tem,
    };
  };

  describe('answering', () => {
    it('asks with the tenant’s questions, refuses a form without consent or with a foreign answer, and stores sealed answers once', async () => {
      const w = await setup();
      const page = await w.client.request(w.path);
      expect(page.status).toBe(200);
      expect(page.headers.get('Cache-Control')).toBe('no-store');
      const html = await page.text();
      expect(html).toContain('Voluntary diversity survey');
      expect(html).toContain('Prefer not to say');
      // Only the questions this tenant asks, in the UK/EU wording.
      expect(html).toContain('Non-binary');
      expect(html).not.toContain('Sexual orientation');

      const noConsent = await w.post({ gender: 'woman' });
      expect(noConsent.status).toBe(400);
      expect(await noConsent.text()).toContain('Tick the box to agree');
      const foreign = await w.post({ consent: 'yes', gender: 'female' });
      expect(foreign.status).toBe(400);
      expect(await foreign.text()).toContain('Pick one of the answers offered');
      const em = tenantEm(db.orm(), w.tenant.id);
      expect(await em.count(DiversityResponse, {})).toBe(0);
      expect(await em.count(ConsentEvent, { purpose: 'diversity_reporting' })).toBe(0);

      const crossSite = await w.client.request(`/careers/${w.tenant.slug}/diversity/`, {
        method: 'POST',
        headers: { ...FORM, Origin: 'https://evil.example' },
        body: new URLSearchParams({ token: w.token, consent: 'yes', gender: 'woman' }).toString(),
      });
      expect(crossSite.status).toBe(403);

      const saved = await w.post({ consent: 'yes', gender: 'woman', ethnicity: 'prefer_not_to_say' });
      expect(saved.status).toBe(200);
      expect(await saved.text()).toContain('Thank you');
      const [row] = await em.find(DiversityResponse, {});
      expect(row).toMatchObject({
        application: { id: w.applicationId },
        candidate: { id: w.candidate.id },
        template: 'uk_eu',
        disability: null,
      });
      expect(isSealedText(row!.gender)).toBe(true);
      expect(isSealedText(row!.ethnicity)).toBe(true);
      const consent = await em.findOneOrFail(ConsentEvent, {
        candidate: w.candidate.id,
        purpose: 'diversity_reporting',
      });
      expect(consent).toMatchObject({ decision: 'given', channel: 'diversity_survey' });

      // The link cannot be used to answer again, nor to see the answers.
      const again = await w.client.request(w.path);
      expect(await again.text()).toContain('You have answered the survey');
      expect((await w.post({ consent: 'yes', gender: 'man' })).status).toBe(200);
      expect(await em.count(DiversityResponse, {})).toBe(1);
    });

    it('refuses a tampered or foreign link, and any link while the survey is off', async () => {
      const w = await setup(false);
      expect((await w.client.request(w.path)).status).toBe(400);
      const tem = tenantEm(db.orm(), w.tenant.id);
      const row = await tem.findOneOrFail(Tenant, w.tenant.id);
      row.diversitySettings = { ...row.diversitySettings!, enabled: true };
      await tem.flush();
      expect((await w.client.request(w.path)).status).toBe(200);
      // One character of the signature changed (not the last, whose low bits base64 ignores).
      const at = w.path.length - 10;
      const tampered = `${w.path.slice(0, at)}${w.path[at] === 'A' ? 'B' : 'A'}${w.path.slice(at + 1)}`;
      expect((await w.client.request(tampered)).status).toBe(400);
      const other = await seedTenant(db.orm().em.fork());
      expect((await w.client.request(w.path.replace(w.tenant.slug, other.slug))).status).toBe(400);
    });
  });

  describe('settings', () => {
    it('are for admins, validated (k no lower than 5), audited, and switch the survey on and off', async () => {
      const w = await setup(false);
      expect(await w.staff.diversity.settings()).toMatchObject({ enabled: false, template: 'uk_eu', k: 10 });
      await expect(
        w.staff.diversity.saveSettings({ enabled: true, template: 'us_eeo1', questions: ['gender'], k: 4 }),
      ).rejects.toThrow(/At least 5/);
      const saved = await w.staff.diversity.saveSettings({
        enabled: true,
        template: 'us_eeo1',
        questions: ['gender', 'veteran_status'],
        k: 12,
      });
      expect(saved).toEqual({
        enabled: true,
        template: 'us_eeo1',
        questions: ['gender', 'veteran_status'],
        k: 12,
      });
      const html = await (await w.client.request(w.path)).text();
      expect(html).toContain('I am not a protected veteran');
      expect(html).toContain('groups of at least 12');
      expect(html).not.toContain('Ethnic group');
      const recruiter = await seedUser(db.orm().em.fork(), w.tenant, 'recruiter');
      const asRecruiter = await callerFor(w.deps, await sessionFor(w.deps, recruiter.id, w.tenant.id));
      await expect(asRecruiter.diversity.settings()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });
  });

  describe('keeping the answers from staff', () => {
    it('leaves them out of everything staff read, puts them in the subject’s own export, and deletes them on withdrawal', async () => {
      const w = await setup();
      await w.post({ consent: 'yes', gender: 'non_binary', disability: 'yes' });
      const seen = JSON.stringify([
        await w.staff.candidates.get({ id: w.candidate.id }),
        await w.staff.applications.get({ id: w.applicationId }),
        await w.staff.applications.list({}),
      ]);
      expect(seen).not.toContain('non_binary');
      expect(seen).not.toContain('DiversityResponse');

      // An access request answered by staff: the zip they download says where the answers are, without them.
      const request = await w.staff.requests.create({
        type: 'access',
        channel: 'email',
        requesterEmail: w.candidate.email,
        receivedOn: new Date().toISOString().slice(0, 10),
        details: '',
      });
      await w.staff.requests.transition({ id: request.id, to: 'verified' });
      const zip = unzip(
        Buffer.from((await w.staff.requests.export({ id: request.id })).contentBase64, 'base64'),
      );
      const data = zip.get('data.json')!.toString('utf8');
      expect(data).not.toContain('non_binary');
      expect(JSON.parse(data).omitted.DiversityResponse).toContain('privacy portal');

      const own = await subjectExport(w.tem, w.candidate.id, w.deps, 'subject');
      expect(own.records.DiversityResponse?.[0]?.values).toMatchObject({
        gender: 'non_binary',
        disability: 'yes',
        ethnicity: null,
      });

      const done = await withdrawConsent(
        w.tem,
        w.deps,
        { tenant: w.tenantRow, email: w.candidate.email, requestId: 'test' },
        'diversity_reporting',
      );
      expect(done.kind).toBe('done');
      expect(await tenantEm(db.orm(), w.tenant.id).count(DiversityResponse, {})).toBe(0);
    });

    it('goes with the candidate’s erasure and with the application’s anonymization', async () => {
      const erased = await setup();
      await erased.post({ consent: 'yes', gender: 'woman' });
      const summary = await tenantEm(db.orm(), erased.tenant.id).transactional((tx) =>
        eraseSubject(tx, erased.candidate.id),
      );
      await destroyErasedData(erased.deps, summary);
      expect(summary.entities.DiversityResponse).toEqual({ anonymized: 0, deleted: 1 });
      expect(await tenantEm(db.orm(), erased.tenant.id).count(DiversityResponse, {})).toBe(0);

      const anonymized = await setup();
      await anonymized.post({ consent: 'yes', gender: 'man' });
      const done = await tenantEm(db.orm(), anonymized.tenant.id).transactional((tx) =>
        anonymizeApplications(tx, anonymized.tenant.id, [anonymized.applicationId]),
      );
      expect(done.deleted.DiversityResponse).toBe(1);
      expect(
        await tenantEm(db.orm(), anonymized.tenant.id).count(Application, { id: anonymized.applicationId }),
      ).toBe(1);
      // The link of an anonymized application no longer opens the survey.
      expect((await anonymized.client.request(anonymized.path)).status).toBe(400);
    });
  });
});
