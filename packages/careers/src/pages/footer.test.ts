import { describe, expect, it } from 'vitest';
import { renderTenantSite } from '../build-site.js';
import { seedCareersJob, seedCareersTenant, seedNotice } from '../testing/fixtures.js';
import { renderPortalPage } from './portal-page.js';

/** The footer's privacy line of a rendered page. */
function footerOf(page: string): string {
  return page.slice(page.indexOf('<footer'));
}

describe('the footer says which cookies each page sets', () => {
  const tenant = seedCareersTenant();

  it('on the careers pages: none, and no trackers', () => {
    const site = renderTenantSite({
      tenant,
      jobs: [seedCareersJob()],
      notices: [seedNotice()],
      today: '2026-11-20',
    });
    const pages = [...site].filter(([path]) => path.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(3);
    for (const [path, page] of pages) {
      expect(footerOf(page), path).toContain('These careers pages set no cookies and use no trackers');
      expect(footerOf(page), path).not.toContain('cookie, candor_portal');
    }
  });

  it('in the privacy portal: its one session cookie, by name, what for, how long and where, only after signing in', () => {
    const footer = footerOf(renderPortalPage({ tenant, view: { kind: 'sign_in' } }));
    expect(footer).toContain(
      `Once you sign in, this privacy portal sets one strictly necessary cookie, candor_portal, which keeps you signed in: it lasts 30 minutes, is sent only to the portal’s pages (/careers/${tenant.slug}/privacy/portal/) and is deleted when you sign out.`,
    );
    expect(footer).not.toContain('No cookies');
  });
});
