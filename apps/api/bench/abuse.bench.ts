/**
 * Issue 15's abuse list, replayed against a real, built server over HTTP:
 *
 *   pnpm bench:abuse [--server <path to server.js>] [--database postgres://...] [--megabytes 200]
 *
 * Starts `node <server.js>` (this checkout's apps/api/dist/server.js unless
 * --server names another build, e.g. an older checkout's) with a fresh
 * DATA_DIR, the demo seed, and one trusted proxy (TRUST_PROXY_HOPS=1, and
 * TRUST_PROXY=true so a build from before TRUST_PROXY_HOPS trusts the header
 * too). Each attack is sent as a client behind that proxy would send it: the
 * client's own address is the X-Forwarded-For entry the proxy appends, so
 * "from another address" is another last entry. Sessions, Origin and Host
 * are what a browser sends; nothing is mocked or reached into.
 *
 * Prints one row per attack with what happened, the server's CPU time for
 * the attack and its peak resident memory during it (from /proc/<pid>).
 * --database: an EMPTY PostgreSQL database (rate-limit counters left by an
 * earlier run would change the figures); SQLite in DATA_DIR otherwise.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEMO_PASSWORD, DEMO_TENANT } from '@candor/db/seed';
import { fakeDocxBytes, zipBombDocx } from '../src/testing/documents.js';
import { type RawAnswer, sendRaw } from '../src/testing/raw-http.js';
import {
  cpuSeconds,
  describeStall,
  freePort,
  peakRssMegabytes,
  rssMegabytes,
  type ServerProcess,
  sampleRss,
  slowestHealthCheck,
  startServer,
} from './server-process.js';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    server: { type: 'string', default: join(here, '..', 'dist', 'server.js') },
    database: { type: 'string' },
    megabytes: { type: 'string', default: '200' },
  },
});
// Relative to where the command was started (pnpm runs scripts in apps/api).
const serverJs = resolve(process.env.INIT_CWD ?? process.cwd(), values.server);
if (!existsSync(serverJs))
  throw new Error(
    `${serverJs} does not exist: build it first (pnpm turbo run build --filter @candor/api...)`,
  );

const MB = 1024 * 1024;
const seconds = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`);
const OWNER = 'owner@acme.example';
const ADMIN = 'admin@acme.example';
const RECRUITER = 'recruiter@acme.example';
/** An account no other attack touched, so an old build's lock from attack 3 does not count here. */
const MANAGER = 'manager@acme.example';
/** A data subject of the demo tenant (any address gets a code; this one also has data). */
const SUBJECT = 'jose.alvarez@example.com';
/** What the trusted proxy appends for each party (documentation ranges); the portal's three parties are on three /24 networks. */
const FROM = {
  xffRotator: '203.0.113.7',
  lockoutAttacker: '198.51.100.66',
  owner: '192.0.2.10',
  portalAttacker: '198.51.100.77',
  portalSecondAttacker: '203.0.113.99',
  subject: '192.0.2.44',
  admin: '192.0.2.20',
  recruiter: '192.0.2.30',
};

type Row = { attack: string; outcome: string; cpu: string; peak: string };

