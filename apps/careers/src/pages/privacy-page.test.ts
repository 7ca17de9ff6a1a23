import { describe, expect, it } from 'vitest';
import { renderTenantSite } from '../build-site.js';
import { seedCareersTenant, seedNotice } from '../testing/fixtures.js';

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
});
