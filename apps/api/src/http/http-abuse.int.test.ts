/**
 * Cheap abuse of the HTTP layer, tried through the real app: oversized
 * bodies (over a real socket, streamed), a rotated X-Forwarded-For, huge
 * tRPC batches, a forged Host; and the headers every answer carries.
 */
import type { AddressInfo } from 'node:net';
import { forEachDatabase, seedTenant, seedUser, TEST_PASSWORD } from '@candor/db/testing';
import { MAX_TRPC_BATCH_SIZE } from '@candor/schemas';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { pdfBytes } from '../testing/documents.js';
import { actorOf, seedJobWithApplicant } from '../testing/hiring-fixtures.js';
import { type RawAnswer, sendRaw } from '../testing/raw-http.js';
import { httpClient, TEST_ORIGIN, testDeps } from '../testing/test-app.js';
import { BODY_LIMITS } from './body-limits.js';
import { RateLimiter } from './rate-limit.js';

const TEST_HOST = new URL(TEST_ORIGIN).host;
const MB = 1024 * 1024;

/** A request over a real socket, for our test host unless the test names another. */
function send(base: string, path: string, options: Parameters<typeof sendRaw>[2] = {}): Promise<RawAnswer> {
  return sendRaw(base, path, { ...options, headers: { Host: TEST_HOST, ...options.headers } });
}

