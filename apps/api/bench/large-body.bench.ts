/**
 * What one anonymous oversized post costs the server:
 *
 *   pnpm bench:large-body [--megabytes 200]
 *
 * Starts the real server (src/server.ts, a fresh SQLite file, no demo seed)
 * in a child process, then streams a large chunked body, without
 * Content-Length so no early check on a header can help, to a few public
 * routes one after the other. For each it reports the status, how long the
 * answer took, the slowest /healthz answer while the post was in flight
 * (does the server stall?) and the server's peak resident memory (sampled
 * from /proc every 20 ms).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sendRaw } from '../src/testing/raw-http.js';
import {
  describeStall,
  freePort,
  rssMegabytes,
  sampleRss,
  slowestHealthCheck,
  startServer,
} from './server-process.js';

const { values } = parseArgs({ options: { megabytes: { type: 'string', default: '200' } } });
const totalBytes = Number(values.megabytes) * 1024 * 1024;
const TARGETS = [
  { label: 'tRPC mutation (auth.signIn)', path: '/trpc/auth.signIn', contentType: 'application/json' },
  {
    label: 'tRPC upload (attachments.upload)',
    path: '/trpc/attachments.upload',
    contentType: 'application/json',
  },
  {
    label: 'offer form (POST /offers/:token)',
    path: '/offers/no-such-token',
    contentType: 'application/x-www-form-urlencoded',
  },
];

const dataDir = mkdtempSync(join(tmpdir(), 'candor-bench-body-'));
const port = await freePort();
const base = `http://localhost:${port}`;
const apiDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const server = await startServer({
  args: ['--import', 'tsx', '--conditions=@candor/source', 'src/server.ts'],
  cwd: apiDir,
  port,
  env: {
    ...process.env,
    INIT_CWD: dataDir,
    PORT: String(port),
    DATA_DIR: dataDir,
    DATABASE_URL: `sqlite:${join(dataDir, 'candor.db')}`,
    DEMO_SEED: 'false',
    RETENTION_INTERVAL_MINUTES: '0',
    LOG_LEVEL: 'warn',
    MASTER_KEY: randomBytes(32).toString('base64'),
    APP_ORIGIN: base,
  },
});

try {
  const { pid } = server;
  console.log(
    `server pid ${pid}, RSS at rest ${rssMegabytes(pid)} MB; posting ${values.megabytes} MB, chunked, to each route\n`,
  );
  console.log('| route | status | answer after | body sent | /healthz meanwhile | server peak RSS |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const target of TARGETS) {
    const memory = sampleRss(pid);
    // Without Content-Length (chunked), so no early check on a header can help.
    const post = sendRaw(base, target.path, {
      method: 'POST',
      headers: { 'Content-Type': target.contentType, Origin: base },
      streamBytes: totalBytes,
    });
    const stall = await slowestHealthCheck(base, post);
    const result = await post;
    // Let the server finish whatever the post left it doing, so the next route starts from rest.
    await new Promise((r) => setTimeout(r, 1500));
    const peak = memory.stop();
    console.log(
      `| ${target.label} | ${result.status} | ${Math.round(result.ms)} ms | ${Math.round(result.sentBytes / 1024 / 1024)} MB | ${describeStall(stall)} | ${peak} MB |`,
    );
  }
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
