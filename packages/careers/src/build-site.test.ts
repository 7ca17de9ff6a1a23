import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contrastRatio, readableOn } from '@candor/schemas';
import { describe, expect, it } from 'vitest';
import { renderTenantSite, writeTenantSite } from './build-site.js';
import { seedApplyConfig, seedCareersJob, seedNotice } from './testing/fixtures.js';

const tenant = {
  slug: 'acme',
  name: 'Acme <Robotics>',
  primaryColor: '#0f766e',
  about: 'We build robots & more.',
};

describe('careers site', () => {
  it('renders a branded index with an empty state and no scripts', () => {
    const page = renderTenantSite({ tenant }).get('index.html')!;
    expect(page).toContain('Careers at Acme &lt;Robotics&gt;');
    expect(page).toContain('No open roles right now');
    expect(page).toContain('--brand:#0f766e');
    expect(page).not.toMatch(/<script|<link[^>]+stylesheet|https?:\/\//);
  });

  it('rejects a colour that is not #rrggbb', () => {
    expect(() =>
      renderTenantSite({ tenant: { ...tenant, primaryColor: 'red;}body{display:none' } }),
    ).toThrow();
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

  it('shows the tenant logo in the header, named for screen readers, else the letter badge', () => {
    const withLogo = renderTenantSite({ tenant, logoFile: 'logo.png' }).get('index.html')!;
    expect(withLogo).toContain(
      '<img class="logo-img" src="/careers/acme/logo.png" alt="Acme &lt;Robotics&gt;" height="40">',
    );
    expect(withLogo).not.toContain('class="logo" aria-hidden');
    const without = renderTenantSite({ tenant, logoFile: null }).get('index.html')!;
    expect(without).toContain('<span class="logo" aria-hidden="true">A</span>');
    expect(without).not.toContain('<img');
    for (const bad of ['../logo.png', 'logo.png" onerror="x', '/etc/logo.png', 'logo.exe']) {
      expect(() => renderTenantSite({ tenant, logoFile: bad }), bad).toThrow();
    }
  });

  it('writes the assets as given, and the apply script next to them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'careers-'));
    const logo = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255]);
    const jwks = '{"keys":[{"kty":"EC","crv":"P-256"}]}\n';
    const job = seedCareersJob();
    await writeTenantSite(dir, {
      tenant,
      jobs: [job],
      notices: [seedNotice()],
      apply: seedApplyConfig(),
      logoFile: 'logo.png',
      assets: { 'logo.png': logo, 'jwks.json': jwks, 'extra/notes.txt': 'hi' },
    });
    const site = join(dir, 'acme');
    expect(new Uint8Array(readFileSync(join(site, 'logo.png')))).toEqual(logo);
    expect(readFileSync(join(site, 'jwks.json'), 'utf8')).toBe(jwks);
    expect(readFileSync(join(site, 'extra/notes.txt'), 'utf8')).toBe('hi');
    expect(readFileSync(join(site, 'jobs', job.id, 'apply', 'index.html'), 'utf8')).toContain(
      'src="/careers/acme/assets/apply.js"',
    );
    const built = fileURLToPath(new URL('../dist/islands/apply.js', import.meta.url));
    expect(existsSync(built), 'build the package first (pnpm build): the test uses the real script').toBe(
      true,
    );
    expect(readFileSync(join(site, 'assets', 'apply.js'))).toEqual(readFileSync(built));
  });

  it('refuses assets outside the site or in place of a page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'careers-'));
    for (const path of [
      '../escape.txt',
      '/abs.txt',
      'a/../../b',
      '.hidden',
      'index.html',
      'privacy/index.html',
      'assets/apply.js',
    ]) {
      await expect(writeTenantSite(dir, { tenant, assets: { [path]: 'x' } }), path).rejects.toThrow();
    }
    expect(existsSync(join(dir, 'escape.txt'))).toBe(false);
  });
});
