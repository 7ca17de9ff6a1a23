import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderTenantSite, writeTenantSite } from './build-site.js';
import { contrastRatio, readableOn } from './theme.js';

const tenant = { slug: 'acme', name: 'Acme <Robotics>', primaryColor: '#0f766e', about: 'We build robots & more.' };

describe('careers site', () => {
  it('renders a branded index with an empty state and no scripts', () => {
    const page = renderTenantSite({ tenant }).get('index.html')!;
    expect(page).toContain('Careers at Acme &lt;Robotics&gt;');
    expect(page).toContain('No open roles right now');
    expect(page).toContain('--brand:#0f766e');
    expect(page).not.toMatch(/<script|<link[^>]+stylesheet|https?:\/\//);
  });

  it('rejects a colour that is not #rrggbb', () => {
    expect(() => renderTenantSite({ tenant: { ...tenant, primaryColor: 'red;}body{display:none' } })).toThrow();
  });

  it('writes the site under the tenant slug', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'careers-'));
    await writeTenantSite(dir, { tenant });
    await writeTenantSite(dir, { tenant: { ...tenant, name: 'Acme Two' } });
    expect(readFileSync(join(dir, 'acme', 'index.html'), 'utf8')).toContain('Acme Two');
  });

  it('picks brand text colours with at least AA contrast', () => {
    for (const brand of ['#0f766e', '#ffd400', '#1f6feb', '#000000', '#ffffff']) {
      expect(contrastRatio(brand, readableOn(brand))).toBeGreaterThanOrEqual(4.5);
    }
  });
});