/** Serves the real app on a random port, as server.ts does. */
async function listen(app: ReturnType<typeof createApp>): Promise<{ base: string; close(): Promise<void> }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({
        base: `http://127.0.0.1:${info.port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

forEachDatabase('HTTP abuse', (db) => {
  let base = '';
  let close: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    ({ base, close } = await listen(createApp(testDeps(db.orm()))));
  });
  afterAll(() => close());

  describe('request bodies', () => {
    it('answers a 200 MB anonymous tRPC post with 413 long before it arrives, with flat memory', async () => {
      const rssBefore = process.memoryUsage().rss;
      let peak = rssBefore;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 10);
      const answer = await send(base, '/trpc/auth.signIn', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: TEST_ORIGIN },
        streamBytes: 200 * MB,
      });
      clearInterval(sampler);
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body)).toEqual({
        error: {
          code: 'PAYLOAD_TOO_LARGE',
          message: 'The request body is larger than this address accepts (at most 1 MB)',
        },
      });
      // Buffered whole, the body took ~850 ms and ~600 MB; now the answer comes within the first megabytes.
      expect(answer.sentBytes).toBeLessThan(100 * MB);
      expect(answer.ms).toBeLessThan(2000);
      expect(peak - rssBefore).toBeLessThan(100 * MB);
    });

    it('refuses a declared Content-Length over the limit before reading any of it', async () => {
      const answer = await send(base, '/offers/some-token', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'Content-Length': String(200 * MB),
          Origin: TEST_ORIGIN,
        },
        streamBytes: 200 * MB,
      });
      expect(answer.status).toBe(413);
      expect(answer.headers['content-type']).toMatch(/^text\/html/);
      expect(answer.body).toContain('at most 8 KB');
      expect(answer.sentBytes).toBeLessThan(100 * MB);
    });

    it('streams an offer form past its 8 KB limit into a 413 page', async () => {
      const answer = await send(base, '/offers/some-token', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: TEST_ORIGIN },
        streamBytes: 2 * MB,
      });
      expect(answer.status).toBe(413);
      expect(answer.body).toContain('Too large');
    });

    for (const [form, path, limit] of [
      ['talent-pool renewal', '/careers/acme/privacy/renew/', '8 KB'],
      ['diversity survey', '/careers/acme/diversity/', '16 KB'],
    ] as const) {
      it(`answers an oversized ${form} post with a 413 page naming its ${limit} limit`, async () => {
        const answer = await send(base, path, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: TEST_ORIGIN },
          streamBytes: 2 * MB,
        });
        expect(answer.status).toBe(413);
        expect(answer.headers['content-type']).toMatch(/^text\/html/);
        expect(answer.body).toContain(`at most ${limit}`);
      });
    }

    it('lets a signed-in user upload a file of almost 10 MB, alone, but not inside a batch', async () => {
      const em = db.orm().em.fork();
      const tenant = await seedTenant(em);
      const owner = await seedUser(em, tenant, 'owner');
      const { candidate } = await seedJobWithApplicant(db.orm(), actorOf(owner.id, tenant.id, 'owner'));
      const client = httpClient(testDeps(db.orm()));
      expect((await client.signIn(owner.email)).status).toBe(200);
      const file = pdfBytes('x'.repeat(10 * MB - 1024));
      const input = {
        candidateId: candidate.id,
        kind: 'resume',
        filename: 'cv.pdf',
        contentBase64: file.toString('base64'),
      };
      expect(JSON.stringify(input).length).toBeGreaterThan(BODY_LIMITS.trpc * 13);

      const alone = await client.mutate('attachments.upload', input);
      expect(alone.status).toBe(200);

      const batched = await client.request('/trpc/attachments.upload,auth.me?batch=1', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ 0: input }),
      });
      expect(batched.status).toBe(413);
    });
  });

  describe('client address', () => {
    it('does not let a rotated first X-Forwarded-For entry escape the per-IP limit', async () => {
      const deps = testDeps(db.orm());
      const client = httpClient({
        ...deps,
        limits: { ...deps.limits, signInPerIp: new RateLimiter(3, 60_000) },
      });
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await client.request('/trpc/auth.signIn', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `10.9.8.${i}, 203.0.113.7` },
          body: JSON.stringify({ email: `nobody${i}@example.test`, password: 'wrong-password-123' }),
        });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    });

    it('counts the addresses of one IPv6 /64 as one client: guessing from many of them is throttled', async () => {
      const deps = testDeps(db.orm());
      const em = db.orm().em.fork();
      const owner = await seedUser(em, await seedTenant(em), 'owner');
      const client = httpClient(deps);
      const statuses: number[] = [];
      for (let n = 1; n <= 12; n++) {
        const res = await client.request('/trpc/auth.signIn', {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'X-Forwarded-For': `2001:db8:5:6::${n.toString(16)}`,
          },
          body: JSON.stringify({ email: owner.email, password: `wrong-password-${n}` }),
        });
        statuses.push(res.status);
      }
      // One client: after the fifth wrong password it must wait, as a single address would (before: 12 x 401).
      expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
      expect(statuses.at(-1)).toBe(429);
      // The owner, from another network, is not held up by it.
      const owners = await client.request('/trpc/auth.signIn', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '2001:db8:77:1::5' },
        body: JSON.stringify({ email: owner.email, password: TEST_PASSWORD }),
      });
      expect(owners.status).toBe(200);
    });

    it('ignores X-Forwarded-For entirely without trusted proxies', async () => {
      const deps = testDeps(db.orm(), { trustedProxyHops: 0 });
      const server = await listen(
        createApp({ ...deps, limits: { ...deps.limits, signInPerIp: new RateLimiter(2, 60_000) } }),
      );
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 3; i++) {
          const answer = await send(server.base, '/trpc/auth.signIn', {
            method: 'POST',
            headers: {
              'Content-Type': 'application/json',
              Origin: TEST_ORIGIN,
              'X-Forwarded-For': `198.51.100.${i}`,
            },
            body: JSON.stringify({ email: `someone${i}@example.test`, password: 'wrong-password-123' }),
          });
          statuses.push(answer.status);
        }
        expect(statuses).toEqual([401, 401, 429]);
      } finally {
        await server.close();
      }
    });
  });

  describe('tRPC batches', () => {
    const batchOf = (n: number, separator = ',') =>
      `/trpc/${Array(n).fill('auth.me').join(separator)}?batch=1`;

    it(`answers up to ${MAX_TRPC_BATCH_SIZE} calls and refuses more with 400 and the cap`, async () => {
      const client = httpClient(testDeps(db.orm()));
      const full = await client.request(batchOf(MAX_TRPC_BATCH_SIZE));
      expect(full.status).not.toBe(400);
      expect(((await full.json()) as unknown[]).length).toBe(MAX_TRPC_BATCH_SIZE);

      const huge = await client.request(batchOf(200));
      expect(huge.status).toBe(400);
      expect(((await huge.json()) as { error: { message: string } }).error.message).toBe(
        `A batch may hold at most ${MAX_TRPC_BATCH_SIZE} calls; this one has 200`,
      );
    });

    it('counts percent-encoded commas too', async () => {
      const res = await httpClient(testDeps(db.orm())).request(batchOf(50, '%2C'));
      expect(res.status).toBe(400);
    });
  });

  describe('headers', () => {
    it('refuses a forged Host with 421, except for the health check', async () => {
      const forged = await send(base, '/careers/', { headers: { Host: 'attacker.example' } });
      expect(forged.status).toBe(421);
      expect(forged.body).toContain(TEST_HOST);
      expect((await send(base, '/healthz', { headers: { Host: '10.0.0.5:3000' } })).status).toBe(200);
      expect((await send(base, '/healthz')).status).toBe(200);
    });

    it('answers loopback names alike when the public origin is on localhost', async () => {
      const app = createApp(testDeps(db.orm(), { publicUrl: 'http://localhost:4123', allowedOrigins: [] }));
      for (const host of ['localhost:4123', '127.0.0.1:4123', '[::1]:4123']) {
        expect((await app.request('/healthz', { headers: { Host: host } })).status).toBe(200);
        expect((await app.request('/robots.txt', { headers: { Host: host } })).status).toBe(200);
      }
      expect((await app.request('/robots.txt', { headers: { Host: 'localhost:9999' } })).status).toBe(421);
    });

    it('sends Permissions-Policy always and HSTS only for an https origin', async () => {
      const plain = await send(base, '/robots.txt');
      expect(plain.headers['permissions-policy']).toContain('camera=()');
      expect(plain.headers['strict-transport-security']).toBeUndefined();

      const https = createApp(
        testDeps(db.orm(), {
          publicUrl: 'https://candor.example.com',
          allowedOrigins: ['https://candor.example.com'],
        }),
      );
      const res = await https.request('/robots.txt', { headers: { Host: 'candor.example.com' } });
      expect(res.headers.get('Strict-Transport-Security')).toBe('max-age=63072000; includeSubDomains');
    });

    it("keeps the offer page's token to its own origin, without breaking its form", async () => {
      // same-origin: the URL (which holds the token) never goes to another site as a referrer. Not no-referrer:
      // with it browsers send "Origin: null" with the candidate's answer, and the origin check refused it.
      const page = await send(base, '/offers/some-token');
      expect(page.headers['referrer-policy']).toBe('same-origin');
      expect((await send(base, '/robots.txt')).headers['referrer-policy']).toBe('same-origin');
    });
  });
});
