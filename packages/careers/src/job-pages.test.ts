import { describe, expect, it } from 'vitest';
import { renderTenantSite } from './build-site.js';
import { type TCareersJob, validThroughFor } from './careers-job.js';
import { renderMarkdown } from './markdown.js';
import { seedCareersJob } from './testing/fixtures.js';

const tenant = {
  slug: 'acme',
  name: 'Acme <Robotics>',
  primaryColor: '#0f766e',
  about: 'We build robots & more.',
};
const baseUrl = 'https://jobs.acme.test';

const DESCRIPTION = `## What you will do
You will design **field robots** with a small team and ship them to farms across Europe.

- Own the motion planning stack end to end
- Work with *hardware* and *software* colleagues
- Visit customers a few times a year

## What you bring
${'Several years of experience with robotics, control theory and writing careful software. '.repeat(20)}

Read more on [our blog](https://acme.test/blog?a=1&b=2).`;

/** A job with the long description above (the budget case). */
const job = (overrides: Partial<TCareersJob> = {}): TCareersJob =>
  seedCareersJob({ descriptionMd: DESCRIPTION, ...overrides });

function jsonLdOf(page: string): Record<string, unknown> {
  const scripts = [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  expect(scripts).toHaveLength(1);
  expect(scripts[0]![1]).toBe(' type="application/ld+json"');
  return JSON.parse(scripts[0]![2]!);
}

describe('job pages', () => {
  const onsite = job();
  const remote = job({
    workplace: 'remote',
    city: null,
    country: 'PT',
    salary: null,
    employmentType: 'contract',
    department: 'Sales',
  });
  const parttime = job({ employmentType: 'part_time', city: 'Lisbon', country: 'PT', workplace: 'hybrid' });
  const closed = job({ status: 'closed', closedAt: '2026-11-20T09:00:00.000Z', validThrough: null });
  const site = renderTenantSite({ tenant, baseUrl, jobs: [onsite, remote, parttime, closed] });
  const pageOf = (j: TCareersJob) => site.get(`jobs/${j.id}/index.html`)!;

  it('keeps every page within 30 KB of HTML and CSS, with no script but the JSON-LD', () => {
    const sizes: Record<string, number> = {};
    for (const [path, content] of site) {
      if (!path.endsWith('.html')) continue;
      const bytes = Buffer.byteLength(content);
      sizes[path] = bytes;
      expect(bytes, path).toBeLessThanOrEqual(30 * 1024);
      const scripts = content.match(/<script\b[^>]*>/g) ?? [];
      expect(
        scripts.every((s) => s === '<script type="application/ld+json">'),
        path,
      ).toBe(true);
      expect(content, path).not.toMatch(/<link[^>]+stylesheet|\son[a-z]+=|src=|url\(/i);
    }
    expect(Object.keys(sizes).length).toBeGreaterThan(6);
  });

  it('keeps a job page with a 10,000-character description within the budget', () => {
    const descriptionMd =
      `## Section\n${'We build friendly robots for farms and need careful engineers. '.repeat(6)}\n\n- one\n- two\n\n`
        .repeat(40)
        .slice(0, 10_000);
    const long = job({ descriptionMd });
    const page = renderTenantSite({ tenant, baseUrl, jobs: [long] }).get(`jobs/${long.id}/index.html`)!;
    expect(Buffer.byteLength(page)).toBeLessThanOrEqual(30 * 1024);
  });

  it('describes an onsite job with salary as a JobPosting', () => {
    const ld = jsonLdOf(pageOf(onsite));
    expect(ld).toMatchObject({
      '@context': 'https://schema.org/',
      '@type': 'JobPosting',
      title: onsite.title,
      datePosted: onsite.openedAt,
      validThrough: onsite.validThrough,
      employmentType: 'FULL_TIME',
      directApply: false,
      identifier: { '@type': 'PropertyValue', value: onsite.id },
      hiringOrganization: {
        '@type': 'Organization',
        name: 'Acme <Robotics>',
        sameAs: `${baseUrl}/careers/acme/`,
      },
      jobLocation: {
        '@type': 'Place',
        address: { '@type': 'PostalAddress', addressLocality: 'Berlin', addressCountry: 'DE' },
      },
      baseSalary: {
        '@type': 'MonetaryAmount',
        currency: 'EUR',
        value: { '@type': 'QuantitativeValue', minValue: 60_000, maxValue: 80_000, unitText: 'YEAR' },
      },
    });
    expect(ld.description).toContain('<strong>field robots</strong>');
    expect(ld).not.toHaveProperty('jobLocationType');
    // The tenant's name has a '<': it must not appear raw inside the script.
    expect(pageOf(onsite)).not.toContain('Acme <Robotics>');
  });

  it('describes a remote job without salary with applicant location requirements', () => {
    const ld = jsonLdOf(pageOf(remote));
    expect(ld).toMatchObject({
      jobLocationType: 'TELECOMMUTE',
      applicantLocationRequirements: { '@type': 'Country', name: 'PT' },
      employmentType: 'CONTRACTOR',
    });
    expect(ld).not.toHaveProperty('jobLocation');
    expect(ld).not.toHaveProperty('baseSalary');
    expect(pageOf(remote)).toContain('Remote (Portugal)');
  });

  it('shows the facts a candidate looks for', () => {
    const page = pageOf(onsite);
    expect(page).toContain(`<h1>${onsite.title}</h1>`);
    expect(page).toContain('Berlin, Germany · On-site');
    expect(page).toContain('€60,000 – €80,000 per year');
    expect(page).toContain('Full-time');
    expect(page).toContain('November 1, 2026');
    expect(page).toContain('Online applications open soon');
    expect(page).toContain(
      '<a href="https://acme.test/blog?a=1&amp;b=2" rel="nofollow noopener">our blog</a>',
    );
  });

  it('says a closed job is closed, with no apply section and no JobPosting, and keeps it out of the lists', () => {
    const page = pageOf(closed);
    expect(page).toContain('This role is closed');
    expect(page).toContain('<meta name="robots" content="noindex">');
    expect(page).not.toContain('Online applications open soon');
    expect(page).not.toMatch(/<script/);
    expect(site.get('index.html')).not.toContain(closed.id);
    expect(site.get('sitemap.xml')).not.toContain(closed.id);
  });

  it('lists exactly the open jobs, the index and the privacy page in the sitemap', () => {
    const locs = [...site.get('sitemap.xml')!.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]).sort();
    const site_ = `${baseUrl}/careers/acme/`;
    expect(locs).toEqual(
      [site_, `${site_}privacy/`, ...[onsite, remote, parttime].map((j) => `${site_}jobs/${j.id}/`)].sort(),
    );
    expect(site.get('robots.txt')).toBe(`User-agent: *\nAllow: /\nSitemap: ${site_}sitemap.xml\n`);
  });

  it('filters by department, location and type with pre-rendered pages (no JavaScript)', () => {
    const index = site.get('index.html')!;
    expect(index).toContain('3 open roles');
    expect(index).toContain('href="/careers/acme/departments/sales/"');
    expect(index).toContain('href="/careers/acme/types/part-time/"');
    const sales = site.get('departments/sales/index.html')!;
    expect(sales).toContain(remote.title);
    expect(sales).not.toContain(onsite.title);
    expect(sales).toContain('aria-current="page">Sales<');
    const lisbon = site.get('locations/lisbon-portugal/index.html')!;
    expect(lisbon).toContain(parttime.title);
    expect(lisbon).not.toContain(onsite.title);
    expect(site.get('types/contract/index.html')).toContain(remote.title);
  });

  it('keeps the friendly empty state and renders no job for draft or archived input', () => {
    const empty = renderTenantSite({ tenant, baseUrl, jobs: [] });
    expect(empty.get('index.html')).toContain('No open roles right now');
    expect(() => renderTenantSite({ tenant, jobs: [{ ...onsite, status: 'draft' as 'open' }] })).toThrow();
  });
});

describe('markdown', () => {
  it('escapes everything and passes no raw HTML', () => {
    const out = renderMarkdown(
      '<script>alert(1)</script>\n\n**<img src=x onerror=alert(1)>** [x](javascript:alert(1)) [y](https://ok.test/"onmouseover="x)',
    ).value;
    expect(out).not.toMatch(/<script|<img|href="javascript/);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('<strong>&lt;img src=x onerror=alert(1)&gt;</strong>');
    expect(out).toContain('href="https://ok.test/&quot;onmouseover=&quot;x"');
  });

  it('renders headings, lists, emphasis and code', () => {
    expect(
      renderMarkdown('# Role\nWe _like_ `snake_case` and **bold** text.\n\n1. one\n2. two\n\n- a\n- b').value,
    ).toBe(
      '<h2>Role</h2>\n<p>We <em>like</em> <code>snake_case</code> and <strong>bold</strong> text.</p>\n<ol><li>one</li><li>two</li></ol>\n<ul><li>a</li><li>b</li></ul>',
    );
  });

  it('escapes a description containing a script on the job page', () => {
    const site = renderTenantSite({
      tenant,
      baseUrl,
      jobs: [job({ descriptionMd: 'Hi </script><script>alert(1)</script>' })],
    });
    const page = [...site].find(([path]) => path.startsWith('jobs/'))![1];
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page).toContain('Hi &lt;/script&gt;&lt;script&gt;');
    expect(jsonLdOf(page).description).toBe('<p>Hi &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });
});

describe('validThroughFor', () => {
  it('is 60 days after opening, renewed while the job stays open', () => {
    const opened = new Date('2026-01-01T00:00:00Z');
    expect(validThroughFor(opened, new Date('2026-01-10T00:00:00Z')).toISOString()).toBe(
      '2026-03-02T00:00:00.000Z',
    );
    expect(validThroughFor(opened, new Date('2026-03-10T00:00:00Z')).getTime()).toBeGreaterThan(
      Date.parse('2026-03-10'),
    );
  });
});