/** Counts of each status, e.g. "30×401, 70×429". */
function tally(statuses: number[]): string {
  const counts = new Map<number, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${n}×${status}`)
    .join(', ');
}

/** A client behind the one trusted proxy: `from` is the address that proxy appends. */
function clientOf(server: ServerProcess) {
  const { base } = server;
  const send = (
    path: string,
    options: {
      method?: string;
      headers?: Record<string, string>;
      body?: string;
      from?: string;
      cookie?: string;
    } = {},
  ) => {
    const headers: Record<string, string> = { Origin: base, ...options.headers };
    if (options.from) headers['X-Forwarded-For'] = options.from;
    if (options.cookie) headers.Cookie = options.cookie;
    return sendRaw(base, path, { method: options.method, headers, body: options.body });
  };
  const json = (
    path: string,
    input: unknown,
    options: { from?: string; cookie?: string; headers?: Record<string, string> } = {},
  ) =>
    send(path, {
      ...options,
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...options.headers },
      body: JSON.stringify(input),
    });
  const query = (procedure: string, input: unknown, options: { from?: string; cookie?: string } = {}) =>
    send(`/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`, options);
  const form = (path: string, fields: Record<string, string>, from: string) =>
    send(path, {
      method: 'POST',
      from,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  const signIn = async (email: string, password: string, from: string) => {
    const answer = await json('/trpc/auth.signIn', { email, password }, { from });
    const cookie = [answer.headers['set-cookie'] ?? []]
      .flat()
      .map((c) => c.split(';')[0] ?? '')
      .find((c) => !c.endsWith('='));
    return { status: answer.status, cookie: cookie ?? '' };
  };
  return { send, json, query, form, signIn };
}

/** Runs one attack, measuring the server's CPU time and its peak RSS meanwhile. */
async function measured(server: ServerProcess, attack: string, run: () => Promise<string>): Promise<Row> {
  const cpuBefore = cpuSeconds(server.pid);
  const memory = sampleRss(server.pid);
  let outcome: string;
  try {
    outcome = await run();
  } catch (error) {
    outcome = `bench error: ${(error as Error).message}`;
  }
  const peak = memory.stop();
  return { attack, outcome, cpu: `${(cpuSeconds(server.pid) - cpuBefore).toFixed(2)} s`, peak: `${peak} MB` };
}

// 1. Oversized anonymous bodies.
async function largeBodies(server: ServerProcess): Promise<string> {
  const targets = [
    ['auth.signIn', '/trpc/auth.signIn', 'application/json'],
    ['offer form', '/offers/no-such-token', 'application/x-www-form-urlencoded'],
  ] as const;
  const parts: string[] = [];
  for (const [label, path, contentType] of targets) {
    const post = sendRaw(server.base, path, {
      method: 'POST',
      headers: { 'Content-Type': contentType, Origin: server.base },
      streamBytes: Number(values.megabytes) * MB,
    });
    const stall = await slowestHealthCheck(server.base, post);
    const answer = await post;
    parts.push(
      `${label}: ${answer.status || 'no answer'} after ${seconds(answer.ms)} (${Math.round(answer.sentBytes / MB)} MB sent), ${describeStall(stall)}`,
    );
    // Let the server finish what the post left it doing.
    await new Promise((r) => setTimeout(r, 1500));
  }
  return parts.join('; ');
}

// 2. A client rotating the first X-Forwarded-For entry; the proxy appends its real address.
async function rotatedForwardedFor(server: ServerProcess): Promise<string> {
  const client = clientOf(server);
  const statuses: number[] = [];
  for (let i = 0; i < 100; i++) {
    const spoofed = `10.${Math.floor(i / 250)}.${i % 250}.${1 + (i % 200)}`;
    const answer = await client.json(
      '/trpc/auth.signIn',
      // A different account each time, so only the per-client limit can stop it.
      { email: `nobody${i}@example.test`, password: 'wrong-password-123' },
      { from: `${spoofed}, ${FROM.xffRotator}` },
    );
    statuses.push(answer.status);
  }
  const checked = statuses.filter((s) => s === 401).length;
  const limited = statuses.filter((s) => s === 429).length;
  return `100 sign-ins: ${checked} reached the password check (401), ${limited} limited (429) [${tally(statuses)}]`;
}

// 3. Wrong passwords for the owner from an attacker, then the owner from elsewhere.
async function lockout(server: ServerProcess): Promise<string> {
  const client = clientOf(server);
  const statuses: number[] = [];
  for (let i = 0; i < 50; i++)
    statuses.push((await client.signIn(OWNER, `wrong-password-${i}`, FROM.lockoutAttacker)).status);
  const owner = await client.signIn(OWNER, DEMO_PASSWORD, FROM.owner);
  const verdict = owner.status === 200 ? 'signed in' : 'REFUSED';
  return `attacker's 50 wrong passwords: ${tally(statuses)}; then the owner from another address: ${verdict} (${owner.status})`;
}

