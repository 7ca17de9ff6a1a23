import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Candidate, OutboxEmail, TENANT_FILTER } from '@candor/db';
import { forEachDatabase, seedTenant } from '@candor/db/testing';
import { expect, it } from 'vitest';
import { createLogger } from '../logging/logger.js';
import { deliverDueEmails, drainOutbox } from './dispatcher.js';
import { enqueueEmail } from './outbox.js';
import { fileTransport, type MailTransport } from './transport.js';

const logger = createLogger('silent');
const ALL = { filters: { [TENANT_FILTER]: false } } as const;

/** A transport that keeps whom each email went to, in order. */
function recordingTransport(): { sentTo: string[]; recording: MailTransport } {
  const sentTo: string[] = [];
  return {
    sentTo,
    recording: {
      kind: 'smtp',
      send: async (message) => {
        sentTo.push(message.to);
      },
    },
  };
}

forEachDatabase('outbox dispatcher', (db) => {
  it('delivers queued email as a real MIME message and marks it sent', async () => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    enqueueEmail(em, {
      tenantId: tenant.id,
      to: 'ada@example.test',
      template: 't',
      subject: 'Hello Ada',
      text: 'Body text',
    });
    await em.flush();

    const dir = mkdtempSync(join(tmpdir(), 'candor-mail-'));
    const result = await deliverDueEmails(
      db.orm().em.fork(),
      fileTransport(dir),
      'Candor <no-reply@candor.test>',
      logger,
    );
    expect(result.sent).toBeGreaterThanOrEqual(1);
    const files = readdirSync(dir);
    const message = files
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .find((m) => m.includes('Hello Ada'))!;
    expect(message).toMatch(/^To: ada@example\.test$/m);
    expect(message).toMatch(/^Subject: Hello Ada$/m);
    const rows = await db.orm().em.fork().find(OutboxEmail, { tenant }, ALL);
    expect(rows.map((r) => r.status)).toEqual(['sent']);
  });

  it('keeps a failed email for a later retry without its error text', async () => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    enqueueEmail(em, { tenantId: tenant.id, to: 'bob@example.test', template: 't', subject: 'S', text: 'T' });
    await em.flush();
    const broken: MailTransport = {
      kind: 'smtp',
      send: async () => {
        throw new Error('550 mailbox bob@example.test unavailable');
      },
    };
    await deliverDueEmails(db.orm().em.fork(), broken, 'x@candor.test', logger);
    const [row] = await db.orm().em.fork().find(OutboxEmail, { tenant }, ALL);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'Error' });
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
  });
  it('delivers one-to-one mail before a mailing to many that was queued earlier', async () => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const earlier = new Date(Date.now() - 60_000);
    for (let i = 0; i < 30; i += 1) {
      const to = `reader${i}@example.test`;
      enqueueEmail(em, {
        tenantId: tenant.id,
        to,
        template: 'notice_changed',
        subject: 'Our notice changes',
        text: 'T',
        sendAfter: earlier,
        bulk: true,
      });
    }
    enqueueEmail(em, {
      tenantId: tenant.id,
      to: 'ada@example.test',
      template: 'portal.code',
      subject: 'Your code',
      text: 'T',
    });
    await em.flush();
    const { sentTo, recording } = recordingTransport();
    await deliverDueEmails(db.orm().em.fork(), recording, 'x@candor.test', logger);
    expect(sentTo[0]).toBe('ada@example.test');
    expect(sentTo.filter((to) => to.startsWith('reader'))).toHaveLength(19);
    await deliverDueEmails(db.orm().em.fork(), recording, 'x@candor.test', logger);
    expect(sentTo.filter((to) => to.startsWith('reader'))).toHaveLength(30);
  });

  it('drains a backlog batch after batch in one run, and starts no batch once the run’s time is up', async () => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    for (let i = 0; i < 45; i += 1)
      enqueueEmail(em, {
        tenantId: tenant.id,
        to: `backlog${i}@example.test`,
        template: 't',
        subject: 'S',
        text: 'T',
      });
    await em.flush();
    const { sentTo, recording } = recordingTransport();
    const run = { orm: db.orm(), transport: recording, from: 'x@candor.test', logger };
    await drainOutbox({ ...run, until: Date.now() - 1 });
    expect(sentTo).toEqual([]);
    await drainOutbox(run);
    expect(sentTo.filter((to) => to.startsWith('backlog'))).toHaveLength(45);
  });
});

