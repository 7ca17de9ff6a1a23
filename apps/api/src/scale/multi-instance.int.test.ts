/**
 * Candor as a company runs it beyond one machine: three API instances (real
 * server processes) on one PostgreSQL database and one shared data folder,
 * behind a round-robin proxy started here, sending mail to a real SMTP
 * server started here. While 1,000 applications arrive 50 at a time, every
 * instance is asked to run the retention sweep, and one instance is killed
 * (SIGKILL) part-way. Then:
 *
 * - every application the proxy acknowledged (201) is stored exactly once;
 * - every email went out, once: the only one allowed twice is the one the
 *   killed instance may have been handing to the SMTP server as it died
 *   (delivery is at least once; mail/dispatcher.ts);
 * - no item of the sweep was processed twice, though three sweeps ran;
 * - rate limits are shared: 31 applications from one address through the
 *   two live instances get 30 acknowledgements and one refusal;
 * - a session made through one instance is valid on every other.
 *
 * PostgreSQL only: SQLite is the embedded, one-process set-up.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, request as httpRequest, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  Application,
  ApplicationIntake,
  AuditEvent,
  Candidate,
  type InferEntity,
  Job,
  JobStage,
  OutboxEmail,
  TENANT_FILTER,
} from '@candor/db';
import {
  forEachDatabase,
  seedPublishedNotice,
  seedTenant,
  seedUser,
  TEST_PASSWORD,
} from '@candor/db/testing';
import { SMTPServer } from 'smtp-server';
import { afterAll, expect, it } from 'vitest';
import { setJobStatus } from '../jobs/jobs.service.js';
import { pdfBytes } from '../testing/documents.js';
import { actorOf, seedJobWithApplicant, tenantEm } from '../testing/hiring-fixtures.js';
import { sendRaw } from '../testing/raw-http.js';

const API_DIR = resolve(import.meta.dirname, '../..');
const ANY_TENANT = { filters: { [TENANT_FILTER]: false } };
const APPLICATIONS = 1000;
const CONCURRENCY = 50;
const KILL_AFTER = 400;
const DUE_FOR_SWEEP = 40;
const YEAR = 365 * 86_400_000;

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createNetServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() =>
        typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port')),
      );
    });
  });
}

type Instance = { port: number; child: ChildProcess; alive: boolean; output(): string };

/** A real server from source (tsx), as `pnpm dev` runs it; ready once /readyz answers. */
async function startInstance(env: Record<string, string>): Promise<Instance> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@candor/source', 'src/server.ts'], {
    cwd: API_DIR,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const instance: Instance = { port, child, alive: true, output: () => log };
  child.once('exit', () => {
    instance.alive = false;
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`instance exited:\n${log}`);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return instance;
    if (Date.now() > deadline) throw new Error(`instance not ready within 2 minutes:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The load balancer: round robin over the instances still alive, passing the
 * client's address on in X-Forwarded-For (the instances trust one hop). A
 * test client names its address in X-Test-Client, as if it came from there.
 * A request to an instance that dies under it gets 502, as from any proxy.
 */
function startProxy(instances: Instance[], port: number): Promise<Server> {
  let next = 0;
  const proxy = createHttpServer((req, res) => {
    const live = instances.filter((i) => i.alive);
    const upstream = live[next++ % Math.max(1, live.length)];
    if (!upstream) {
      res.writeHead(503).end();
      return;
    }
    const { 'x-test-client': client, ...headers } = req.headers;
    const out = httpRequest(
      {
        host: '127.0.0.1',
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...headers, 'x-forwarded-for': String(client ?? '127.0.0.1') },
        agent: false,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        // An instance dying mid-answer cuts the client's connection too, as a real proxy does.
        answer.on('error', () => res.destroy());
        answer.pipe(res);
      },
    );
    req.on('error', () => out.destroy());
    out.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(out);
  });
  return new Promise((ok) => proxy.listen(port, '127.0.0.1', () => ok(proxy)));
}

/** An SMTP server that keeps the Message-ID of every message it accepts. */
async function startMailSink(): Promise<{ port: number; messageIds: string[]; close(): Promise<void> }> {
  const messageIds: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        raw += chunk;
      });
      stream.on('end', () => {
        messageIds.push(/^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? 'missing');
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  return { port, messageIds, close: () => new Promise((ok) => server.close(() => ok())) };
}

const running: Instance[] = [];
afterAll(() => {
  for (const instance of running) if (instance.alive) instance.child.kill('SIGKILL');
});

forEachDatabase('three instances behind a load balancer', (db) => {
  if (db.dialect !== 'postgresql') {
    it.skip('runs on PostgreSQL only (SQLite is the embedded, one-process set-up)', () => {});
    return;
  }

  it('stores each acknowledged application once, sends each email once, sweeps each item once, and shares limits and sessions', {
    timeout: 900_000,
  }, async () => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const admin = await seedUser(em, tenant, 'admin');
    await seedPublishedNotice(em, tenant);
    const actor = actorOf(admin.id, tenant.id);
    const { job } = await seedJobWithApplicant(db.orm(), actor);
    await setJobStatus(tenantEm(db.orm(), tenant.id), actor, job.id, 'open');
    // People whose rejection was three years ago: due for anonymization under the default policy.
    const tem = tenantEm(db.orm(), tenant.id);
    const rejected = await tem.findOneOrFail(JobStage, { job: job.id, kind: 'rejected' });
    const due: Array<InferEntity<typeof Application>> = [];
    const longAgo = new Date(Date.now() - 3 * YEAR);
    for (let n = 0; n < DUE_FOR_SWEEP; n += 1) {
      const candidate = tem.create(Candidate, {
        tenant: tenant.id,
        name: `Past Applicant ${n}`,
        email: `past.${n}@sweep.test`,
        nameKey: `past applicant ${n}`,
        links: [],
        source: 'sourced',
        createdAt: longAgo,
        lastActivityAt: longAgo,
      });
      due.push(
        tem.create(Application, {
          tenant: tenant.id,
          candidate,
          job: tem.getReference(Job, job.id),
          stage: rejected,
          status: 'rejected',
          source: 'sourced',
          answers: [],
          appliedAt: longAgo,
          lastActivityAt: longAgo,
          decidedAt: longAgo,
        }),
      );
    }
    await tem.flush();

    const dataDir = mkdtempSync(join(tmpdir(), 'candor-instances-'));
    const mail = await startMailSink();
    const proxyPort = await freePort();
    const origin = `http://127.0.0.1:${proxyPort}`;
    const env = {
      NODE_ENV: 'development',
      DATABASE_URL: db.url(),
      // One data folder for all, as a shared volume (docs/storage.md has the bucket set-up).
      DATA_DIR: dataDir,
      MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
      DEMO_SEED: 'false',
      APP_ORIGIN: origin,
      TRUST_PROXY_HOPS: '1',
      SMTP_URL: `smtp://127.0.0.1:${mail.port}`,
      OUTBOX_CLAIM_SECONDS: '20',
      INTAKE_CLAIM_SECONDS: '10',
      RETENTION_INTERVAL_MINUTES: '0',
      LOG_LEVEL: 'warn',
    };
    let proxy: Server | undefined;
    try {
      // One after the other: three compilations at once would only slow each other down.
      for (let i = 0; i < 3; i += 1) running.push(await startInstance(env));
      const instances = [...running];
      proxy = await startProxy(instances, proxyPort);
      const host = `127.0.0.1:${proxyPort}`;
      /** A request straight to one instance, as the proxy would send it (the public Host, the client's address). */
      const direct = (
        instance: Instance,
        path: string,
        init: { method?: string; headers?: Record<string, string>; body?: string } = {},
      ) =>
        sendRaw(`http://127.0.0.1:${instance.port}`, path, {
          ...init,
          headers: { Host: host, Origin: origin, 'X-Forwarded-For': '192.0.2.1', ...init.headers },
        });

      // Sessions: signed in through the first instance, known to every one.
      const signIn = await direct(instances[0]!, '/trpc/auth.signIn', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: admin.email, password: TEST_PASSWORD }),
      });
      expect(signIn.status).toBe(200);
      const cookie = [signIn.headers['set-cookie'] ?? []]
        .flat()
        .map((c) => c.split(';')[0] ?? '')
        .find((c) => !c.endsWith('='));
      expect(cookie).toBeTruthy();
      for (const instance of instances) {
        const me = await direct(instance, '/trpc/auth.me', { headers: { Cookie: cookie! } });
        expect(me.status, me.body).toBe(200);
        expect(me.body).toContain(admin.id);
      }

      // The load, with the sweep asked of every instance and one instance killed part-way.
      const acknowledged: string[] = [];
      const refused = new Map<number, number>();
      let sent = 0;
      let sweeps: Promise<unknown> | undefined;
      const apply = async (email: string, client: string) => {
        const form = new FormData();
        form.append('name', `Applicant ${email}`);
        form.append('email', email);
        form.append('ageConfirmed', 'yes');
        form.append('noticeVersion', '1');
        form.append('resume', new File([pdfBytes(`resume of ${email}`)], 'resume.pdf'));
        const answer = await fetch(`${origin}/careers/${tenant.slug}/jobs/${job.id}/apply`, {
          method: 'POST',
          headers: { Accept: 'application/json', 'X-Test-Client': client },
          body: form,
        }).catch(() => null);
        await answer?.arrayBuffer().catch(() => undefined);
        return answer?.status ?? 0;
      };
      const worker = async () => {
        while (sent < APPLICATIONS) {
          const n = sent++;
          if (n === APPLICATIONS / 5)
            sweeps = Promise.all(
              instances.map((instance) =>
                direct(instance, '/trpc/retention.runNow', {
                  method: 'POST',
                  headers: { 'Content-Type': 'application/json', Cookie: cookie! },
                  body: JSON.stringify({ dryRun: false }),
                }).catch(() => null),
              ),
            );
          if (n === KILL_AFTER) instances[2]!.child.kill('SIGKILL');
          const email = `applicant.${n}@instances.test`;
          const status = await apply(email, `198.51.${(n >> 8) & 255}.${n & 255}`);
          if (status === 201) acknowledged.push(email);
          else refused.set(status, (refused.get(status) ?? 0) + 1);
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      await sweeps;
      expect(instances[2]!.alive).toBe(false);
      // Nearly everything was acknowledged; what was not failed at the proxy as the instance died (502).
      expect(acknowledged.length).toBeGreaterThan(APPLICATIONS - CONCURRENCY);
      expect([...refused.keys()].every((status) => status === 502)).toBe(true);
      // Received applications are filed in the background; the killed instance's claimed ones once their
      // claim runs out (and on pg-boss once its filing round is given up, within about a minute and a half).
      await expect
        .poll(() => db.orm().em.fork().count(ApplicationIntake, { tenant: tenant.id }, ANY_TENANT), {
          timeout: 240_000,
          interval: 1_000,
        })
        .toBe(0);

      // Every acknowledged application is there, once; nothing is there twice.
      const check = db.orm().em.fork();
      const stored = await check.find(
        Candidate,
        { tenant: tenant.id, email: { $like: '%@instances.test' } },
        { ...ANY_TENANT, fields: ['email'] },
      );
      const storedEmails = stored.map((c) => c.email);
      expect(new Set(storedEmails).size).toBe(storedEmails.length);
      expect(storedEmails.filter((e) => acknowledged.includes(e)).length).toBe(acknowledged.length);
      const applications = await check.count(
        Application,
        { tenant: tenant.id, job: job.id, candidate: { email: { $like: '%@instances.test' } } },
        ANY_TENANT,
      );
      expect(applications).toBe(storedEmails.length);

      // Each due item was anonymized once, though three sweeps ran at the same time.
      const anonymized = await check.find(
        AuditEvent,
        { tenant: tenant.id, action: 'retention.anonymize' },
        { ...ANY_TENANT, fields: ['targetId'] },
      );
      const targets = anonymized.map((a) => a.targetId);
      expect(new Set(targets).size).toBe(targets.length);
      expect(new Set(targets)).toEqual(new Set(due.map((a) => a.id)));

      // Limits are shared: 31 applications from one address over the two live instances, 30 let through.
      const fromOne: number[] = [];
      for (let n = 0; n < 31; n += 1)
        fromOne.push(await apply(`same.client.${n}@limits.test`, '203.0.113.9'));
      expect(fromOne.filter((s) => s === 201)).toHaveLength(30);
      expect(fromOne.at(-1)).toBe(429);
      // Received applications are filed in the background; the killed instance's claimed ones once their
      // claim runs out (and on pg-boss once its filing round is given up, within about a minute and a half).
      await expect
        .poll(() => db.orm().em.fork().count(ApplicationIntake, { tenant: tenant.id }, ANY_TENANT), {
          timeout: 240_000,
          interval: 1_000,
        })
        .toBe(0);

      // Every email goes out (the killed instance's claimed batch after its claim runs out), each once.
      await expect
        .poll(
          () => db.orm().em.fork().count(OutboxEmail, { tenant: tenant.id, status: 'pending' }, ANY_TENANT),
          { timeout: 300_000, interval: 1_000 },
        )
        .toBe(0);
      const sentRows = await db
        .orm()
        .em.fork()
        .count(OutboxEmail, { tenant: tenant.id, status: 'sent' }, ANY_TENANT);
      expect(sentRows).toBeGreaterThanOrEqual(acknowledged.length + 30);
      const distinct = new Set(mail.messageIds);
      expect(distinct.has('missing')).toBe(false);
      expect(distinct.size).toBe(sentRows);
      expect(mail.messageIds.length - distinct.size).toBeLessThanOrEqual(1);
    } catch (error) {
      for (const [i, instance] of running.entries())
        console.error(`instance ${i}:\n${instance.output().slice(-3000)}`);
      throw error;
    } finally {
      for (const instance of running) if (instance.alive) instance.child.kill('SIGTERM');
      proxy?.close();
      await mail.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