// 4. Someone else's privacy-portal codes.
async function portalCodes(server: ServerProcess, mailDir: string): Promise<string> {
  const client = clientOf(server);
  const portal = `/careers/${DEMO_TENANT.slug}/privacy/portal`;
  const askFrom = async (from: string) =>
    (await client.form(`${portal}/code`, { email: SUBJECT }, from)).status;
  const attacker = [
    await askFrom(FROM.portalAttacker),
    await askFrom(FROM.portalAttacker),
    await askFrom(FROM.portalAttacker),
  ];
  // The codes the attacker caused are mailed to the subject too: let them arrive before telling the subject's apart.
  await codesMailed(mailDir, attacker.filter((s) => s === 200).length, new Set());
  const seen = new Set(readdirSync(mailDir));
  const subjectAsks = await askFrom(FROM.subject);
  const [code] = subjectAsks === 200 ? await codesMailed(mailDir, 1, seen) : [];
  // Then a stranger on another network asks again: does that cancel the subject's code?
  const later = await askFrom(FROM.portalSecondAttacker);
  let signIn = 'no code to try';
  if (code) {
    const verify = await client.form(`${portal}/verify`, { email: SUBJECT, code }, FROM.subject);
    signIn = verify.status === 303 ? 'signs the subject in (303)' : `REFUSED (${verify.status})`;
  }
  const verdict = subjectAsks === 200 && code ? 'code sent' : 'REFUSED';
  return `attacker's 3 code requests: ${attacker.join(', ')}; subject from own network: ${verdict} (${subjectAsks}); another network asks again: ${later}; subject's code then ${signIn}`;
}

/** Waits (up to 20 s: the outbox is sent every 2 s) for `count` new portal-code mails to SUBJECT; answers their codes. */
async function codesMailed(mailDir: string, count: number, seen: Set<string>): Promise<string[]> {
  const deadline = performance.now() + 20_000;
  for (;;) {
    const codes = (existsSync(mailDir) ? readdirSync(mailDir) : [])
      .filter((name) => !seen.has(name) && name.endsWith('.eml'))
      .map((name) => readFileSync(join(mailDir, name), 'utf8').replace(/=\r?\n/g, ''))
      .filter((mail) => mail.includes(SUBJECT))
      .map((mail) => /code is:\s*(\d{6})/.exec(mail)?.[1])
      .filter((code): code is string => !!code);
    if (codes.length >= count || performance.now() > deadline) return codes;
    await new Promise((r) => setTimeout(r, 250));
  }
}

