import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { careersNotFoundPages } from '../careers/not-found-pages.js';
import { chooseCoding, serveDirectory } from './static-files.js';

/**
 * The static files as app.ts mounts them: the built admin (precompressed
 * siblings, hashed assets) and the careers sites (written by the publisher,
 * compressed on first request). No database involved.
 */
const page = `<!doctype html><title>Jobs</title>${'<p>We build friendly robots for farms.</p>'.repeat(200)}`;
const script = `export const greeting = ${JSON.stringify('hello '.repeat(2000))};`;
let app: Hono;
let careersDir: string;

beforeAll(() => {
  const adminDir = mkdtempSync(join(tmpdir(), 'candor-static-admin-'));
  mkdirSync(join(adminDir, 'assets'));
  writeFileSync(join(adminDir, 'index.html'), page);
  writeFileSync(join(adminDir, 'assets', 'index-AbC123.js'), script);
  // Marked so a test can tell the build's siblings from bytes compressed on the fly.
  writeFileSync(join(adminDir, 'assets', 'index-AbC123.js.br'), brotliCompressSync(`${script}//br`));
  writeFileSync(join(adminDir, 'assets', 'index-AbC123.js.gz'), gzipSync(`${script}//gz`));
  writeFileSync(join(adminDir, 'assets', 'logo.png'), Buffer.alloc(2000, 7));
  careersDir = mkdtempSync(join(tmpdir(), 'candor-static-careers-'));
  mkdirSync(join(careersDir, 'acme', 'assets'), { recursive: true });
  writeFileSync(join(careersDir, 'acme', 'index.html'), page);
  writeFileSync(join(careersDir, 'acme', 'assets', 'apply.js'), script);
  writeFileSync(join(careersDir, 'acme', '404.html'), '<h1>Not here (en)</h1>');
  mkdirSync(join(careersDir, 'acme', 'de'));
  writeFileSync(join(careersDir, 'acme', 'de', '404.html'), '<h1>Nicht hier (de)</h1>');
  app = new Hono();
  app.get(
    '/careers/*',
    serveDirectory({ root: careersDir, prefix: '/careers', notFoundPages: careersNotFoundPages }),
  );
  app.get(
    '/admin/*',
    serveDirectory({ root: adminDir, prefix: '/admin', spaFallback: true, immutableAssets: true }),
  );
});

