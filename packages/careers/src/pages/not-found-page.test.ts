import { describe, expect, it } from 'vitest';
import { renderTenantSite } from '../build-site.js';
import { seedCareersTenant } from '../testing/fixtures.js';

describe('the careers site’s not-found page', () => {
  const tenant = seedCareersTenant();
  const base = `/careers/${tenant.slug}/`;

  it('carries the tenant’s name and colour, says what happened and links back to the open roles', () => {
    const page = renderTenantSite({ tenant }).get('404.html')!;
    expect(page).toContain('<h1>This page is not here</h1>');
    // The fixture's name has markup in it: escaped like every other text.
    expect(page).toContain('<title>This page is not here - Acme &lt;Robotics&gt;</title>');
    expect(page).toContain('The roles Acme &lt;Robotics&gt; is hiring for now are one click away.');
    expect(page).toContain(`<a class="button" href="${base}">See the roles that are open now</a>`);
    expect(page).toContain(`--brand:${tenant.primaryColor}`);
    expect(page).toContain('<meta name="robots" content="noindex">');
    expect(page).not.toContain('<script');
  });

  it('has one per language on a site in several languages, each linking to its own language', () => {
    const site = renderTenantSite({ tenant, languages: { locales: ['en', 'de'], defaultLocale: 'en' } });
    expect(site.get('de/404.html')).toContain('<h1>Diese Seite gibt es hier nicht</h1>');
    expect(site.get('de/404.html')).toContain(`href="${base}de/"`);
    expect(site.get('en/404.html')).toContain('<h1>This page is not here</h1>');
    expect(site.get('404.html')).toContain('<h1>This page is not here</h1>');
  });
});
