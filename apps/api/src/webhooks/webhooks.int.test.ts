import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Application, Disclosure, OutboxEmail, WebhookDelivery, WebhookSubscription } from '@candor/db';
import { forEachDatabase, seedPublishedNotice, seedTenant, seedUser } from '@candor/db/testing';
import type { TApiScope, TWebhookEvent } from '@candor/schemas';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setJobStatus } from '../jobs/jobs.service.js';
import { rotateMasterKey } from '../keys/rotation.js';
import { eraseSubject } from '../privacy/subject-erasure.js';
import { applicationFields, postApplication } from '../testing/careers-apply.js';
import { daysFromNow } from '../testing/dates.js';
import { actorOf, seedJobWithApplicant, tenantEm } from '../testing/hiring-fixtures.js';
import { callerFor, httpClient, sessionFor, TEST_ORIGIN, testDeps } from '../testing/test-app.js';
import {
  deliverDueWebhooks,
  pruneWebhookLog,
  WEBHOOK_LOG_DAYS,
  WEBHOOK_MAX_ATTEMPTS,
  WEBHOOK_RETRY_DELAYS_MS,
} from './webhook-delivery.js';
import { emitApplicationEvent } from './webhook-events.js';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real HTTP receiver on 127.0.0.1: records every request, answers with the status its path's queue says (200 when empty). */
class Receiver {
  readonly received: Received[] = [];
  private readonly answers = new Map<string, number[]>();
  private readonly delays = new Map<string, number>();
  private server: Server | undefined;
  base = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const path = req.url ?? '/';
        this.received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        const queue = this.answers.get(path);
        res.statusCode = queue?.shift() ?? 200;
        setTimeout(() => res.end('ok'), this.delays.get(path) ?? 0);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  answer(path: string, ...statuses: number[]): void {
    this.answers.set(path, statuses);
  }

  /** Answers requests to `path` only after `ms` (a slow receiver). */
  slow(path: string, ms: number): void {
    this.delays.set(path, ms);
  }

  at(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }
}

/** What a receiver does (docs/webhooks.md): recompute the HMAC of "<t>.<body>" and compare in constant time. */
function verify(secret: string, received: Received): boolean {
  const header = String(received.headers['candor-signature'] ?? '');
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=') as [string, string]));
  if (!parts.t || !parts.v1) return false;
  const expected = createHmac('sha256', secret).update(`${parts.t}.${received.body}`).digest('hex');
  return timingSafeEqual(Buffer.from(expected), Buffer.from(parts.v1));
}

const ALL_EVENTS: TWebhookEvent[] = [
  'application.created',
  'application.stage_changed',
  'application.hired',
  'offer.accepted',
  'candidate.erased',
];

let receiver: Receiver;
beforeAll(async () => {
  receiver = new Receiver();
  await receiver.start();
});
afterAll(() => receiver.stop());

let run = 0;

