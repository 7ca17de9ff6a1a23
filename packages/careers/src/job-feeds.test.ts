import { describe, expect, it } from 'vitest';
import { renderTenantSite } from './build-site.js';
import { seedCareersJob, seedNotice } from './testing/fixtures.js';

const tenant = { slug: 'acme', name: 'Acme & Sons', primaryColor: '#0f766e', about: '' };
const baseUrl = 'https://jobs.acme.test';
const siteUrl = `${baseUrl}/careers/acme/`;

/** The text of each `<job>`'s fields, CDATA unwrapped (the two-section split for `]]>` joined again). */
function xmlJobs(xml: string): Array<Record<string, string>> {
  return [...xml.matchAll(/<job>([\s\S]*?)<\/job>/g)].map(([, body]) =>
    Object.fromEntries(
      [...body!.matchAll(/<(\w+)>((?:<!\[CDATA\[[\s\S]*?\]\]>)+)<\/\1>/g)].map(([, name, value]) => [
        name!,
        [...value!.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)].map((m) => m[1]).join(''),
      ]),
    ),
  );
}

describe('job feeds', () => {
  const engineer = seedCareersJob({
    title: 'Engineer ]]> <b>',
    department: 'Engineering',
    salary: { min: 50000, max: 70000, currency: 'EUR', period: 'year' },
  });
  const remote = seedCareersJob({
    title: 'Account Executive',
    department: 'Sales',
    workplace: 'remote',
    city: null,
    country: 'PT',
    salary: null,
    employmentType: 'part_time',
  });
  const closed = seedCareersJob({
    status: 'closed',
    closedAt: '2026-11-20T09:00:00.000Z',
    validThrough: null,
  });
  const site = renderTenantSite({
    tenant,
    baseUrl,
    jobs: [remote, closed, engineer],
    notices: [seedNotice()],
  });

  it('lists the open jobs in the XML layout job boards ingest, with apply links while a notice is in effect', () => {
    const xml = site.get('jobs.xml')!;
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<source>')).toBe(true);
    expect(xml).toContain('<publisher><![CDATA[Acme & Sons]]></publisher>');
    const jobs = xmlJobs(xml);
    expect(jobs.map((job) => job.referencenumber)).toEqual([engineer.id, remote.id]);
    const [first, second] = jobs;
    // A title holding the CDATA terminator survives intact.
    expect(first!.title).toBe('Engineer ]]> <b>');
    expect(first!.url).toBe(`${siteUrl}jobs/${engineer.id}/`);
    expect(first!.applyurl).toBe(`${siteUrl}jobs/${engineer.id}/apply/`);
    expect(first!.jobtype).toBe('fulltime');
    expect(first!.salary).toBe('50000-70000 EUR per year');
    expect(first!.company).toBe('Acme & Sons');
    expect(second!.remotetype).toBe('Fully remote');
    expect(second!.country).toBe('PT');
    expect(second!.jobtype).toBe('parttime');
    expect(second!.salary).toBeUndefined();
    expect(xml).not.toContain(closed.id);
  });

  it('publishes the same jobs as a JSON Feed with their JobPosting', () => {
    const feed = JSON.parse(site.get('jobs.json')!);
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.feed_url).toBe(`${siteUrl}jobs.json`);
    expect(feed.items.map((item: { id: string }) => item.id)).toEqual([engineer.id, remote.id]);
    const posting = feed.items[0]._job_posting;
    expect(posting['@type']).toBe('JobPosting');
    expect(posting.title).toBe('Engineer ]]> <b>');
    expect(posting.directApply).toBe(true);
    expect(feed.items[1]._job_posting.jobLocationType).toBe('TELECOMMUTE');
  });

  it('gives no apply link while no privacy notice is in effect', () => {
    const unpublished = renderTenantSite({ tenant, baseUrl, jobs: [engineer] });
    expect(xmlJobs(unpublished.get('jobs.xml')!)[0]!.applyurl).toBeUndefined();
    expect(JSON.parse(unpublished.get('jobs.json')!).items[0]._job_posting.directApply).toBe(false);
  });
});
