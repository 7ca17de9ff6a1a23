import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

  it('swaps a new site in without a moment where the old one is gone, and cleans up', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'careers-'));
    // A plain folder left by an older version is replaced too.
    mkdirSync(join(dir, 'acme'));
    writeFileSync(join(dir, 'acme', 'index.html'), 'old');
    await writeTenantSite(dir, { tenant });
    let reads = 0;
    let writing = true;
    const reader = (async () => {
      while (writing) {
        expect(readFileSync(join(dir, 'acme', 'index.html'), 'utf8')).toContain('Acme');
        reads++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    for (let i = 0; i < 20; i++) await writeTenantSite(dir, { tenant: { ...tenant, name: `Acme ${i}` } });
    writing = false;
    await reader;
    expect(reads).toBeGreaterThan(0);
    expect(readFileSync(join(dir, 'acme', 'index.html'), 'utf8')).toContain('Acme 19');
    expect(readdirSync(dir).filter((name) => !name.startsWith('.acme.'))).toEqual(['acme']);
    expect(readdirSync(dir)).toHaveLength(2); // the link and the one version it points to
  });

  it('picks brand text colours with at least AA contrast', () => {
    for (const brand of ['#0f766e', '#ffd400', '#1f6feb', '#000000', '#ffffff']) {
      expect(contrastRatio(brand, readableOn(brand))).toBeGreaterThanOrEqual(4.5);
    }
  });
});
