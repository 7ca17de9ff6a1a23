import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import {
  AUDIT_GENESIS_HASH,
  AUDIT_PRUNED_ACTION,
  auditChains,
  auditEventHash,
  GLOBAL_AUDIT_CHAIN,
  pruneAuditChain,
  verifyAuditChain,
} from './audit-chain.js';
import { AuditChainHead, AuditEvent, Tenant } from './entities/index.js';
import type { Em, Orm } from './orm.js';
import { forEachDatabase, seedTenant } from './testing/index.js';

function record(
  em: Em,
  tenantId: string | null,
  action: string,
  extra: { subjectRef?: string; targetId?: string } = {},
) {
  return em.create(AuditEvent, {
    tenant: tenantId ? em.getReference(Tenant, tenantId) : null,
    actorId: randomUUID(),
    action,
    targetType: 'Candidate',
    targetId: extra.targetId ?? randomUUID(),
    requestId: randomUUID(),
    subjectRef: extra.subjectRef ?? null,
  });
}

async function chainRows(orm: Orm, chain: string) {
  return orm.em.fork().find(AuditEvent, { chain }, { orderBy: { seq: 'asc' }, filters: false });
}

/** A tenant with `count` audit events, written one request (flush) each. */
async function tenantWithEvents(orm: Orm, count: number) {
  const tenant = await seedTenant(orm.em.fork());
  for (let i = 1; i <= count; i++) {
    const em = orm.em.fork();
    record(em, tenant.id, `test.event_${i}`);
    await em.flush();
  }
  return tenant.id;
}

async function sql(orm: Orm, query: string, params: unknown[]) {
  await orm.em.getConnection().execute(query, params);
}