forEachDatabase('outbox dispatcher and restriction', (db) => {
  it('holds hiring emails about a candidate who restricted processing, and still sends rights emails', async () => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const candidate = em.create(Candidate, {
      tenant,
      name: 'Rita Restricted',
      email: 'rita@example.test',
      nameKey: 'restricted rita',
      links: [],
      source: 'careers_site',
      restrictedAt: new Date(),
    });
    await em.flush();
    enqueueEmail(em, {
      tenantId: tenant.id,
      candidateId: candidate.id,
      to: 'rita@example.test',
      template: 'rejection',
      subject: 'Held',
      text: 'T',
    });
    enqueueEmail(em, {
      tenantId: tenant.id,
      to: 'rita@example.test',
      template: 'privacy_request',
      subject: 'Your request',
      text: 'T',
    });
    await em.flush();
    const dir = mkdtempSync(join(tmpdir(), 'candor-mail-'));
    await deliverDueEmails(db.orm().em.fork(), fileTransport(dir), 'Candor <no-reply@candor.test>', logger);
    const rows = await db
      .orm()
      .em.fork()
      .find(OutboxEmail, { tenant }, { ...ALL, orderBy: { subject: 'asc' } });
    expect(rows.map((r) => [r.subject, r.status])).toEqual([
      ['Held', 'pending'],
      ['Your request', 'sent'],
    ]);
    expect(rows[0]!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 30 * 60_000);
  });

  it('leaves a batch claimed by an instance that died to the others once its claim runs out, sending nothing twice', async () => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    for (const name of ['first', 'second', 'third'])
      enqueueEmail(em, {
        tenantId: tenant.id,
        to: `${name}@claims.test`,
        template: 't',
        subject: name,
        text: 'T',
        sendAfter: new Date(Date.now() - 60_000),
      });
    await em.flush();
    const sentTo: string[] = [];
    let hanging = (_: unknown) => {};
    const hangs = new Promise((resolve) => {
      hanging = resolve;
    });
    // The first instance sends one email, then never comes back from the second: as good as killed.
    const dying: MailTransport = {
      kind: 'smtp',
      send: async (message) => {
        if (sentTo.length === 0) sentTo.push(message.to);
        else {
          hanging(undefined);
          await new Promise(() => {});
        }
      },
    };
    const recording: MailTransport = {
      kind: 'smtp',
      send: async (message) => {
        sentTo.push(message.to);
      },
    };
    void deliverDueEmails(db.orm().em.fork(), dying, 'x@candor.test', logger, undefined, 1_000);
    await hangs;
    // Rounds serve the whole outbox, and an earlier test's retry may fall due meanwhile (after a minute on
    // a slow machine): only this test's addresses count.
    const ours = () => sentTo.filter((to) => to.endsWith('@claims.test')).sort();
    // Another instance sends none of them: the batch is claimed (only the dying instance's one is sent).
    await deliverDueEmails(db.orm().em.fork(), recording, 'x@candor.test', logger);
    expect(ours()).toHaveLength(1);
    // Once the claims have run out (each at its own time) the unsent two are due again and sent, in one
    // round or two; the one marked sent is not (sent twice, it would never equal this).
    await expect
      .poll(
        async () => {
          await deliverDueEmails(db.orm().em.fork(), recording, 'x@candor.test', logger);
          return ours();
        },
        { timeout: 10_000, interval: 200 },
      )
      .toEqual(['first@claims.test', 'second@claims.test', 'third@claims.test']);
  });
});
