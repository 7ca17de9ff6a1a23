import {
  careersPrivacyOf,
  DEFAULT_PRIVACY_SETTINGS,
  DEFAULT_RETENTION_POLICY,
  type TRetentionPolicy,
  ZRecipient,
} from '@candor/schemas';
import { describe, expect, it } from 'vitest';
import { renderTenantSite } from '../build-site.js';
import { seedApplyConfig, seedCareersJob, seedCareersTenant, seedNotice } from '../testing/fixtures.js';

describe('privacy notice pages', () => {
  const tenant = seedCareersTenant();
  const base = `/careers/${tenant.slug}/`;
  const notices = [
    seedNotice({ version: 1, effectiveOn: '2026-01-01', bodyMd: '# Version one\n\nWe keep it <short>.' }),
    seedNotice({
      version: 2,
      effectiveOn: '2026-06-01',
      bodyMd: '# Version two\n\n**Longer** retention.',
      materialChange: true,
      changeSummary: 'Talent pool profiles are kept for 24 months & not 12.',
    }),
    seedNotice({
      version: 3,
      effectiveOn: '2027-01-15',
      bodyMd: '# Version three',
      materialChange: true,
      changeSummary: 'A new processor.',
    }),
  ];
  const site = renderTenantSite({ tenant, notices, today: '2026-11-20', baseUrl: 'https://jobs.acme.test' });
  const page = site.get('privacy/index.html')!;

  it('shows the version in effect, rendered and escaped, with its version and date', () => {
    expect(page).toContain('<h1>Privacy notice</h1>');
    expect(page).toContain('Version 2 · in effect since June 1, 2026');
    expect(page).toContain('<h2>Version two</h2>\n<p><strong>Longer</strong> retention.</p>');
    expect(page).not.toContain('Version one');
  });

  it('announces a published version that is not in effect yet', () => {
    expect(page).toContain('A new version, 3, takes effect on January 15, 2027.');
    expect(page).toContain('What changes: A new processor.');
    expect(page).toContain(`<a href="${base}privacy/versions/3/">Read version 3</a>`);
  });

  it('keeps the purposes at a glance, and explains receipts, the key and GPC', () => {
    expect(page).toContain('<caption>Purposes of processing</caption>');
    expect(page).toContain('Art. 6(1)(b) GDPR');
    expect(page).toContain(`<a href="${base}jwks.json">${base}jwks.json</a>`);
    expect(page).toContain('Global Privacy Control');
  });

  it('lists every version, flags material changes and links each one', () => {
    const archive = page.slice(page.indexOf('id="archive"'));
    const rows = [...archive.matchAll(/<tr><td><a href="([^"]+)">Version (\d)<\/a>(.*?)<\/tr>/g)];
    expect(rows.map((r) => [r[1], r[2]])).toEqual([
      [`${base}privacy/versions/3/`, '3'],
      [`${base}privacy/versions/2/`, '2'],
      [`${base}privacy/versions/1/`, '1'],
    ]);
    expect(rows[0]![3]).toContain('upcoming');
    expect(rows[1]![3]).toContain('in effect');
    expect(rows[1]![3]).toContain(
      '<strong class="material">Material change</strong>: Talent pool profiles are kept for 24 months &amp; not 12.',
    );
    expect(rows[2]![3]).toContain('First version');
  });

  it('gives each version its own page, saying where it stands', () => {
    const v1 = site.get('privacy/versions/1/index.html')!;
    expect(v1).toContain('<h1>Privacy notice, version 1</h1>');
    expect(v1).toContain('We keep it &lt;short&gt;.');
    expect(v1).toContain('Version 2 replaced this version on June 1, 2026.');
    expect(site.get('privacy/versions/2/index.html')).toContain('This is the version in effect.');
    expect(site.get('privacy/versions/3/index.html')).toContain(
      'This version takes effect on January 15, 2027.',
    );
    const sitemap = site.get('sitemap.xml')!;
    for (const n of [1, 2, 3])
      expect(sitemap).toContain(`<loc>https://jobs.acme.test${base}privacy/versions/${n}/</loc>`);
  });

  it('keeps the generated page while no version is published', () => {
    const plain = renderTenantSite({ tenant }).get('privacy/index.html')!;
    expect(plain).toContain('uses Candor to handle applications');
    expect(plain).toContain('<caption>Purposes of processing</caption>');
    expect(plain).not.toContain('All versions');
    expect([...renderTenantSite({ tenant }).keys()].some((path) => path.includes('versions/'))).toBe(false);
  });

  it('shows the generated page with the announcement when the first version is not in effect yet', () => {
    const early = renderTenantSite({
      tenant,
      notices: [seedNotice({ effectiveOn: '2027-01-01' })],
      today: '2026-11-20',
    });
    const pageBefore = early.get('privacy/index.html')!;
    expect(pageBefore).toContain('uses Candor to handle applications');
    expect(pageBefore).toContain('A new version, 1, takes effect on January 1, 2027.');
  });

  describe("the tenant's own purposes, recipients and periods", () => {
    /** The default policy with the talent pool at 18 months (36 for jobs in CH), asked 14 days before. */
    const policy: TRetentionPolicy = {
      rules: DEFAULT_RETENTION_POLICY.rules.map((r) =>
        r.id === 'talent_pool' ? { ...r, period: { amount: 18, unit: 'months' }, renewalNoticeDays: 14 } : r,
      ),
      overrides: [{ country: 'CH', ruleId: 'talent_pool', period: { amount: 36, unit: 'months' } }],
    };
    const consentPurposes = [
      { ...DEFAULT_PRIVACY_SETTINGS.consentPurposes[0]!, label: 'Keep me in the <pool>' },
      {
        key: 'events',
        label: 'Invite me to hiring events',
        description: 'Twice a year',
        marketing: true,
        enabled: true,
      },
      { key: 'marketing', label: 'Old newsletter', description: '', marketing: true, enabled: false },
    ];
    const render = (options: {
      diversitySurvey: boolean;
      recipients?: Parameters<typeof careersPrivacyOf>[0]['recipients'];
    }) =>
      renderTenantSite({
        tenant,
        notices,
        today: '2026-11-20',
        privacy: careersPrivacyOf({
          consentPurposes,
          recipients: options.recipients ?? [],
          diversitySurvey: options.diversitySurvey,
          policy,
        }),
      }).get('privacy/index.html')!;
    const glance = (page: string) => page.slice(page.indexOf('id="glance"'), page.indexOf('id="recipients"'));

    it('lists the recruitment purpose and the consent purposes the tenant enabled, by its labels, and nothing it does not do', () => {
      const table = glance(render({ diversitySurvey: false }));
      expect(table).toContain('Assessing your application for the job you applied to');
      expect(table).toContain('Keep me in the &lt;pool&gt;');
      expect(table).toContain('Invite me to hiring events<br><span class="hint">Twice a year</span>');
      expect(table).toContain('Consent (Art. 6(1)(a) GDPR)');
      for (const absent of [
        'Old newsletter',
        'News about the company',
        'Background and reference checks',
        'diversity',
        'Gender',
        'Keeping Candor secure',
      ]) {
        expect(table).not.toContain(absent);
      }
    });

    it('lists the diversity survey, on explicit consent, only when the tenant runs it', () => {
      const table = glance(render({ diversitySurvey: true }));
      expect(table).toContain('Anonymous diversity reporting, never used in hiring decisions');
      expect(table).toContain('Explicit consent (special categories) (Art. 9(2)(a) GDPR)');
    });

    it('says how long from the retention policy in force, with country overrides and the renewal notice', () => {
      const table = glance(render({ diversitySurvey: false }));
      expect(table).toContain(
        '<li>18 months from when you agree, then erased unless you renew (36 months for jobs in CH); we ask you 14 days before it ends</li>',
      );
      expect(table).toContain(
        '<li>If you are not hired: your application is anonymized 6 months after the decision</li>',
      );
      expect(table).toContain('<li>Until you withdraw your consent</li>');
      expect(table).not.toContain('24 months');
    });

    it('names the recipients and, for those outside the EEA, the transfer and its safeguard', () => {
      const page = render({
        diversitySurvey: false,
        recipients: [
          ZRecipient.parse({
            name: 'Mailer Inc',
            role: 'processor',
            purpose: 'Delivers emails',
            country: 'US',
            safeguard: 'scc',
            notifyEmail: 'x@mailer.example',
          }),
          ZRecipient.parse({
            name: 'Lohn GmbH',
            role: 'controller',
            purpose: 'Payroll for hires',
            country: 'DE',
            safeguard: 'none',
            notifyEmail: '',
          }),
        ],
      });
      const section = page.slice(page.indexOf('id="recipients"'));
      expect(section).toContain(
        '<tr><td>Mailer Inc</td><td>Processor: works on our behalf, under our instructions</td><td>Delivers emails</td><td>US, outside the European Economic Area. Safeguard: Standard contractual clauses (Art. 46(2)(c))</td></tr>',
      );
      expect(section).toContain('<td>DE, in the European Economic Area</td>');
      expect(section).not.toContain('x@mailer.example');
      expect(section).not.toContain('is not transferred to a third country');
      const none = render({ diversitySurvey: false });
      expect(none.slice(none.indexOf('id="recipients"'))).toContain('discloses your data to no one else');
    });

    it("tells the applicant on the form how long the talent pool lasts for this job's country", () => {
      const privacy = careersPrivacyOf({ consentPurposes, recipients: [], diversitySurvey: false, policy });
      const site = (country: string) =>
        renderTenantSite({
          tenant,
          notices,
          today: '2026-11-20',
          apply: seedApplyConfig(),
          privacy,
          jobs: [seedCareersJob({ country })],
        });
      const form = (country: string) =>
        [...site(country)].find(([path]) => path.endsWith('/apply/index.html'))![1];
      expect(form('DE')).toContain(
        'How long: 18 months from when you agree, then erased unless you renew; we ask you 14 days before it ends. You can withdraw at any time.',
      );
      expect(form('CH')).toContain('How long: 36 months from when you agree');
    });

    it('names the periods in the page’s language', () => {
      const page = renderTenantSite({
        tenant,
        notices,
        today: '2026-11-20',
        locale: 'de',
        privacy: careersPrivacyOf({ consentPurposes, recipients: [], diversitySurvey: false, policy }),
      }).get('privacy/index.html')!;
      const table = glance(page);
      expect(table).toContain('18 Monate ab Ihrer Einwilligung');
      expect(table).toContain('36 Monate für Stellen in CH');
      expect(table).not.toContain('months');
    });
  });
});
