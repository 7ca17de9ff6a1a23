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
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { megabytes: { type: 'string', default: '200' } } });
const totalBytes = Number(values.megabytes) * 1024 * 1024;
const TARGETS = [
  { label: 'tRPC mutation (auth.signIn)', path: '/trpc/auth.signIn', contentType: 'application/json' },
  { label: 'tRPC upload (attachments.upload)', path: '/trpc/attachments.upload', contentType: 'application/json' },
  { label: 'offer form (POST /offers/:token)', path: '/offers/no-such-token', contentType: 'application/x-www-form-urlencoded' },
];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function rssMegabytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : Number.NaN;
}

async function waitUntilUp(base: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start within 60 s');
}

/** Streams `totalBytes` in 1 MB chunks (one reused buffer: the client's memory stays flat) until the server answers. */
function postStreamed(base: string, path: string, contentType: string): Promise<{ status: number; ms: number; sentMb: number }> {
  const chunk = Buffer.alloc(1024 * 1024, 'a');
  const started = performance.now();
  return new Promise((resolve) => {
    let sent = 0;
    let answered = false;
    const req = request(`${base}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': contentType, Origin: base, 'Transfer-Encoding': 'chunked' },
    });
    const finish = (status: number) => {
      if (answered) return;
      answered = true;
      resolve({ status, ms: Math.round(performance.now() - started), sentMb: Math.round(sent / 1024 / 1024) });
      req.destroy();
    };
    req.on('response', (res) => {
      res.resume();
      finish(res.statusCode ?? 0);
    });
    req.on('error', () => finish(0));
    const write = () => {
      while (!answered && sent < totalBytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', write);
      }
      if (!answered) req.end();
    };
    write();
  });
}

async function slowestHealthCheck(base: string, until: Promise<unknown>): Promise<number> {
  let done = false;
  void until.then(() => {
    done = true;
  });
  let slowest = 0;
  while (!done) {
    const started = performance.now();
    await fetch(`${base}/healthz`).then((r) => r.arrayBuffer());
    slowest = Math.max(slowest, performance.now() - started);
    await new Promise((r) => setTimeout(r, 50));
  }
  return Math.round(slowest);
}

const dataDir = mkdtempSync(join(tmpdir(), 'candor-bench-body-'));
const port = await freePort();
const base = `http://localhost:${port}`;
const apiDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@candor/source', 'src/server.ts'], {
  cwd: apiDir,
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
  stdio: ['ignore', 'ignore', 'inherit'],
});

try {
  await waitUntilUp(base, child);
  const pid = child.pid ?? 0;
  console.log(`server pid ${pid}, RSS at rest ${rssMegabytes(pid)} MB; posting ${values.megabytes} MB, chunked, to each route\n`);
  console.log('| route | status | answer after | body sent | slowest /healthz meanwhile | server peak RSS |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const target of TARGETS) {
    let peak = rssMegabytes(pid);
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssMegabytes(pid));
    }, 20);
    const post = postStreamed(base, target.path, target.contentType);
    const healthMs = await slowestHealthCheck(base, post);
    const result = await post;
    // Let the server finish whatever the post left it doing, so the next route starts from rest.
    await new Promise((r) => setTimeout(r, 1500));
    clearInterval(sampler);
    console.log(
      `| ${target.label} | ${result.status} | ${result.ms} ms | ${result.sentMb} MB | ${healthMs} ms | ${peak} MB |`,
    );
  }
} finally {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
