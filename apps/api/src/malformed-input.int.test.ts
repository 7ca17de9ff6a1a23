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
          procedure._def.type === 'query' ? await client.query(path, input) : await client.mutate(path, input);
        const body = (await res.json()) as { error: { data: { code: string; fieldErrors?: Record<string, string[]> } } };
        expect(res.status).toBe(400);
        expect(body.error.data.code).toBe('BAD_REQUEST');
        expect(Object.keys(body.error.data.fieldErrors ?? {}).length).toBeGreaterThan(0);
      });
    }
  }

  it('answers 400 for input that is not JSON at all', async () => {
    const res = await client.request('/trpc/users.invite', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{not json',
    });
    expect(res.status).toBe(400);
  });
});