const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });
const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe('compression', () => {
  it('sends the build’s brotli file to a browser that accepts br, with Vary and the JavaScript type', async () => {
    const res = await get('/admin/assets/index-AbC123.js', { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Encoding')).toBe('br');
    expect(res.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('Vary')).toBe('Accept-Encoding');
    expect(brotliDecompressSync(await bytes(res)).toString()).toBe(`${script}//br`);
  });

  it('sends the build’s gzip file when br is not accepted', async () => {
    const res = await get('/admin/assets/index-AbC123.js', { 'Accept-Encoding': 'gzip' });
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    expect(gunzipSync(await bytes(res)).toString()).toBe(`${script}//gz`);
    // br refused with q=0: gzip again.
    const refused = await get('/admin/assets/index-AbC123.js', { 'Accept-Encoding': 'br;q=0, gzip;q=0.5' });
    expect(refused.headers.get('Content-Encoding')).toBe('gzip');
  });

  it('sends the file as it is without Accept-Encoding, or when only unknown codings are accepted', async () => {
    for (const headers of [
      {},
      { 'Accept-Encoding': 'identity' },
      { 'Accept-Encoding': 'zstd, deflate' },
    ] as Record<string, string>[]) {
      const res = await get('/admin/assets/index-AbC123.js', headers);
      expect(res.headers.get('Content-Encoding')).toBeNull();
      expect((await bytes(res)).toString()).toBe(script);
      expect(res.headers.get('Vary')).toBe('Accept-Encoding');
    }
  });

  it('compresses careers pages on first request (no build siblings there), both codings', async () => {
    const br = await get('/careers/acme/', { 'Accept-Encoding': 'br, gzip' });
    expect(br.headers.get('Content-Encoding')).toBe('br');
    expect(br.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    const body = await bytes(br);
    expect(brotliDecompressSync(body).toString()).toBe(page);
    expect(body.length).toBeLessThan(page.length / 10);
    const gz = await get('/careers/acme/assets/apply.js', { 'Accept-Encoding': 'gzip' });
    expect(gz.headers.get('Content-Encoding')).toBe('gzip');
    expect(gunzipSync(await bytes(gz)).toString()).toBe(script);
  });

  it('leaves images alone', async () => {
    const res = await get('/admin/assets/logo.png', { 'Accept-Encoding': 'br, gzip' });
    expect(res.headers.get('Content-Encoding')).toBeNull();
    expect(res.headers.get('Content-Type')).toBe('image/png');
    expect(res.headers.get('Vary')).toBeNull();
    expect((await bytes(res)).length).toBe(2000);
  });

  it('does not serve the compressed siblings as files of their own', async () => {
    expect((await get('/admin/assets/index-AbC123.js.br')).status).toBe(404);
    expect((await get('/admin/assets/index-AbC123.js.gz')).status).toBe(404);
  });

  it('reads q-values as RFC 9110 says', () => {
    expect(chooseCoding('br;q=0.5, gzip', ['br', 'gzip'])).toBe('gzip');
    expect(chooseCoding('*', ['br', 'gzip'])).toBe('br');
    expect(chooseCoding('*;q=0', ['br', 'gzip'])).toBeNull();
    expect(chooseCoding('x-gzip', ['br', 'gzip'])).toBe('gzip');
    expect(chooseCoding('br', ['gzip'])).toBeNull();
  });
});

describe('caching', () => {
  it('caches hashed admin assets for a year, immutable', async () => {
    const res = await get('/admin/assets/index-AbC123.js');
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
  });

  it('revalidates the admin’s index.html, also as the single-page fallback, and careers pages', async () => {
    for (const path of [
      '/admin/',
      '/admin/index.html',
      '/admin/jobs/123',
      '/admin/assets/missing.js',
      '/careers/acme/',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('Cache-Control'), path).toBe('no-cache');
      expect(res.headers.get('ETag'), path).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
      expect(res.headers.get('Last-Modified'), path).toMatch(/ GMT$/);
    }
  });

  it('gives each coding its own strong ETag from the content', async () => {
    const tags = await Promise.all(
      ['', 'gzip', 'br'].map(async (coding) =>
        (await get('/careers/acme/', coding ? { 'Accept-Encoding': coding } : {})).headers.get('ETag'),
      ),
    );
    const [identity, gzip, br] = tags;
    expect(gzip).toBe(identity!.replace(/"$/, '-gzip"'));
    expect(br).toBe(identity!.replace(/"$/, '-br"'));
  });

  for (const [label, path] of [
    ['admin index.html', '/admin/'],
    ['admin asset', '/admin/assets/index-AbC123.js'],
    ['careers page', '/careers/acme/'],
    ['careers apply script', '/careers/acme/assets/apply.js'],
  ] as const) {
    it(`answers a revalidation of the ${label} with 304 and no body, by ETag or by date`, async () => {
      const first = await get(path, { 'Accept-Encoding': 'br' });
      const etag = first.headers.get('ETag')!;
      const byTag = await get(path, { 'Accept-Encoding': 'br', 'If-None-Match': etag });
      expect(byTag.status).toBe(304);
      expect(await byTag.text()).toBe('');
      expect(byTag.headers.get('ETag')).toBe(etag);
      expect(byTag.headers.get('Cache-Control')).toBe(first.headers.get('Cache-Control'));
      expect(byTag.headers.get('Vary')).toBe('Accept-Encoding');
      // A tag a browser got with another coding names the same content: still not modified.
      expect((await get(path, { 'If-None-Match': `"x", W/${etag}` })).status).toBe(304);
      expect((await get(path, { 'If-None-Match': '"something-else"' })).status).toBe(200);
      const byDate = await get(path, { 'If-Modified-Since': first.headers.get('Last-Modified')! });
      expect(byDate.status).toBe(304);
      const earlier = new Date(Date.parse(first.headers.get('Last-Modified')!) - 1000).toUTCString();
      expect((await get(path, { 'If-Modified-Since': earlier })).status).toBe(200);
      // If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2).
      const stale = await get(path, {
        'If-None-Match': '"other"',
        'If-Modified-Since': first.headers.get('Last-Modified')!,
      });
      expect(stale.status).toBe(200);
    });
  }

  it('serves a republished careers page, with a new ETag, at once', async () => {
    const before = await get('/careers/acme/', { 'Accept-Encoding': 'gzip' });
    const file = join(careersDir, 'acme', 'index.html');
    writeFileSync(file, `${page}<p>New job</p>`);
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const after = await get('/careers/acme/', {
      'Accept-Encoding': 'gzip',
      'If-None-Match': before.headers.get('ETag')!,
    });
    expect(after.status).toBe(200);
    expect(after.headers.get('ETag')).not.toBe(before.headers.get('ETag'));
    expect(gunzipSync(await bytes(after)).toString()).toContain('New job');
  });
});

describe('paths', () => {
  it('refuses bad percent-encoding, NULs and escapes from the root', async () => {
    expect((await get('/careers/acme/%E0%A4%A')).status).toBe(404);
    expect((await get('/careers/acme/%00')).status).toBe(404);
    expect((await get('/careers/..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
    expect((await get('/careers/%2e%2e/%2e%2e/etc/hosts')).status).toBe(404);
  });
});

describe('not found', () => {
  it('answers an unknown careers address with the tenant’s own page, status 404, in the folder’s language', async () => {
    const en = await get('/careers/acme/jobs/no-such-job/');
    expect(en.status).toBe(404);
    expect(en.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(en.headers.get('Cache-Control')).toBe('no-store');
    expect(await en.text()).toBe('<h1>Not here (en)</h1>');
    const de = await get('/careers/acme/de/jobs/no-such-job/');
    expect(de.status).toBe(404);
    expect(await de.text()).toBe('<h1>Nicht hier (de)</h1>');
  });

  it('gives an unknown tenant, or a folder that is no language, nothing of another tenant’s', async () => {
    const unknown = await get('/careers/nobody/jobs/');
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).not.toContain('Not here');
    const escaping = await get('/careers/other/..%2Facme/x');
    expect(escaping.status).toBe(404);
    expect(await escaping.text()).not.toContain('Not here');
  });
});
