/**
 * Sends malformed input to every procedure that takes input, over HTTP as a
 * signed-in owner: each must answer 400 with field errors, never a 500.
 */
import { forEachDatabase, seedTenant, seedUser } from '@candor/db/testing';
import { beforeAll, expect, it } from 'vitest';
import { appRouter } from './router.js';
import { httpClient, testDeps } from './testing/test-app.js';

type AnyProcedure = { _def: { type: 'query' | 'mutation'; inputs: unknown[] } };
const withInput = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>).filter(
  ([, p]) => p._def.inputs.length > 0,
);

type FieldErrorBody = { error: { data: { fieldErrors?: Record<string, string[]> } } };

const MALFORMED: Array<[string, unknown]> = [
  ['a number instead of an object', 42],
  ['wrong field types', { id: 7, email: false, pagination: 'all', tenantId: [], token: 1, password: {} }],
];

forEachDatabase('malformed input', (db) => {
  let client: ReturnType<typeof httpClient>;

  beforeAll(async () => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const owner = await seedUser(em, tenant, 'owner');
    client = httpClient(testDeps(db.orm()));
    expect((await client.signIn(owner.email)).status).toBe(200);
  });

  for (const [path, procedure] of withInput) {
    for (const [label, input] of MALFORMED) {
      it(`${path} answers 400 with field errors for ${label}`, async () => {
        const res =
          procedure._def.type === 'query'
            ? await client.query(path, input)
            : await client.mutate(path, input);
        const body = (await res.json()) as {
          error: { data: { code: string; fieldErrors?: Record<string, string[]> } };
        };
        expect(res.status).toBe(400);
        expect(body.error.data.code).toBe('BAD_REQUEST');
        expect(Object.keys(body.error.data.fieldErrors ?? {}).length).toBeGreaterThan(0);
      });
    }
  }

  it('answers 400 with the field for a NUL character in a search or a text field', async () => {
    const search = await client.query('candidates.list', { filter: { q: 'Ada\u0000' } });
    expect(search.status).toBe(400);
    expect(((await search.json()) as FieldErrorBody).error.data.fieldErrors).toHaveProperty(['filter.q']);
    const invite = await client.mutate('users.invite', {
      email: 'new@example.test',
      name: 'N\u0000',
      role: 'recruiter',
    });
    expect(invite.status).toBe(400);
    expect(((await invite.json()) as FieldErrorBody).error.data.fieldErrors).toHaveProperty(['name']);
  });

  it('keeps the session when another cookie of the site is not valid percent-encoding', async () => {
    const res = await client.request('/trpc/auth.me', {
      headers: { Cookie: `theme=%E0%A4%A; pct=100%; ${client.cookie}` },
    });
    expect(res.status).toBe(200);
  });

  it('answers 404 for a static path that is not valid percent-encoding', async () => {
    for (const path of ['/careers/%E0%A4%A', '/careers/acme/%zz', '/careers/acme/%00.html']) {
      expect((await client.request(path)).status).toBe(404);
    }
  });

  it('answers an offer answer that is not a well-formed form with the page, not a 500', async () => {
    const res = await client.request('/offers/no-such-token', {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/form-data; boundary=x' },
      body: 'not a multipart body',
    });
    // No offer has this token: its page says so (a known token gets the offer page again, as a 400).
    expect(res.status).toBe(404);
  });

  it('answers 400 for input that is not JSON at all', async () => {
    const res = await client.request('/trpc/users.invite', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{not json',
    });
    expect(res.status).toBe(400);
  });
});
