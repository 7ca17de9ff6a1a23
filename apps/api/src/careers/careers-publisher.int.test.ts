import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forEachDatabase, seedTenant, seedUser } from '@candor/db/testing';
import { DEFAULT_PRIVACY_SETTINGS, DEFAULT_RETENTION_POLICY } from '@candor/schemas';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logging/logger.js';
import { diskCareersSite } from '../storage/careers-site.js';
import { callerFor, httpClient, sessionFor, TEST_ORIGIN, testDeps } from '../testing/test-app.js';
import { createCareersPublisher } from './careers-publisher.js';

forEachDatabase('careers publisher', (db) => {
  const setup = async (role: 'recruiter' | 'admin' = 'recruiter') => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const recruiter = await seedUser(em, tenant, role);
    const outDir = mkdtempSync(join(tmpdir(), 'candor-careers-int-'));
    const base = testDeps(db.orm());
    const publisher = createCareersPublisher({
      orm: db.orm(),
      site: diskCareersSite(outDir),
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
      const draft = await caller.jobs.create({
        title: 'Secret Draft',
        department: 'Engineering',
        workplace: 'remote',
        employmentType: 'contract',
      });
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
      const theirs = await b.caller.jobs.create({
        title: 'Other Tenant Role',
        department: 'Sales',
        workplace: 'remote',
        country: 'DE',
        employmentType: 'part_time',
      });
      await b.caller.jobs.setStatus({ id: theirs.id, status: 'open' });
      await Promise.all([
        a.publisher.publish(a.tenant.id),
        a.publisher.publish(a.tenant.id),
        a.publisher.publish(a.tenant.id),
      ]);
      expect(a.read('index.html')).not.toContain('Other Tenant Role');
      expect(readdirSync(a.outDir).sort()).toEqual([expect.stringMatching(/^\./), a.tenant.slug]);
      expect(b.read('index.html')).toContain('Other Tenant Role');
      expect(b.read(`jobs/${theirs.id}/index.html`)).toContain('Remote (Germany)');
    });
  });
});

forEachDatabase('careers privacy page', (db) => {
  it("states the tenant's own purposes, recipients, transfers and periods, and is republished when any of them changes", async () => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const admin = await seedUser(em, tenant, 'admin');
    const outDir = mkdtempSync(join(tmpdir(), 'candor-careers-privacy-'));
    const base = testDeps(db.orm());
    const publisher = createCareersPublisher({
      orm: db.orm(),
      site: diskCareersSite(outDir),
      publicUrl: TEST_ORIGIN,
      logger: createLogger('error', () => undefined),
      files: base.files,
      masterKey: base.masterKey,
    });
    const deps = { ...base, publishCareers: publisher.publish, careersDir: outDir };
    const caller = await callerFor(deps, await sessionFor(deps, admin.id, tenant.id));
    const glance = () => {
      const page = readFileSync(join(outDir, tenant.slug, 'privacy/index.html'), 'utf8');
      return page.slice(page.indexOf('id="glance"'));
    };

    await publisher.publish(tenant.id);
    expect(glance()).not.toContain('diversity');
    expect(glance()).not.toContain('Background and reference checks');
    expect(glance()).toContain('24 months from when you agree');

    await caller.privacy.updateSettings({
      ...DEFAULT_PRIVACY_SETTINGS,
      consentPurposes: [
        {
          key: 'events',
          label: 'Invite me to hiring events',
          description: '',
          marketing: true,
          enabled: true,
        },
      ],
      recipients: [
        {
          name: 'Mailer Inc',
          role: 'processor',
          purpose: 'Delivers emails',
          country: 'US',
          safeguard: 'scc',
          notifyEmail: '',
        },
      ],
    });
    expect(glance()).toContain('Invite me to hiring events');
    expect(glance()).not.toContain('Keep my profile in the talent pool');
    expect(glance()).toContain('Mailer Inc');
    expect(glance()).toContain(
      'US, outside the European Economic Area. Safeguard: Standard contractual clauses (Art. 46(2)(c))',
    );

    await caller.diversity.saveSettings({ enabled: true });
    expect(glance()).toContain('Anonymous diversity reporting, never used in hiring decisions');
    expect(glance()).toContain('Art. 9(2)(a) GDPR');

    await caller.retention.savePolicy({
      rules: DEFAULT_RETENTION_POLICY.rules.map((r) =>
        r.id === 'rejected_applications' ? { ...r, period: { amount: 3, unit: 'months' } } : r,
      ),
      overrides: [{ country: 'FR', ruleId: 'rejected_applications', period: { amount: 2, unit: 'months' } }],
    });
    expect(glance()).toContain(
      'your application is anonymized 3 months after the decision (2 months for jobs in FR)',
    );

    await caller.diversity.saveSettings({ enabled: false });
    expect(glance()).not.toContain('diversity');
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
