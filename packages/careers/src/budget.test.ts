import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { writeTenantSite } from './build-site.js';
import {
  seedApplyConfig,
  seedCareersJob,
  seedCareersTenant,
  seedNotice,
  seedQuestion,
} from './testing/fixtures.js';

const KB = 1024;
const ISLANDS = fileURLToPath(new URL('../dist/islands/', import.meta.url));

/**
 * The performance budgets, measured on what visitors download: the written
 * site with the real, built apply script (turbo builds the package before
 * this test).
 */
describe('budgets', async () => {
  const tenant = seedCareersTenant();
  // The heaviest job page we allow: a 10,000-character description, salary, logo and the apply card.
  const descriptionMd =
    `## Section\n${'We build friendly robots for farms and need careful engineers. '.repeat(6)}\n\n- one\n- two\n\n`
      .repeat(40)
      .slice(0, 10_000);
  const questions = [
    seedQuestion({ kind: 'yes_no', required: true }),
    seedQuestion({ kind: 'single_choice', options: ['A', 'B', 'C'] }),
    seedQuestion({ kind: 'long_text' }),
  ];
  const job = seedCareersJob({ descriptionMd, questions });
  const dir = mkdtempSync(join(tmpdir(), 'careers-budget-'));
  const site = await writeTenantSite(dir, {
    tenant,
    jobs: [job],
    notices: [seedNotice()],
    apply: seedApplyConfig({ askSalaryExpectation: true }),
    logoFile: 'logo.png',
    assets: { 'logo.png': new Uint8Array(10) },
  });
  const read = (path: string) => readFileSync(join(site, path));

  it('has the built apply script to measure', () => {
    expect(existsSync(join(ISLANDS, 'apply.js')), 'run `pnpm build` in packages/careers first').toBe(true);
    // One self-contained module: nothing else to load.
    expect(readdirSync(ISLANDS)).toEqual(['apply.js']);
    expect(read('assets/apply.js').toString()).not.toMatch(/\bimport\s*[{*"'(]|\bfrom\s*["']/);
  });

  it('keeps a job page within 30 KB of HTML and CSS, with no JavaScript but JSON-LD data', () => {
    const page = read(`jobs/${job.id}/index.html`).toString();
    expect(page).toContain('Apply now');
    const bytes = Buffer.byteLength(page);
    console.info(
      `job page (10,000-character description): ${(bytes / KB).toFixed(1)} KB HTML+CSS, ${(gzipSync(page).length / KB).toFixed(1)} KB gzipped`,
    );
    expect(bytes).toBeLessThanOrEqual(30 * KB);
    expect(page.match(/<script\b[^>]*>/g)).toEqual(['<script type="application/ld+json">']);
    expect(page).not.toMatch(/<link[^>]+stylesheet|\son[a-z]+=|<script[^>]+src=/i);
  });

  it('keeps the apply page’s JavaScript within 50 KB gzipped', () => {
    const page = read(`jobs/${job.id}/apply/index.html`).toString();
    const sources = [...page.matchAll(/<script\b[^>]*\ssrc="([^"]+)"[^>]*>/g)].map((m) => m[1]!);
    expect(sources).toEqual([`/careers/${tenant.slug}/assets/apply.js`]);
    expect(page).not.toMatch(/\son[a-z]+=/i);
    // Other scripts on the page are data only (never run).
    const inline = (page.match(/<script\b(?![^>]*\ssrc=)[^>]*>/g) ?? []).map(
      (tag) => /type="([^"]+)"/.exec(tag)?.[1],
    );
    expect(inline.every((type) => type === 'application/json' || type === 'application/ld+json')).toBe(true);
    const js = sources.map((src) => read(src.replace(`/careers/${tenant.slug}/`, '')));
    const raw = js.reduce((sum, file) => sum + file.length, 0);
    const gzipped = js.reduce((sum, file) => sum + gzipSync(file, { level: 9 }).length, 0);
    console.info(
      `apply page: ${(raw / KB).toFixed(1)} KB JavaScript, ${(gzipped / KB).toFixed(1)} KB gzipped; HTML+CSS ${(Buffer.byteLength(page) / KB).toFixed(1)} KB`,
    );
    expect(gzipped).toBeLessThanOrEqual(50 * KB);
  });
});