// 5. Malformed input: NUL characters, bad percent escapes, broken bodies, wrongly typed JSON.
async function malformedInput(server: ServerProcess): Promise<string> {
  const client = clientOf(server);
  const { cookie } = await client.signIn(ADMIN, DEMO_PASSWORD, FROM.admin);
  if (!cookie) return 'bench error: the admin could not sign in';
  const as = { cookie, from: FROM.admin };
  const corpus: Array<[label: string, send: () => Promise<RawAnswer>]> = [
    [
      'NUL in candidates.list search',
      () => client.query('candidates.list', { filter: { q: 'Ada\u0000' } }, as),
    ],
    ['NUL in jobs.list search', () => client.query('jobs.list', { filter: { q: 'Engineer\u0000' } }, as)],
    [
      'NUL in users.invite name',
      () =>
        client.json(
          '/trpc/users.invite',
          { email: 'new@example.test', name: 'N\u0000', role: 'recruiter' },
          as,
        ),
    ],
    [
      'NUL in users.invite email',
      () =>
        client.json(
          '/trpc/users.invite',
          { email: 'new\u0000@example.test', name: 'New', role: 'recruiter' },
          as,
        ),
    ],
    [
      'NUL in auth.signIn email',
      () =>
        client.json(
          '/trpc/auth.signIn',
          { email: 'a\u0000@example.test', password: 'x' },
          { from: FROM.admin },
        ),
    ],
    [
      'NUL in portal code email',
      () =>
        client.form(
          `/careers/${DEMO_TENANT.slug}/privacy/portal/code`,
          { email: 'a\u0000@example.test' },
          FROM.admin,
        ),
    ],
    ['bad % in static path (1)', () => client.send('/careers/%E0%A4%A')],
    ['bad % in static path (2)', () => client.send(`/careers/${DEMO_TENANT.slug}/%zz`)],
    ['bad % in static path (3)', () => client.send(`/careers/${DEMO_TENANT.slug}/%00.html`)],
    [
      'bad % in a foreign cookie',
      () =>
        client.send('/trpc/auth.me', {
          headers: { Cookie: `theme=%E0%A4%A; pct=100%; ${cookie}` },
          from: FROM.admin,
        }),
    ],
    [
      'bad % in a foreign cookie, signed out',
      () => client.send('/trpc/auth.me', { headers: { Cookie: 'theme=%E0%A4%A' } }),
    ],
    [
      'malformed multipart offer form',
      () =>
        client.send('/offers/no-such-token', {
          method: 'POST',
          headers: { 'Content-Type': 'multipart/form-data; boundary=x' },
          body: 'not a multipart body',
        }),
    ],
    [
      'malformed urlencoded offer form',
      () =>
        client.send('/offers/no-such-token', {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: 'decision=%E0%A4%A&&=%',
        }),
    ],
    [
      'tRPC body not JSON',
      () =>
        client.send('/trpc/users.invite', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{not json',
          ...as,
        }),
    ],
  ];
  const wronglyTyped = [
    42,
    { id: 7, email: false, pagination: 'all', tenantId: [], token: 1, password: {}, filter: 'x' },
  ];
  for (const [i, input] of wronglyTyped.entries()) {
    for (const procedure of ['candidates.list', 'jobs.list', 'candidates.get', 'attachments.redactedText']) {
      corpus.push([`wrongly typed input ${i + 1} to ${procedure}`, () => client.query(procedure, input, as)]);
    }
    for (const procedure of ['users.invite', 'candidates.create', 'attachments.upload', 'auth.signIn']) {
      corpus.push([
        `wrongly typed input ${i + 1} to ${procedure}`,
        () => client.json(`/trpc/${procedure}`, input, as),
      ]);
    }
  }
  const failures: string[] = [];
  const statuses: number[] = [];
  for (const [label, send] of corpus) {
    const answer = await send().catch((error: unknown) => ({ status: 0, body: String(error) }) as RawAnswer);
    statuses.push(answer.status);
    if (answer.status >= 500 || answer.status === 0) failures.push(label);
  }
  return `${failures.length} of ${corpus.length} answered 5xx or no answer${failures.length ? `: ${failures.join('; ')}` : ''} [${tally(statuses)}]`;
}

