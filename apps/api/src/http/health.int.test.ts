import { createOrm } from '@candor/db';
import { forEachDatabase } from '@candor/db/testing';
import { expect, it } from 'vitest';
import { s3FileStore } from '../storage/s3-file-store.js';
import { s3KeyStore } from '../storage/s3-key-store.js';
import { startS3Server } from '../testing/s3-server.js';
import { httpClient, testDeps } from '../testing/test-app.js';

forEachDatabase('liveness and readiness', (db) => {
  it('/healthz answers without touching anything, /readyz checks the database and both stores; neither is logged', async () => {
    const deps = testDeps(db.orm());
    const { app } = httpClient(deps);
    const live = await app.request('/healthz', { headers: { Host: '10.0.0.7:3000' } });
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });
    const ready = await app.request('/readyz', { headers: { Host: '10.0.0.7:3000' } });
    expect(ready.status).toBe(200);
    expect(ready.headers.get('Cache-Control')).toBe('no-store');
    expect(await ready.json()).toEqual({
      status: 'ok',
      checks: { database: 'ok', files: 'ok', keys: 'ok' },
    });
    // Probes every few seconds would drown the log: no request line for them, as for any other path.
    expect(deps.logLines.filter((line) => line.includes('/healthz') || line.includes('/readyz'))).toEqual([]);
    await app.request('/robots.txt');
    expect(deps.logLines.some((line) => line.includes('/robots.txt'))).toBe(true);
  });

  it('/readyz is 503 naming the stores when object storage cannot be reached, and 200 while it can', async () => {
    const s3 = await startS3Server(['ready-files', 'ready-keys']);
    const deps = testDeps(db.orm(), {
      files: s3FileStore(s3.placeOf('ready-files')),
      keyStore: s3KeyStore(s3.placeOf('ready-keys')),
    });
    const { app } = httpClient(deps);
    try {
      expect((await app.request('/readyz')).status).toBe(200);
    } finally {
      await s3.stop();
    }
    const down = await app.request('/readyz');
    expect(down.status).toBe(503);
    const body = (await down.json()) as { status: string; failed: string[]; checks: Record<string, string> };
    expect(body.status).toBe('unavailable');
    expect(body.failed).toEqual(['files', 'keys']);
    expect(body.checks.database).toBe('ok');
    expect(body.checks.files).toMatch(/ECONNREFUSED|connect/i);
    // Liveness does not care: the process is fine, only a dependency is not.
    expect((await app.request('/healthz')).status).toBe(200);
  });

  it('/readyz is 503 naming the database when its connection is gone', async () => {
    const orm = await createOrm(db.url());
    await orm.close(true);
    const res = await httpClient(testDeps(orm)).app.request('/readyz');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ failed: ['database'], checks: { files: 'ok', keys: 'ok' } });
  });
});
