import { ApiKey, AuditEvent, Disclosure, TENANT_FILTER } from '@candor/db';
import { forEachDatabase, seedTenant, seedUser } from '@candor/db/testing';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { hashApiKey } from '../api-keys/api-keys.service.js';
import { RateLimiter } from '../http/rate-limit.js';
import { eraseSubject } from '../privacy/subject-erasure.js';
import { actorOf, seedJobWithApplicant, tenantEm } from '../testing/hiring-fixtures.js';
import { callerFor, sessionFor, testDeps } from '../testing/test-app.js';

// biome-ignore lint/suspicious/noExplicitAny: response bodies, read by the assertions
type Body = any;
type JsonResponse = Omit<Response, 'json'> & { json(): Promise<Body> };

forEachDatabase('the REST API with API keys', (db) => {
  const setup = async (overrides: Parameters<typeof testDeps>[1] = {}) => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em, { name: 'Api Corp' });
    const admin = await seedUser(em, tenant, 'admin');
    const recruiter = await seedUser(em, tenant, 'recruiter');
    const deps = testDeps(db.orm(), overrides);
    const asAdmin = await callerFor(deps, await sessionFor(deps, admin.id, tenant.id));
    const asRecruiter = await callerFor(deps, await sessionFor(deps, recruiter.id, tenant.id));
    const seeded = await seedJobWithApplicant(
      db.orm(),
      actorOf(recruiter.id, tenant.id, 'recruiter'),
      {},
      {
        name: 'Ada Applicant',
      },
    );
    const { createApp } = await import('../app.js');
    const app = createApp(deps);
    const call = async (key: string | null, path: string, init: RequestInit = {}): Promise<JsonResponse> => {
      const headers = new Headers(init.headers);
      if (key) headers.set('Authorization', `Bearer ${key}`);
      if (init.body) headers.set('Content-Type', 'application/json');
      return app.request(`http://candor.test/api/v1${path}`, { ...init, headers });
    };
    return { tenant, admin, deps, asAdmin, asRecruiter, seeded, call };
  };

  describe('keys', () => {
    it('creates a key shown once, stores only its hash, lists it and revokes it (audited)', async () => {
      const { asAdmin, asRecruiter, call, tenant } = await setup();
      const created = await asAdmin.apiKeys.create({
        name: 'Personio sync',
        scopes: ['jobs:read', 'jobs:read'],
      });
      expect(created.key).toMatch(/^cnd_[0-9a-f]{8}_/);
      expect(created.key.startsWith(created.apiKey.prefix)).toBe(true);
      expect(created.apiKey.scopes).toEqual(['jobs:read']);

      const em = db.orm().em.fork();
      const row = await em.findOneOrFail(ApiKey, created.apiKey.id, { filters: { [TENANT_FILTER]: false } });
      expect(row.secretHash).toBe(hashApiKey(created.key));
      expect(JSON.stringify(row)).not.toContain(created.key);

      const listed = await asAdmin.apiKeys.list();
      expect(listed.map((k) => k.id)).toEqual([created.apiKey.id]);
      expect(JSON.stringify(listed)).not.toContain(created.key.slice(13));
      expect(listed[0]!.lastUsedAt).toBeNull();

      // Recruiters neither see nor make keys.
      await expect(asRecruiter.apiKeys.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });

      expect((await call(created.key, '/jobs')).status).toBe(200);
      expect((await asAdmin.apiKeys.list())[0]!.lastUsedAt).not.toBeNull();

      const revoked = await asAdmin.apiKeys.revoke({ id: created.apiKey.id });
      expect(revoked.revokedAt).not.toBeNull();
      const refused = await call(created.key, '/jobs');
      expect(refused.status).toBe(401);
      expect(refused.headers.get('WWW-Authenticate')).toContain('Bearer');

      const actions = (
        await em.find(
          AuditEvent,
          { tenant: tenant.id, targetType: 'ApiKey' },
          { filters: { [TENANT_FILTER]: false } },
        )
      ).map((e) => e.action);
      expect(actions.sort()).toEqual(['api_key.create', 'api_key.revoke']);
    });

    it('refuses requests without a key or with a made-up one', async () => {
      const { call } = await setup();
      expect((await call(null, '/jobs')).status).toBe(401);
      expect((await call(`cnd_00000000_${'a'.repeat(43)}`, '/jobs')).status).toBe(401);
      expect((await call('not-a-key', '/candidates')).status).toBe(401);
    });
  });

  describe('scopes and data', () => {
    it('answers 403 naming the missing scope', async () => {
      const { asAdmin, call } = await setup();
      const { key } = await asAdmin.apiKeys.create({ name: 'Jobs only', scopes: ['jobs:read'] });
      const res = await call(key, '/candidates');
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({
        error: { code: 'FORBIDDEN', missingScope: 'candidates:read' },
      });
      const post = await call(key, '/candidates', { method: 'POST', body: '{}' });
      expect(post.status).toBe(403);
      expect((await post.json()).error.missingScope).toBe('candidates:write');
    });

    it('reads jobs, candidates and applications, and logs each candidate released as a disclosure', async () => {
      const { asAdmin, call, seeded, tenant } = await setup();
      const { key } = await asAdmin.apiKeys.create({
        name: 'HR suite',
        scopes: ['jobs:read', 'candidates:read', 'applications:read', 'reports:read'],
      });
      const jobs = await (await call(key, '/jobs')).json();
      expect(jobs.data.map((j: { id: string }) => j.id)).toContain(seeded.job.id);
      expect(JSON.stringify(jobs)).not.toContain('hiringTeam');
      const job = await (await call(key, `/jobs/${seeded.job.id}`)).json();
      expect(job.stages.length).toBeGreaterThan(0);

      const candidates = await (await call(key, '/candidates?perPage=10')).json();
      expect(candidates.data.map((c: { name: string }) => c.name)).toContain('Ada Applicant');
      expect(candidates).toMatchObject({ page: 1, perPage: 10, total: 1, hasMore: false });
      const pageOne = await (await call(key, '/applications?perPage=1&page=1')).json();
      expect(pageOne).toMatchObject({ total: 1, hasMore: false });
      expect((await (await call(key, '/candidates?perPage=1&page=2')).json()).data).toEqual([]);
      const one = await call(key, `/candidates/${seeded.candidate.id}`);
      expect(one.status).toBe(200);
      expect((await one.json()).applications).toHaveLength(1);

      const apps = await (await call(key, `/applications?jobId=${seeded.job.id}`)).json();
      expect(apps.data).toHaveLength(1);
      expect(apps.data[0].candidate.name).toBe('Ada Applicant');
      const app = await (await call(key, `/applications/${seeded.applicationId}`)).json();
      expect(app.stageHistory.length).toBeGreaterThan(0);
      expect(app).not.toHaveProperty('notes');

      const report = await call(key, `/reports/pipeline?jobId=${seeded.job.id}`);
      expect(report.status).toBe(200);
      expect((await report.json()).funnel.length).toBeGreaterThan(0);

      // Updated since a time in the future: nothing.
      const later = new Date(Date.now() + 60_000).toISOString();
      expect((await (await call(key, `/candidates?updatedSince=${later}`)).json()).data).toEqual([]);
      expect((await (await call(key, `/applications?updatedSince=${later}`)).json()).data).toEqual([]);
      expect((await (await call(key, `/jobs?updatedSince=${later}`)).json()).data).toEqual([]);

      const log = await db
        .orm()
        .em.fork()
        .find(
          Disclosure,
          { tenant: tenant.id, candidate: seeded.candidate.id },
          { filters: { [TENANT_FILTER]: false } },
        );
      // Candidates listed and read, applications listed twice and read; jobs, the report and an empty page name no one.
      expect(log).toHaveLength(5);
      expect(new Set(log.map((d) => d.recipientName))).toEqual(new Set(['HR suite']));
      expect(new Set(log.map((d) => d.via))).toEqual(new Set(['api']));
      expect(log.every((d) => d.categories.includes('user.name'))).toBe(true);
    });

    it('creates a candidate and an application and moves it, with the services’ checks', async () => {
      const { asAdmin, call, seeded } = await setup();
      const { key } = await asAdmin.apiKeys.create({
        name: 'Writer',
        scopes: ['candidates:write', 'applications:write', 'applications:read'],
      });
      const created = await call(key, '/candidates', {
        method: 'POST',
        body: JSON.stringify({
          name: 'Nina New',
          email: `nina-${Date.now()}@example.test`,
          source: 'imported',
        }),
      });
      expect(created.status).toBe(201);
      const nina = await created.json();
      expect(nina.name).toBe('Nina New');

      const dup = await call(key, '/candidates', {
        method: 'POST',
        body: JSON.stringify({ name: 'Nina Again', email: nina.email }),
      });
      expect(dup.status).toBe(409);

      const applied = await call(key, '/applications', {
        method: 'POST',
        body: JSON.stringify({ candidateId: nina.id, jobId: seeded.job.id }),
      });
      expect(applied.status).toBe(201);
      const application = await applied.json();
      const screening = application.jobStages.find(
        (s: { kind: string }) => s.kind !== 'applied' && s.kind !== 'rejected',
      );
      const moved = await call(key, `/applications/${application.id}/stage`, {
        method: 'POST',
        body: JSON.stringify({ stageId: screening.id }),
      });
      expect(moved.status).toBe(200);
      expect((await moved.json()).stage.id).toBe(screening.id);
    });

    it('answers malformed bodies and queries with 400 and field errors', async () => {
      const { asAdmin, call } = await setup();
      const { key } = await asAdmin.apiKeys.create({
        name: 'Sloppy',
        scopes: ['candidates:write', 'candidates:read'],
      });
      const res = await call(key, '/candidates', {
        method: 'POST',
        body: JSON.stringify({ name: '', email: 'not-an-email' }),
      });
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.error.code).toBe('BAD_REQUEST');
      expect(Object.keys(body.error.fieldErrors)).toEqual(expect.arrayContaining(['name', 'email']));

      const broken = await call(key, '/candidates', { method: 'POST', body: '{"name": ' });
      expect(broken.status).toBe(400);
      const query = await call(key, '/candidates?perPage=1000&updatedSince=yesterday');
      expect(query.status).toBe(400);
      expect(Object.keys((await query.json()).error.fieldErrors)).toEqual(
        expect.arrayContaining(['perPage', 'updatedSince']),
      );
      expect((await call(key, '/candidates/not-a-uuid')).status).toBe(400);
    });
  });

  describe('same rules as the backoffice', () => {
    it('never shows another tenant’s data, nor a candidate who restricted processing', async () => {
      const a = await setup();
      const b = await setup();
      const { key } = await a.asAdmin.apiKeys.create({
        name: 'Tenant A sync',
        scopes: ['candidates:read', 'applications:read', 'jobs:read', 'applications:write'],
      });
      expect((await a.call(key, `/candidates/${b.seeded.candidate.id}`)).status).toBe(404);
      expect((await a.call(key, `/applications/${b.seeded.applicationId}`)).status).toBe(404);
      expect((await a.call(key, `/jobs/${b.seeded.job.id}`)).status).toBe(404);
      const list = JSON.stringify(await (await a.call(key, '/candidates?perPage=100')).json());
      expect(list).not.toContain(b.seeded.candidate.id);
      const move = await a.call(key, `/applications/${b.seeded.applicationId}/stage`, {
        method: 'POST',
        body: JSON.stringify({ stageId: b.seeded.job.stages[1]!.id }),
      });
      expect([404, 400]).toContain(move.status);

      await a.asAdmin.candidates.restrict({ id: a.seeded.candidate.id });
      expect((await a.call(key, `/candidates/${a.seeded.candidate.id}`)).status).toBe(404);
      expect((await a.call(key, `/applications/${a.seeded.applicationId}`)).status).toBe(404);
      const after = JSON.stringify(await (await a.call(key, '/candidates?perPage=100')).json());
      expect(after).not.toContain(a.seeded.candidate.id);
      const apps = JSON.stringify(await (await a.call(key, '/applications?perPage=100')).json());
      expect(apps).not.toContain(a.seeded.applicationId);
    });

    it('shows an erased candidate only as the backoffice does, and logs no disclosure of them', async () => {
      const { asAdmin, call, seeded, tenant } = await setup();
      const { key } = await asAdmin.apiKeys.create({ name: 'Eraser check', scopes: ['candidates:read'] });
      await tenantEm(db.orm(), tenant.id).transactional((tx) => eraseSubject(tx, seeded.candidate.id));
      const res = await call(key, `/candidates/${seeded.candidate.id}`);
      if (res.status === 200) {
        const body = await res.json();
        expect(JSON.stringify(body)).not.toContain('Ada Applicant');
        expect(body.email).toMatch(/@erased\.invalid$/);
      } else expect(res.status).toBe(404);
      const list = JSON.stringify(await (await call(key, '/candidates?perPage=100')).json());
      expect(list).not.toContain('Ada Applicant');
      const log = await db
        .orm()
        .em.fork()
        .find(Disclosure, { tenant: tenant.id, via: 'api' }, { filters: { [TENANT_FILTER]: false } });
      expect(log).toEqual([]);
    });

    it('limits requests per key across the shared store: 429 with Retry-After', async () => {
      const { asAdmin, call } = await setup({
        limits: {
          ...testDeps(db.orm()).limits,
          apiPerKey: new RateLimiter(3, 60_000, { store: db.orm(), name: `api-key-${Date.now()}` }),
        },
      });
      const { key } = await asAdmin.apiKeys.create({ name: 'Busy', scopes: ['jobs:read'] });
      const { key: other } = await asAdmin.apiKeys.create({ name: 'Calm', scopes: ['jobs:read'] });
      for (let i = 0; i < 3; i++) expect((await call(key, '/jobs')).status).toBe(200);
      const limited = await call(key, '/jobs');
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
      expect((await call(other, '/jobs')).status).toBe(200);
    });
  });

  describe('the document', () => {
    it('is a valid OpenAPI 3.1 document listing every route, and the reference page renders it without scripts', async () => {
      const { call } = await setup();
      const res = await call(null, '/openapi.json');
      expect(res.status).toBe(200);
      const doc = await res.json();
      expect(doc.openapi).toBe('3.1.0');
      const result = await new Validator().validate(doc);
      expect(result.errors ?? []).toEqual([]);
      expect(result.valid).toBe(true);
      const operations = Object.entries(doc.paths as Record<string, object>).flatMap(([path, item]) =>
        Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`),
      );
      expect(operations.sort()).toEqual(
        [
          'GET /jobs',
          'GET /jobs/{id}',
          'GET /candidates',
          'GET /candidates/{id}',
          'POST /candidates',
          'GET /applications',
          'GET /applications/{id}',
          'POST /applications',
          'POST /applications/{id}/stage',
          'GET /reports/pipeline',
        ].sort(),
      );
      for (const item of Object.values(doc.paths as Record<string, Record<string, { security: object[] }>>))
        for (const op of Object.values(item)) expect(op.security).toHaveLength(1);

      const page = await call(null, '/docs');
      expect(page.status).toBe(200);
      expect(page.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
      const html = await page.text();
      expect(html).toContain('<h1>');
      expect(html).toContain('/applications/{id}/stage');
      expect(html).toContain('candidates:write');
      expect(html).not.toMatch(/<script|https?:\/\/(?!candor\.test)[a-z]/i);
    });
  });
});