// 6. A zip bomb and a four-byte fake, uploaded as a candidate's resume by a recruiter.
async function hostileResumes(server: ServerProcess): Promise<string> {
  const client = clientOf(server);
  const { cookie } = await client.signIn(RECRUITER, DEMO_PASSWORD, FROM.recruiter);
  if (!cookie) return 'bench error: the recruiter could not sign in';
  const as = { cookie, from: FROM.recruiter };
  const list = await client.query('candidates.list', {}, as);
  const candidateId = (JSON.parse(list.body) as { result?: { data?: { data?: Array<{ id: string }> } } })
    .result?.data?.data?.[0]?.id;
  if (!candidateId) return `bench error: no candidate to upload to (candidates.list ${list.status})`;
  const upload = (filename: string, bytes: Buffer) =>
    client.json(
      '/trpc/attachments.upload',
      { candidateId, kind: 'resume', filename, contentBase64: bytes.toString('base64') },
      as,
    );

  // The 1 GiB bomb of the issue, and one below the old 50 MB inflate cap whose text is slow to extract.
  const bombs = [
    ['1 GiB zip bomb', zipBombDocx()],
    ['40 MiB paragraph bomb', zipBombDocx({ mib: 40, fill: '<w:p><w:t>word</w:t></w:p>' })],
  ] as const;
  const outcomes: string[] = [];
  for (const [label, bomb] of bombs) {
    const answer = await upload('resume.docx', bomb);
    let outcome = `${label} (${Math.round(bomb.length / 1024)} KB): ${verdictOf(answer)}`;
    if (answer.status === 200) {
      const { id } = (JSON.parse(answer.body) as { result: { data: { id: string } } }).result.data;
      const view = client.query('attachments.redactedText', { id }, as);
      const stall = await slowestHealthCheck(server.base, view);
      const text = await view;
      outcome += `, its redacted text ${text.status} after ${seconds(text.ms)}, ${describeStall(stall)}`;
    }
    outcomes.push(outcome);
  }
  const fake = await upload('cv.docx', fakeDocxBytes());
  return `${outcomes.join('; ')}; "four bytes and two strings" DOCX: ${verdictOf(fake)}`;
}

function verdictOf(answer: RawAnswer): string {
  if (answer.status === 200) return 'ACCEPTED (200)';
  const message = (JSON.parse(answer.body) as { error?: { message?: string } }).error?.message ?? '';
  return `refused (${answer.status}: ${message.slice(0, 90)})`;
}

// 7. One GET batch of 200 list queries.
async function hugeBatch(server: ServerProcess): Promise<string> {
  const client = clientOf(server);
  const { cookie } = await client.signIn(ADMIN, DEMO_PASSWORD, FROM.admin);
  const calls = 200;
  const input = Object.fromEntries(Array.from({ length: calls }, (_, i) => [String(i), {}]));
  const path = `/trpc/${Array(calls).fill('candidates.list').join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;
  const cpuBefore = cpuSeconds(server.pid);
  const answer = await client.send(path, { cookie, from: FROM.admin });
  const cpu = cpuSeconds(server.pid) - cpuBefore;
  return `${calls} candidates.list in one GET: ${answer.status} after ${seconds(answer.ms)} (server CPU ${cpu.toFixed(2)} s)`;
}

// 8. Headers: Permissions-Policy, a forged Host, and HSTS from a second server whose origin is https.
async function headers(
  server: ServerProcess,
  startHttpsServer: () => Promise<ServerProcess>,
): Promise<string> {
  const client = clientOf(server);
  const plain = await client.send('/robots.txt');
  const forged = await sendRaw(server.base, '/careers/', { headers: { Host: 'attacker.example' } });
  const https = await startHttpsServer();
  let hsts: string;
  try {
    const answer = await sendRaw(https.base, '/robots.txt', { headers: { Host: 'candor.example.com' } });
    hsts = `${answer.headers['strict-transport-security'] ?? 'ABSENT'}`;
  } finally {
    await https.stop();
  }
  const policy = plain.headers['permissions-policy'] ? 'present' : 'ABSENT';
  return `Permissions-Policy ${policy}; Host: attacker.example → ${forged.status}; HSTS with APP_ORIGIN https: ${hsts}`;
}

// 9. Not in the issue's list: the lockout attack's guesses, each from another address of one IPv6 /64 (one host's usual share).
async function ipv6Rotation(server: ServerProcess): Promise<string> {
  const client = clientOf(server);
  const statuses: number[] = [];
  for (let i = 0; i < 100; i++)
    statuses.push(
      (await client.signIn(MANAGER, `wrong-password-${i}`, `2001:db8:5:6::${(i + 1).toString(16)}`)).status,
    );
  const checked = statuses.filter((s) => s === 401).length;
  return `100 wrong passwords for ${MANAGER} from 100 addresses of 2001:db8:5:6::/64: ${checked} reached the password check (401) [${tally(statuses)}]`;
}

function serverEnv(
  dataDir: string,
  port: number,
  origin: string,
  databaseUrl: string,
  demo: boolean,
): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'development',
    INIT_CWD: dataDir,
    PORT: String(port),
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    DEMO_SEED: demo ? 'true' : 'false',
    RETENTION_INTERVAL_MINUTES: '0',
    LOG_LEVEL: 'error',
    MASTER_KEY: randomBytes(32).toString('base64'),
    APP_ORIGIN: origin,
    TRUST_PROXY_HOPS: '1',
    TRUST_PROXY: 'true',
  };
}

/** The build's commit, and whether its checkout had uncommitted changes (a build of the working tree has them). */
function commitOf(path: string): string {
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', dirname(path), ...args], { encoding: 'utf8' }).trim();
  try {
    return `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--untracked-files=no') ? ' with uncommitted changes' : ''}`;
  } catch {
    return 'unknown';
  }
}