forEachDatabase('webhooks', (db) => {
  const setup = async () => {
    const n = ++run;
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em, { name: `Hooked ${n}` });
    const admin = await seedUser(em, tenant, 'admin');
    const recruiter = await seedUser(em, tenant, 'recruiter');
    const deps = testDeps(db.orm());
    const asAdmin = await callerFor(deps, await sessionFor(deps, admin.id, tenant.id));
    const asRecruiter = await callerFor(deps, await sessionFor(deps, recruiter.id, tenant.id));
    const subscribe = async (path: string, scopes: TApiScope[], events: TWebhookEvent[] = ALL_EVENTS) => {
      const created = await asAdmin.webhooks.create({
        name: `Receiver ${path}`,
        url: `${receiver.base}${path}`,
        events,
        scopes,
      });
      return { ...created, path, secret: created.secret! };
    };
    const deliveries = (where: object = {}) =>
      tenantEm(db.orm(), tenant.id).find(WebhookDelivery, where, { orderBy: { createdAt: 'asc' } });
    const deliver = (now = new Date()) => deliverDueWebhooks(db.orm(), deps, now);
    return { n, tenant, admin, recruiter, deps, asAdmin, asRecruiter, subscribe, deliveries, deliver };
  };

  it('delivers each event signed, once per subscription, with the payload cut down to its scopes', async () => {
    const { n, tenant, recruiter, asRecruiter, subscribe, deliver } = await setup();
    const full = await subscribe(`/full-${n}`, ['candidates:read', 'applications:read', 'jobs:read']);
    const bare = await subscribe(`/bare-${n}`, []);
    expect(full.secret).toMatch(/^whsec_/);
    const { job, candidate, applicationId } = await seedJobWithApplicant(
      db.orm(),
      actorOf(recruiter.id, tenant.id, 'recruiter'),
      { title: `Hook Engineer ${n}` },
      { name: `Hanna Hooked ${n}`, email: `hanna${n}@example.test` },
    );
    await asRecruiter.applications.move({
      ids: [applicationId],
      stageId: job.stages.find((s) => s.kind === 'hired')!.id,
    });
    const counts = await deliver();
    expect(counts).toMatchObject({ delivered: 6, failed: 0, retried: 0 });

    const toFull = receiver.at(full.path);
    const toBare = receiver.at(bare.path);
    // One per event; those of one transaction (the move and the hire) in no promised order.
    const byEvent = (list: Received[], event: string) =>
      list.find((r) => r.headers['candor-event'] === event)!;
    expect(toFull.map((r) => r.headers['candor-event']).sort()).toEqual([
      'application.created',
      'application.hired',
      'application.stage_changed',
    ]);
    for (const r of toFull) expect(verify(full.secret, r)).toBe(true);
    for (const r of toBare) expect(verify(bare.secret, r)).toBe(true);
    // Another subscription's secret does not verify, nor does a changed body.
    expect(verify(bare.secret, toFull[0]!)).toBe(false);
    expect(verify(full.secret, { ...toFull[0]!, body: toFull[0]!.body.replace('Hanna', 'Hannah') })).toBe(
      false,
    );
    // The delivery id is the row's; the event id is shared by both subscriptions' copies.
    const rows = await tenantEm(db.orm(), tenant.id).find(WebhookDelivery, { subscription: full.id });
    expect(rows.map((r) => r.id).sort()).toEqual(
      toFull.map((r) => String(r.headers['candor-delivery'])).sort(),
    );
    const fullHired = JSON.parse(byEvent(toFull, 'application.hired').body);
    const bareHired = JSON.parse(byEvent(toBare, 'application.hired').body);
    expect(fullHired.id).toBe(bareHired.id);
    expect(fullHired).toMatchObject({
      type: 'application.hired',
      data: {
        application: { id: applicationId, stage: { kind: 'hired' }, source: 'careers_site' },
        candidate: { id: candidate.id, name: `Hanna Hooked ${n}`, email: `hanna${n}@example.test` },
        job: { id: job.id, title: `Hook Engineer ${n}` },
      },
    });
    expect(
      JSON.parse(byEvent(toFull, 'application.stage_changed').body).data.application.previousStage.kind,
    ).toBe('applied');
    // No scopes: ids only, in every event.
    expect(bareHired.data).toEqual({
      application: { id: applicationId, candidateId: candidate.id, jobId: job.id },
      candidate: { id: candidate.id },
      job: { id: job.id },
    });
    for (const r of toBare) {
      expect(r.body).not.toContain('Hanna');
      expect(r.body).not.toContain('hanna');
      expect(r.body).not.toContain('Hook Engineer');
      expect(r.body).not.toContain('"stage"');
    }
    // Nothing left to send.
    expect((await deliver()).picked).toBe(0);
  });

  it('records in the disclosure log what left with personal data, and nothing for ids only', async () => {
    const { n, tenant, recruiter, subscribe, deliver } = await setup();
    await subscribe(`/names-${n}`, ['candidates:read'], ['application.created']);
    await subscribe(`/ids-${n}`, [], ['application.created']);
    const { candidate, applicationId } = await seedJobWithApplicant(
      db.orm(),
      actorOf(recruiter.id, tenant.id, 'recruiter'),
    );
    // Not yet delivered: not yet disclosed.
    const em = tenantEm(db.orm(), tenant.id);
    expect(await em.count(Disclosure, { candidate: candidate.id })).toBe(0);
    await deliver();
    const rows = await tenantEm(db.orm(), tenant.id).find(Disclosure, { candidate: candidate.id });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      recipientName: `Receiver /names-${n} (${new URL(receiver.base).host})`,
      via: 'webhook',
      categories: ['user.contact.email', 'user.name'],
      purpose: 'Webhook event application.created',
    });
    expect(rows[0]!.application?.id).toBe(applicationId);
  });

  it('deletes finished deliveries from the log after 30 days, payloads and all, and keeps the disclosure record', async () => {
    const { n, tenant, recruiter, asAdmin, subscribe, deliver, deliveries } = await setup();
    await subscribe(`/aged-${n}`, ['candidates:read'], ['application.created']);
    const down = await subscribe(`/down-${n}`, [], ['application.created']);
    receiver.answer(`/down-${n}`, 500);
    const { candidate } = await seedJobWithApplicant(db.orm(), actorOf(recruiter.id, tenant.id, 'recruiter'));
    await deliver();
    const [delivered, waiting] = await deliveries();
    expect([delivered!.status, waiting!.status]).toEqual(['delivered', 'pending']);
    // A month on: the delivered one is pruned; one still being retried stays, as does a recent one.
    const monthLater = new Date(Date.now() + (WEBHOOK_LOG_DAYS + 1) * 86_400_000);
    const pruned = await pruneWebhookLog(db.orm(), monthLater);
    expect(pruned).toBeGreaterThanOrEqual(1);
    expect((await deliveries()).map((d) => d.id)).toEqual([waiting!.id]);
    expect(await tenantEm(db.orm(), tenant.id).count(Disclosure, { candidate: candidate.id })).toBe(1);
    // Thirty days is not yet old.
    await seedJobWithApplicant(db.orm(), actorOf(recruiter.id, tenant.id, 'recruiter'));
    await deliver();
    const before = (await deliveries({ status: 'delivered' })).length;
    expect(before).toBeGreaterThan(0);
    await pruneWebhookLog(db.orm(), new Date(Date.now() + (WEBHOOK_LOG_DAYS - 1) * 86_400_000));
    expect(await deliveries({ status: 'delivered' })).toHaveLength(before);
    // Rounds deliver for every tenant: the retries still due here must not reach the next test's rounds.
    await asAdmin.webhooks.delete({ id: down.id });
  });

  it('retries after a 500 with growing waits, then delivers; gives up after the last attempt; redelivers on request', async () => {
    const { n, tenant, recruiter, asAdmin, subscribe, deliveries, deliver } = await setup();
    const flaky = await subscribe(`/flaky-${n}`, [], ['application.created']);
    receiver.answer(flaky.path, 500);
    await seedJobWithApplicant(db.orm(), actorOf(recruiter.id, tenant.id, 'recruiter'));
    const t0 = new Date();
    expect(await deliver(t0)).toMatchObject({ retried: 1, delivered: 0 });
    let [row] = await deliveries({ subscription: flaky.id });
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastHttpStatus: 500, lastError: 'HTTP 500' });
    expect(row!.nextAttemptAt.getTime()).toBe(t0.getTime() + WEBHOOK_RETRY_DELAYS_MS[0]);
    // Not due before the wait is over.
    expect((await deliver(new Date(t0.getTime() + 30_000))).picked).toBe(0);
    expect(await deliver(new Date(t0.getTime() + 61_000))).toMatchObject({ delivered: 1 });
    [row] = await deliveries({ subscription: flaky.id });
    expect(row).toMatchObject({ status: 'delivered', attempts: 2, lastHttpStatus: 200, lastError: null });
    expect(receiver.at(flaky.path)).toHaveLength(2);
    // The retry carries the same delivery id, so the receiver can tell it is the same one.
    expect(new Set(receiver.at(flaky.path).map((r) => r.headers['candor-delivery'])).size).toBe(1);

    const down = await subscribe(`/down-${n}`, [], ['application.created']);
    receiver.answer(down.path, ...Array(WEBHOOK_MAX_ATTEMPTS).fill(503));
    await seedJobWithApplicant(db.orm(), actorOf(recruiter.id, tenant.id, 'recruiter'));
    let at = new Date();
    for (let attempt = 1; attempt <= WEBHOOK_MAX_ATTEMPTS; attempt += 1) {
      await deliver(at);
      const [now] = await deliveries({ subscription: down.id });
      expect(now!.attempts).toBe(attempt);
      expect(now!.status).toBe(attempt < WEBHOOK_MAX_ATTEMPTS ? 'pending' : 'failed');
      at = new Date(at.getTime() + (WEBHOOK_RETRY_DELAYS_MS[attempt - 1] ?? 0) + 1_000);
    }
    expect(receiver.at(down.path)).toHaveLength(WEBHOOK_MAX_ATTEMPTS);
    expect((await deliver(new Date(at.getTime() + 86_400_000))).picked).toBe(0);

    // The log shows it; a redelivery sends it again at once (the receiver is back up).
    const failed = await asAdmin.webhooks.deliveries({ status: 'failed', subscriptionId: down.id });
    expect(failed.total).toBe(1);
    expect(failed.data[0]).toMatchObject({ attempts: WEBHOOK_MAX_ATTEMPTS, lastHttpStatus: 503 });
    const again = await asAdmin.webhooks.redeliver({ id: failed.data[0]!.id });
    expect(again).toMatchObject({ status: 'delivered', attempts: 1, lastHttpStatus: 200 });
    expect(receiver.at(down.path)).toHaveLength(WEBHOOK_MAX_ATTEMPTS + 1);
  });

  it('sends a signed ping, and keeps it in the log', async () => {
    const { n, asAdmin, subscribe } = await setup();
    const hook = await subscribe(`/ping-${n}`, []);
    const ping = await asAdmin.webhooks.ping({ id: hook.id });
    expect(ping).toMatchObject({ event: 'ping', status: 'delivered', lastHttpStatus: 200 });
    const [received] = receiver.at(hook.path);
    expect(verify(hook.secret, received!)).toBe(true);
    expect(JSON.parse(received!.body)).toMatchObject({ type: 'ping', data: { subscriptionId: hook.id } });
    // A rotated secret signs from then on; the old one no longer verifies.
    const rotated = await asAdmin.webhooks.update({
      id: hook.id,
      name: hook.name,
      url: hook.url,
      events: hook.events,
      scopes: [],
      rotateSecret: true,
    });
    expect(rotated.secret).toMatch(/^whsec_/);
    await asAdmin.webhooks.ping({ id: hook.id });
    const second = receiver.at(hook.path)[1]!;
    expect(verify(rotated.secret!, second)).toBe(true);
    expect(verify(hook.secret, second)).toBe(false);
    // The secret is shown once: lists never carry it, and it is sealed at rest.
    expect(JSON.stringify(await asAdmin.webhooks.list())).not.toContain('whsec_');
  });

  it('reports an erasure with ids only, after deleting the deliveries that named the candidate', async () => {
    const { n, tenant, recruiter, subscribe, deliveries, deliver } = await setup();
    const hook = await subscribe(`/erase-${n}`, ['candidates:read', 'applications:read', 'jobs:read']);
    const { candidate } = await seedJobWithApplicant(
      db.orm(),
      actorOf(recruiter.id, tenant.id, 'recruiter'),
      {},
      {
        name: `Erin Erased ${n}`,
      },
    );
    expect(await deliveries({ candidate: candidate.id })).toHaveLength(1);
    await tenantEm(db.orm(), tenant.id).transactional((tx) => eraseSubject(tx, candidate.id));
    const rows = await deliveries({ subscription: hook.id });
    expect(rows.map((r) => r.event)).toEqual(['candidate.erased']);
    expect(rows[0]!.payload).toEqual({
      id: rows[0]!.eventId,
      type: 'candidate.erased',
      createdAt: expect.any(String),
      data: { candidate: { id: candidate.id } },
    });
    await deliver();
    const [received] = receiver.at(hook.path);
    expect(received!.headers['candor-event']).toBe('candidate.erased');
    expect(received!.body).not.toContain('Erin');
    expect(verify(hook.secret, received!)).toBe(true);
  });

  it('sends nothing about a candidate who restricted processing', async () => {
    const { n, tenant, admin, recruiter, deps, asAdmin, subscribe, deliveries, deliver } = await setup();
    const hook = await subscribe(`/restricted-${n}`, ['candidates:read']);
    const actor = actorOf(recruiter.id, tenant.id, 'recruiter');
    const { candidate } = await seedJobWithApplicant(db.orm(), actor, {}, { name: `Rita Restricted ${n}` });
    // Written before the restriction, held at delivery.
    expect(await deliveries({ candidate: candidate.id })).toHaveLength(1);
    await asAdmin.candidates.restrict({ id: candidate.id });
    expect((await deliver()).picked).toBe(0);
    expect(receiver.at(hook.path)).toHaveLength(0);
    const [held] = await deliveries({ candidate: candidate.id });
    expect(held).toMatchObject({ status: 'pending', attempts: 0 });
    expect(held!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 30 * 60_000);

    // Applying on the careers site while restricted is stored, and not reported.
    await seedPublishedNotice(db.orm().em.fork(), tenant);
    const { job: other } = await seedJobWithApplicant(db.orm(), actor);
    await setJobStatus(tenantEm(db.orm(), tenant.id), actorOf(admin.id, tenant.id), other.id, 'open');
    const client = httpClient(deps);
    const res = await postApplication(
      client,
      { slug: tenant.slug, jobId: other.id },
      applicationFields({ name: `Rita Restricted ${n}`, email: candidate.email }),
    );
    expect(res.status).toBe(201);
    const em = tenantEm(db.orm(), tenant.id);
    expect(await em.count(Application, { candidate: candidate.id })).toBe(2);
    expect(await deliveries({ candidate: candidate.id })).toHaveLength(1);
    // And the emitter itself refuses, whoever calls it.
    await em.transactional(async (tx) => {
      const app = await tx.findOneOrFail(
        Application,
        { candidate: candidate.id, job: other.id },
        { populate: ['candidate', 'job', 'stage'] },
      );
      await emitApplicationEvent(tx, 'application.stage_changed', { application: app });
    });
    expect(await deliveries({ candidate: candidate.id })).toHaveLength(1);
    expect(receiver.at(hook.path)).toHaveLength(0);
  });

  it('reports an application from the careers site', async () => {
    const { n, tenant, admin, deps, recruiter, subscribe, deliver } = await setup();
    const hook = await subscribe(`/careers-${n}`, ['candidates:read'], ['application.created']);
    await seedPublishedNotice(db.orm().em.fork(), tenant);
    const { job } = await seedJobWithApplicant(db.orm(), actorOf(recruiter.id, tenant.id, 'recruiter'));
    await setJobStatus(tenantEm(db.orm(), tenant.id), actorOf(admin.id, tenant.id), job.id, 'open');
    const email = `applicant${n}@example.test`;
    const res = await postApplication(
      httpClient(deps),
      { slug: tenant.slug, jobId: job.id },
      applicationFields({ name: `Ada Applicant ${n}`, email }),
    );
    expect(res.status).toBe(201);
    await deliver();
    const bodies = receiver.at(hook.path).map((r) => JSON.parse(r.body));
    expect(bodies.map((b) => b.data.candidate.email)).toContain(email);
  });

  describe('tenant isolation', () => {
    it("never shows or sends one tenant's webhooks to another", async () => {
      const a = await setup();
      const b = await setup();
      const hookA = await a.subscribe(`/tenant-a-${a.n}`, ['candidates:read']);
      await b.subscribe(`/tenant-b-${b.n}`, ['candidates:read']);
      await seedJobWithApplicant(
        db.orm(),
        actorOf(b.recruiter.id, b.tenant.id, 'recruiter'),
        {},
        {
          name: `Bob of B ${b.n}`,
        },
      );
      await a.deliver();
      // Tenant B's event went to B's receiver only.
      expect(receiver.at(hookA.path)).toHaveLength(0);
      expect(receiver.at(`/tenant-b-${b.n}`)).toHaveLength(1);
      expect((await a.asAdmin.webhooks.list()).map((s) => s.id)).toEqual([hookA.id]);
      const logB = await b.asAdmin.webhooks.deliveries({});
      expect(logB.total).toBe(1);
      expect((await a.asAdmin.webhooks.deliveries({})).total).toBe(0);
      const codeOf = (p: Promise<unknown>) =>
        p.then(
          () => 'OK',
          (e: unknown) => (e instanceof TRPCError ? e.code : String(e)),
        );
      expect(await codeOf(a.asAdmin.webhooks.redeliver({ id: logB.data[0]!.id }))).toBe('NOT_FOUND');
      expect(await codeOf(b.asAdmin.webhooks.ping({ id: hookA.id }))).toBe('NOT_FOUND');
      expect(await codeOf(b.asAdmin.webhooks.delete({ id: hookA.id }))).toBe('NOT_FOUND');
      // A recruiter manages no webhooks.
      expect(await codeOf(a.asRecruiter.webhooks.list())).toBe('FORBIDDEN');
    });
  });

  it('reports an offer sent (a stage change) and accepted on the offer page (hired, offer accepted)', async () => {
    const { n, tenant, recruiter, deps, asAdmin, asRecruiter, subscribe, deliver } = await setup();
    const hook = await subscribe(
      `/offers-${n}`,
      ['applications:read'],
      ['application.stage_changed', 'application.hired', 'offer.accepted'],
    );
    const { applicationId } = await seedJobWithApplicant(
      db.orm(),
      actorOf(recruiter.id, tenant.id, 'recruiter'),
    );
    const offer = await asRecruiter.offers.create({
      applicationId,
      salary: 70_000,
      currency: 'eur',
      startDate: daysFromNow(30),
      expiresOn: daysFromNow(7),
    });
    await asAdmin.offers.approve({ id: offer.id });
    await asRecruiter.offers.send({ id: offer.id });
    const [mail] = await tenantEm(db.orm(), tenant.id).find(OutboxEmail, { template: 'offer' });
    const token = /\/offers\/(\S+)/.exec(mail!.text)![1]!;
    const accepted = await httpClient(deps).request(`/offers/${token}`, {
      method: 'POST',
      headers: { Origin: TEST_ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'decision=accept',
    });
    expect(accepted.status).toBe(200);
    await deliver();
    const bodies = receiver.at(hook.path).map((r) => JSON.parse(r.body));
    expect(bodies.map((b) => `${b.type} ${b.data.application.stage?.kind}`).sort()).toEqual([
      'application.hired hired',
      'application.stage_changed hired',
      'application.stage_changed offer',
      'offer.accepted hired',
    ]);
    const acceptedEvent = bodies.find((b) => b.type === 'offer.accepted');
    expect(acceptedEvent.data.offer).toMatchObject({ id: offer.id, startDate: daysFromNow(30) });
    // applications:read without candidates:read: stages, never the person.
    expect(acceptedEvent.data.candidate).toEqual({ id: expect.any(String) });
  });

  it('sends each delivery once when several runners work at the same time', async () => {
    const { n, tenant, recruiter, subscribe, deliveries } = await setup();
    const hook = await subscribe(`/concurrent-${n}`, [], ['application.created']);
    const actor = actorOf(recruiter.id, tenant.id, 'recruiter');
    for (let i = 0; i < 6; i += 1) await seedJobWithApplicant(db.orm(), actor);
    const deps = testDeps(db.orm());
    const rounds = await Promise.all(
      [1, 2, 3].map(() => deliverDueWebhooks(db.orm(), deps, new Date(Date.now() + 1_000))),
    );
    expect(rounds.reduce((sum, r) => sum + r.delivered, 0)).toBe(6);
    const ids = receiver.at(hook.path).map((r) => String(r.headers['candor-delivery']));
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
    expect((await deliveries({ subscription: hook.id })).every((d) => d.status === 'delivered')).toBe(true);
  });

  it('posts nothing once its round is out of time, and hands the other claims back at once', async () => {
    const { n, tenant, recruiter, subscribe, deliveries, deps } = await setup();
    const hook = await subscribe(`/slow-${n}`, [], ['application.created']);
    receiver.slow(hook.path, 300);
    const actor = actorOf(recruiter.id, tenant.id, 'recruiter');
    for (let i = 0; i < 3; i += 1) await seedJobWithApplicant(db.orm(), actor);
    // The first post is under way when the round's time (100 ms) runs out: the other two are not posted.
    const round = await deliverDueWebhooks(db.orm(), deps, new Date(), { until: Date.now() + 100 });
    expect(round).toMatchObject({ picked: 3, delivered: 1 });
    expect(receiver.at(hook.path)).toHaveLength(1);
    const waiting = (await deliveries({ subscription: hook.id })).filter((d) => d.status === 'pending');
    expect(waiting).toHaveLength(2);
    // Handed back: due now (not after the claim's two-minute lease), and no attempt counted.
    for (const delivery of waiting) {
      expect(delivery.attempts).toBe(0);
      expect(delivery.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    }
    expect(await deliverDueWebhooks(db.orm(), deps)).toMatchObject({ delivered: 2 });
    const ids = receiver.at(hook.path).map((r) => String(r.headers['candor-delivery']));
    expect(new Set(ids).size).toBe(3);
  });

  it('keeps signing with the same secret after the master key is rotated', async () => {
    const { n, tenant, admin, deps, subscribe } = await setup();
    const hook = await subscribe(`/rotated-${n}`, []);
    const stored = await tenantEm(db.orm(), tenant.id).findOneOrFail(WebhookSubscription, hook.id);
    expect(stored.secretWrapped).toMatch(/^v1\./);
    expect(stored.secretWrapped).not.toContain(hook.secret);
    const newMaster = Buffer.alloc(32, 9);
    const rotation = await rotateMasterKey(db.orm().em.fork(), deps.masterKey, newMaster);
    expect(rotation.webhookSecrets).toBeGreaterThanOrEqual(1);
    try {
      const rotatedDeps = testDeps(db.orm(), { masterKey: newMaster });
      const asAdminAfter = await callerFor(rotatedDeps, await sessionFor(rotatedDeps, admin.id, tenant.id));
      await asAdminAfter.webhooks.ping({ id: hook.id });
      expect(verify(hook.secret, receiver.at(hook.path)[0]!)).toBe(true);
    } finally {
      // Put back, so later tests of this database keep the key their deps hold.
      await rotateMasterKey(db.orm().em.fork(), newMaster, deps.masterKey);
    }
  });

  it('refuses a private address unless the operator allows it', async () => {
    const { n, tenant, admin } = await setup();
    const deps = testDeps(db.orm(), { allowPrivateHosts: false });
    const asAdmin = await callerFor(deps, await sessionFor(deps, admin.id, tenant.id));
    const attempt = asAdmin.webhooks.create({
      name: `Internal ${n}`,
      url: 'http://127.0.0.1:9/hooks',
      events: ['application.created'],
      scopes: [],
    });
    await expect(attempt).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