forEachDatabase('audit chain', (db) => {
  it('links each tenant’s events in order, across requests, transactions and tenants', async () => {
    const orm = db.orm();
    const a = await seedTenant(orm.em.fork());
    const b = await seedTenant(orm.em.fork());

    const first = orm.em.fork();
    record(first, a.id, 'a.one');
    record(first, b.id, 'b.one');
    record(first, a.id, 'a.two');
    await first.flush();
    await orm.em.fork().transactional(async (tx) => {
      record(tx, a.id, 'a.three');
      await tx.flush();
      record(tx, b.id, 'b.two');
    });
    const global = orm.em.fork();
    record(global, null, 'global.one');
    await global.flush();

    const rowsA = await chainRows(orm, a.id);
    expect(rowsA.map((r) => [r.seq, r.action])).toEqual([
      [1, 'a.one'],
      [2, 'a.two'],
      [3, 'a.three'],
    ]);
    expect(rowsA[0]!.prevHash).toBe(AUDIT_GENESIS_HASH);
    for (const [i, row] of rowsA.entries()) {
      if (i > 0) expect(row.prevHash).toBe(rowsA[i - 1]!.hash);
      // An auditor can recompute the hash from the stored row alone.
      expect(
        auditEventHash({
          chain: a.id,
          seq: row.seq!,
          prevHash: row.prevHash!,
          id: row.id,
          at: row.at,
          actorId: row.actorId ?? null,
          action: row.action,
          targetType: row.targetType,
          targetId: row.targetId ?? null,
          requestId: row.requestId ?? null,
          subjectRef: row.subjectRef ?? null,
        }),
      ).toBe(row.hash);
    }
    expect((await chainRows(orm, b.id)).map((r) => [r.seq, r.action])).toEqual([
      [1, 'b.one'],
      [2, 'b.two'],
    ]);
    const head = await orm.em.fork().findOneOrFail(AuditChainHead, a.id);
    expect([head.seq, head.hash]).toEqual([3, rowsA[2]!.hash]);

    expect(await verifyAuditChain(orm.em.fork(), a.id)).toMatchObject({
      ok: true,
      checked: 3,
      lastHash: rowsA[2]!.hash,
    });
    expect(await verifyAuditChain(orm.em.fork(), b.id)).toMatchObject({ ok: true, checked: 2 });
    expect(await verifyAuditChain(orm.em.fork(), GLOBAL_AUDIT_CHAIN)).toMatchObject({ ok: true });
    expect(await auditChains(orm.em.fork())).toEqual(
      expect.arrayContaining([a.id, b.id, GLOBAL_AUDIT_CHAIN]),
    );
  });

  it('keeps the chain gapless when concurrent requests write to it', async () => {
    const orm = db.orm();
    const tenant = await seedTenant(orm.em.fork());
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        orm.em.fork().transactional(async (tx) => {
          await tx.findOneOrFail(Tenant, tenant.id);
          record(tx, tenant.id, `concurrent.${i}`);
          await tx.flush();
        }),
      ),
    );
    const rows = await chainRows(orm, tenant.id);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(new Set(rows.map((r) => r.action)).size).toBe(10);
    expect(await verifyAuditChain(orm.em.fork(), tenant.id)).toMatchObject({ ok: true, checked: 10 });
  });

  it('rolls the head back with a failed flush, so the next event continues the chain', async () => {
    const orm = db.orm();
    const tenant = await seedTenant(orm.em.fork());
    const em = orm.em.fork();
    record(em, tenant.id, 'kept.one');
    await em.flush();
    const failing = orm.em.fork();
    record(failing, tenant.id, 'lost');
    failing.create(Tenant, { slug: tenant.slug, name: 'Duplicate slug' });
    await expect(failing.flush()).rejects.toThrow();
    const next = orm.em.fork();
    record(next, tenant.id, 'kept.two');
    await next.flush();
    expect((await chainRows(orm, tenant.id)).map((r) => [r.seq, r.action])).toEqual([
      [1, 'kept.one'],
      [2, 'kept.two'],
    ]);
    expect(await verifyAuditChain(orm.em.fork(), tenant.id)).toMatchObject({ ok: true, checked: 2 });
  });

  it('detects an edited event and names its seq', async () => {
    const orm = db.orm();
    const chain = await tenantWithEvents(orm, 5);
    const third = (await chainRows(orm, chain))[2]!;
    await sql(orm, 'update audit_event set action = ? where chain = ? and seq = ?', [
      'test.nothing_to_see',
      chain,
      3,
    ]);
    expect(await verifyAuditChain(orm.em.fork(), chain)).toMatchObject({
      ok: false,
      firstBrokenSeq: 3,
      eventId: third.id,
      checked: 2,
    });
  });

  it('detects an edited event that was given a fresh hash, at the next link', async () => {
    const orm = db.orm();
    const chain = await tenantWithEvents(orm, 4);
    const second = (await chainRows(orm, chain))[1]!;
    const forged = auditEventHash({
      ...second,
      seq: 2,
      prevHash: second.prevHash!,
      chain,
      actorId: null,
      targetId: null,
      requestId: null,
      subjectRef: null,
      action: 'test.forged',
    });
    await sql(
      orm,
      'update audit_event set action = ?, actor_id = null, target_id = null, request_id = null, hash = ? where id = ?',
      ['test.forged', forged, second.id],
    );
    expect(await verifyAuditChain(orm.em.fork(), chain)).toMatchObject({ ok: false, firstBrokenSeq: 3 });
  });

  it('detects a deleted event, in the middle or at the end', async () => {
    const orm = db.orm();
    const middle = await tenantWithEvents(orm, 4);
    await sql(orm, 'delete from audit_event where chain = ? and seq = ?', [middle, 2]);
    expect(await verifyAuditChain(orm.em.fork(), middle)).toMatchObject({
      ok: false,
      firstBrokenSeq: 2,
      eventId: null,
      checked: 1,
    });

    const end = await tenantWithEvents(orm, 3);
    await sql(orm, 'delete from audit_event where chain = ? and seq = ?', [end, 3]);
    expect(await verifyAuditChain(orm.em.fork(), end)).toMatchObject({
      ok: false,
      firstBrokenSeq: 3,
      eventId: null,
      checked: 2,
    });
  });

  it('detects an event slipped in beyond the head, and a deleted head', async () => {
    const orm = db.orm();
    const chain = await tenantWithEvents(orm, 2);
    await sql(orm, 'update audit_chain_head set seq = 1 where id = ?', [chain]);
    expect(await verifyAuditChain(orm.em.fork(), chain)).toMatchObject({ ok: false, firstBrokenSeq: 1 });
    await sql(orm, 'delete from audit_chain_head where id = ?', [chain]);
    expect(await verifyAuditChain(orm.em.fork(), chain)).toMatchObject({
      ok: false,
      firstBrokenSeq: 1,
      reason: 'the chain head is missing',
    });
  });

  it('verifies in batches and skips events from before the chain existed', async () => {
    const orm = db.orm();
    const chain = await tenantWithEvents(orm, 5);
    // A row as written before chaining: no chain, no seq, no hash.
    await sql(
      orm,
      'insert into audit_event (id, tenant_id, action, target_type, at) values (?, ?, ?, ?, ?)',
      [randomUUID(), chain, 'legacy.event', 'Candidate', new Date()],
    );
    expect(await verifyAuditChain(orm.em.fork(), chain, { batchSize: 2 })).toMatchObject({
      ok: true,
      checked: 5,
    });
    await sql(orm, 'update audit_event set target_type = ? where chain = ? and seq = ?', ['Job', chain, 5]);
    expect(await verifyAuditChain(orm.em.fork(), chain, { batchSize: 2 })).toMatchObject({
      ok: false,
      firstBrokenSeq: 5,
    });
  });

  it('is ok for a chain without events', async () => {
    expect(await verifyAuditChain(db.orm().em.fork(), randomUUID())).toEqual({
      ok: true,
      chain: expect.any(String),
      checked: 0,
      lastSeq: 0,
      lastHash: null,
      prunedThroughSeq: 0,
    });
  });

  it('prunes only a prefix, in batches, each cut recorded, and the rest still verifies', async () => {
    const orm = db.orm();
    const tenantId = await tenantWithEvents(orm, 7);
    const rows = await chainRows(orm, tenantId);
    // Everything before the 6th event is past its period.
    const before = rows[5]!.at;
    const prune = () =>
      orm.em
        .fork()
        .transactional((tx) =>
          pruneAuditChain(
            tx,
            tenantId,
            before,
            (targetId) => record(tx, tenantId, AUDIT_PRUNED_ACTION, { targetId }),
            { limit: 3 },
          ),
        );
    expect(await prune()).toEqual({ pruned: 3, throughSeq: 3 });
    expect(await verifyAuditChain(orm.em.fork(), tenantId)).toMatchObject({ ok: true, prunedThroughSeq: 3 });
    expect(await prune()).toEqual({ pruned: 2, throughSeq: 5 });
    expect(await prune()).toEqual({ pruned: 0, throughSeq: 5 });
    const left = await chainRows(orm, tenantId);
    expect(left.map((r) => r.seq)).toEqual([6, 7, 8, 9]);
    expect(left.slice(2).map((r) => r.action)).toEqual([AUDIT_PRUNED_ACTION, AUDIT_PRUNED_ACTION]);
    expect(left[0]!.prevHash).toBe(rows[4]!.hash);
    expect(await verifyAuditChain(orm.em.fork(), tenantId)).toEqual({
      ok: true,
      chain: tenantId,
      checked: 4,
      lastSeq: 9,
      lastHash: left.at(-1)!.hash,
      prunedThroughSeq: 5,
    });

    // A head moved forward by hand, without a recorded cut, is a break.
    await sql(
      orm,
      'update audit_chain_head set pruned_through_seq = ?, pruned_through_hash = ? where id = ?',
      [6, left[0]!.hash, tenantId],
    );
    expect(await verifyAuditChain(orm.em.fork(), tenantId)).toMatchObject({ ok: false, firstBrokenSeq: 6 });
  });
});