const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');
const loadAtStart = load();
const apiDir = join(dirname(serverJs), '..');
const dataDirs: string[] = [];
const freshDataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'candor-bench-abuse-'));
  dataDirs.push(dir);
  return dir;
};
const dataDir = freshDataDir();
const port = await freePort();
const started = performance.now();
const server = await startServer({
  args: [serverJs],
  cwd: apiDir,
  port,
  env: serverEnv(
    dataDir,
    port,
    `http://localhost:${port}`,
    values.database ?? `sqlite:${join(dataDir, 'candor.db')}`,
    true,
  ),
});
const startHttpsServer = async () => {
  const dir = freshDataDir();
  const httpsPort = await freePort();
  return startServer({
    args: [serverJs],
    cwd: apiDir,
    port: httpsPort,
    env: serverEnv(dir, httpsPort, 'https://candor.example.com', `sqlite:${join(dir, 'candor.db')}`, false),
  });
};

try {
  console.log(
    `# Abuse figures: ${serverJs} (built ${statSync(serverJs).mtime.toISOString()}; checkout now at ${commitOf(serverJs)})`,
  );
  console.log(
    `${new Date().toISOString()}; ${values.database ? 'PostgreSQL' : 'SQLite'}; server pid ${server.pid} up in ${seconds(performance.now() - started)} with the demo seed, RSS ${rssMegabytes(server.pid)} MB`,
  );
  console.log(`load average at start: ${loadAtStart}\n`);
  const rows = [
    await measured(server, `1. anonymous ${values.megabytes} MB POST, chunked`, () => largeBodies(server)),
    await measured(server, '2. X-Forwarded-For rotation', () => rotatedForwardedFor(server)),
    await measured(server, '3. lockout as a weapon', () => lockout(server)),
    await measured(server, "4. someone else's portal codes", () =>
      portalCodes(server, join(dataDir, 'mail')),
    ),
    await measured(server, '5. malformed input', () => malformedInput(server)),
    await measured(server, '6. zip bomb / fake DOCX resume', () => hostileResumes(server)),
    await measured(server, '7. 200-call tRPC GET batch', () => hugeBatch(server)),
    await measured(server, '8. headers', () => headers(server, startHttpsServer)),
    await measured(server, '9. password guessing from one IPv6 /64', () => ipv6Rotation(server)),
  ];
  console.log('| attack | outcome | server CPU | server peak RSS |');
  console.log('| --- | --- | --- | --- |');
  for (const row of rows)
    console.log(`| ${row.attack} | ${row.outcome.replaceAll('|', '\\|')} | ${row.cpu} | ${row.peak} |`);
  console.log(
    `\nserver peak RSS over the whole run (VmHWM): ${peakRssMegabytes(server.pid)} MB; load average at end: ${load()}`,
  );
} finally {
  await server.stop();
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
}
