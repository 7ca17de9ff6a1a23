import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forEachDatabase, seedTenant, seedUser } from '@candor/db/testing';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logging/logger.js';
import { callerFor, httpClient, sessionFor, TEST_ORIGIN, testDeps } from '../testing/test-app.js';
import { createCareersPublisher } from './careers-publisher.js';

forEachDatabase('careers publisher', (db) => {
  const setup = async () => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const recruiter = await seedUser(em, tenant, 'recruiter');
    const outDir = mkdtempSync(join(tmpdir(), 'candor-careers-int-'));
    const base = testDeps(db.orm());
    const publisher = createCareersPublisher({
      orm: db.orm(),
      outDir,
      publicUrl: TEST_ORIGIN,
      logger: createLogger('error', () => undefined),
      files: base.files,
      masterKey: base.masterKey,
    });
    // The real router, whose job mutations publish through the real publisher.
    const deps = { ...base, publishCareers: publisher.publish, careersDir: outDir };
    const caller = await callerFor(deps, await sessionFor(deps, recruiter.id, tenant.id));
    const read = (path: string) => readFileSync(join(outDir, tenant.slug, path), 'utf8');
    return { tenant, caller, outDir, publisher, read };
  };

  describe('publishing', () => {
    it('publishes an opened job with JobPosting data, and keeps a closed job as a closed page', async () => {
      const { tenant, caller, outDir, read } = await setup();
      const job = await caller.jobs.create({
        title: 'Field Robotics Engineer',
        department: 'Engineering',
        city: 'Lisbon',
        country: 'PT',
        workplace: 'onsite',
        employmentType: 'full_time',
        descriptionMd: 'Build **robots**. <script>alert(1)</script>',
        salary: { min: 50_000, max: 70_000, currency: 'EUR', period: 'year' },
      });
      const draft = await caller.jobs.create({ title: 'Secret Draft', department: 'Engineering', workplace: 'remote', employmentType: 'contract' });
      await caller.jobs.setStatus({ id: job.id, status: 'open' });

      const page = read(`jobs/${job.id}/index.html`);
      const ld = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page)![1]!);
      expect(ld).toMatchObject({
        '@type': 'JobPosting',
        title: 'Field Robotics Engineer',
        employmentType: 'FULL_TIME',
        hiringOrganization: { name: tenant.name, sameAs: `${TEST_ORIGIN}/careers/${tenant.slug}/` },
        jobLocation: { address: { addressLocality: 'Lisbon', addressCountry: 'PT' } },
        baseSalary: { currency: 'EUR', value: { minValue: 50_000, maxValue: 70_000, unitText: 'YEAR' } },
      });
      expect(Date.parse(ld.validThrough)).toBeGreaterThan(Date.parse(ld.datePosted));
      expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(page.match(/<script/g)).toHaveLength(1);
      expect(read('index.html')).toContain('Field Robotics Engineer');
      expect(read('sitemap.xml')).toContain(`${TEST_ORIGIN}/careers/${tenant.slug}/jobs/${job.id}/`);
      expect(existsSync(join(outDir, tenant.slug, 'jobs', draft.id))).toBe(false);
      expect(read('index.html')).not.toContain('Secret Draft');

      await caller.jobs.update({ id: job.id, title: 'Field Robotics Lead' });
      expect(read(`jobs/${job.id}/index.html`)).toContain('Field Robotics Lead');

      await caller.jobs.setStatus({ id: job.id, status: 'closed' });
      const closed = read(`jobs/${job.id}/index.html`);
      expect(closed).toContain('This role is closed');
      expect(closed).not.toContain('<script');
      expect(read('index.html')).toContain('No open roles right now');
      expect(read('sitemap.xml')).not.toContain(job.id);
      // Earlier versions are cleaned up: the link and the version it points to remain.
      expect(readdirSync(outDir).sort()).toEqual([expect.stringMatching(/^\./), tenant.slug]);
    });

    it("shows only the tenant's own jobs, and concurrent publishes leave one complete site", async () => {
      const a = await setup();
      const b = await setup();
      const theirs = await b.caller.jobs.create({ title: 'Other Tenant Role', department: 'Sales', workplace: 'remote', country: 'DE', employmentType: 'part_time' });
      await b.caller.jobs.setStatus({ id: theirs.id, status: 'open' });
      await Promise.all([a.publisher.publish(a.tenant.id), a.publisher.publish(a.tenant.id), a.publisher.publish(a.tenant.id)]);
      expect(a.read('index.html')).not.toContain('Other Tenant Role');
      expect(readdirSync(a.outDir).sort()).toEqual([expect.stringMatching(/^\./), a.tenant.slug]);
      expect(b.read('index.html')).toContain('Other Tenant Role');
      expect(b.read(`jobs/${theirs.id}/index.html`)).toContain('Remote (Germany)');
    });
  });
});

forEachDatabase('robots.txt', (db) => {
  it('lives at the host root and lists every tenant sitemap, keeping crawlers out of the backoffice', async () => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const res = await httpClient(testDeps(db.orm())).request('/robots.txt');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain(`Sitemap: ${TEST_ORIGIN}/careers/${tenant.slug}/sitemap.xml`);
    expect(text).toContain('Disallow: /admin/');
  });
});
