import { randomBytes } from 'node:crypto';
import { AuditEvent, type Orm } from '@candor/db';
import { forEachDatabase, seedTenant, seedUser } from '@candor/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { callerFor, sessionFor, testDeps } from '../testing/test-app.js';
import { verifyAuditChainsCommand } from './audit.service.js';
import { auditSubjectRef, setAuditSubjectKey } from './audit-subject.js';

async function chainOf(orm: Orm, tenantId: string) {
  return orm.em.fork().find(AuditEvent, { chain: tenantId }, { orderBy: { seq: 'asc' }, filters: false });
}

async function tamper(orm: Orm, query: string, params: unknown[]) {
  await orm.em.getConnection().execute(query, params);
}

forEachDatabase('audit log', (db) => {
  let deps: ReturnType<typeof testDeps>;

  beforeAll(() => {
    deps = testDeps(db.orm());
    setAuditSubjectKey(deps.hashKey);
  });

  /** A tenant with an owner signed in, and a candidate created through the API. */
  async function tenantWithCandidate(name = 'Robin Example') {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const owner = await seedUser(em, tenant, 'owner', { name: 'Olivia Owner' });
    const caller = await callerFor(deps, await sessionFor(deps, owner.id, tenant.id));
    const email = `robin-${randomBytes(3).toString('hex')}@example.test`;
    // From the careers site, so the one event of adding them is the whole chain (a sourced person adds the Art. 14 notice's).
    const candidate = await caller.candidates.create({ name, email, source: 'careers_site' });
    return { tenant, owner, caller, candidate, secrets: [name, email, owner.name, owner.email] };
  }

  it('chains each tenant’s events across requests, and verifies them', async () => {
    const a = await tenantWithCandidate();
    const b = await tenantWithCandidate();
    await a.caller.candidates.get({ id: a.candidate.id });
    await b.caller.candidates.get({ id: b.candidate.id });
    await a.caller.candidates.update({ id: a.candidate.id, location: 'Porto' });
    await a.caller.audit.list({});

    const rows = await chainOf(db.orm(), a.tenant.id);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['candidate.create', 'candidate.read', 'candidate.update', 'audit.list']),
    );
    for (const [i, row] of rows.entries()) if (i > 0) expect(row.prevHash).toBe(rows[i - 1]!.hash);

    const verified = await a.caller.audit.verify();
    expect(verified).toEqual({
      ok: true,
      checked: rows.length,
      lastSeq: rows.length,
      lastHash: rows.at(-1)!.hash,
      prunedThroughSeq: 0,
    });
    // Tenant B's chain is its own: it does not grow with A's events.
    expect(await b.caller.audit.verify()).toMatchObject({
      ok: true,
      checked: (await chainOf(db.orm(), b.tenant.id)).length - 1,
    });
    // Verifying is itself audited, as the next link.
    expect((await chainOf(db.orm(), a.tenant.id)).at(-1)).toMatchObject({
      action: 'audit.verify',
      seq: rows.length + 1,
    });
  });

  it('names the candidate by a stable pseudonym, never by id', async () => {
    const a = await tenantWithCandidate();
    await a.caller.candidates.get({ id: a.candidate.id });
    await a.caller.candidates.get({ id: a.candidate.id });
    const about = await a.caller.audit.list({ filter: { candidateId: a.candidate.id } });
    expect(about.data.map((e) => e.action).sort()).toEqual([
      'candidate.create',
      'candidate.read',
      'candidate.read',
    ]);
    const refs = new Set(about.data.map((e) => e.subjectRef));
    expect(refs.size).toBe(1);
    const [ref] = refs;
    expect(ref).toMatch(/^[0-9a-f]{64}$/);
    expect(ref).toBe(auditSubjectRef(a.candidate.id));
    expect(ref).not.toContain(a.candidate.id.replaceAll('-', ''));
    expect(ref).not.toBe(a.candidate.id);
    // The pseudonym filter finds the same events; events about no one carry none.
    expect((await a.caller.audit.list({ filter: { subjectRef: ref! } })).total).toBe(3);
    expect(
      (await a.caller.audit.list({ filter: { candidateId: a.candidate.id, subjectRef: 'f'.repeat(64) } }))
        .total,
    ).toBe(0);
    const listed = await a.caller.audit.list({ filter: { action: 'audit.list' } });
    expect(listed.data.every((e) => e.subjectRef === null)).toBe(true);

    // Keyed by the deployment's hash key: the same key gives the same pseudonym, another key another one.
    setAuditSubjectKey(Buffer.from(deps.hashKey));
    expect(auditSubjectRef(a.candidate.id)).toBe(ref);
    setAuditSubjectKey(randomBytes(32));
    expect(auditSubjectRef(a.candidate.id)).not.toBe(ref);
    setAuditSubjectKey(deps.hashKey);
  });

  it('reports an edited event at its seq, in the backoffice and on the command line', async () => {
    const a = await tenantWithCandidate();
    await a.caller.candidates.get({ id: a.candidate.id });
    await a.caller.candidates.update({ id: a.candidate.id, location: 'Lisbon' });
    const read = (await chainOf(db.orm(), a.tenant.id)).find((r) => r.action === 'candidate.read')!;
    await tamper(db.orm(), 'update audit_event set action = ? where id = ?', ['candidate.list', read.id]);

    expect(await a.caller.audit.verify()).toEqual({
      ok: false,
      checked: read.seq! - 1,
      firstBrokenSeq: read.seq,
      eventId: read.id,
      reason: expect.stringContaining('changed'),
    });
    const cli = await verifyAuditChainsCommand(db.orm().em.fork(), { tenantSlug: a.tenant.slug });
    expect(cli.ok).toBe(false);
    expect(cli.lines).toHaveLength(1);
    expect(cli.lines[0]).toContain(`BROKEN  ${a.tenant.slug}`);
    expect(cli.lines[0]).toContain(`seq ${read.seq}`);
  });

  it('reports a deleted event', async () => {
    const a = await tenantWithCandidate();
    await a.caller.candidates.get({ id: a.candidate.id });
    await a.caller.candidates.get({ id: a.candidate.id });
    await tamper(db.orm(), 'delete from audit_event where chain = ? and seq = ?', [a.tenant.id, 2]);
    expect(await a.caller.audit.verify()).toMatchObject({ ok: false, firstBrokenSeq: 2, eventId: null });
  });

  it('the command line checks every chain, or one tenant by slug', async () => {
    const intact = await tenantWithCandidate();
    const edited = await tenantWithCandidate();
    await tamper(db.orm(), 'update audit_event set target_type = ? where chain = ? and seq = ?', [
      'Job',
      edited.tenant.id,
      1,
    ]);
    const one = await verifyAuditChainsCommand(db.orm().em.fork(), { tenantSlug: intact.tenant.slug });
    expect(one).toEqual({
      ok: true,
      lines: [
        `ok      ${intact.tenant.slug} (${intact.tenant.id}): 1 event, last hash ${(await chainOf(db.orm(), intact.tenant.id))[0]!.hash}`,
      ],
    });
    const all = await verifyAuditChainsCommand(db.orm().em.fork());
    expect(all.ok).toBe(false);
    expect(all.lines).toContain(one.lines[0]);
    expect(all.lines.find((l) => l.includes(edited.tenant.slug))).toMatch(/^BROKEN {2}.*seq 1 /);
    expect(await verifyAuditChainsCommand(db.orm().em.fork(), { tenantSlug: 'no-such-tenant' })).toEqual({
      ok: false,
      lines: ['No tenant with the slug "no-such-tenant"'],
    });
  });

  it('filters by action, target type and day', async () => {
    const a = await tenantWithCandidate();
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const created = await a.caller.audit.list({
      filter: { action: 'candidate.create', targetType: 'Candidate', from: today, to: today },
    });
    expect(created.data.map((e) => e.targetId)).toEqual([a.candidate.id]);
    expect(created.data[0]!.seq).toBe(1);
    expect((await a.caller.audit.list({ filter: { from: tomorrow } })).total).toBe(0);
    expect((await a.caller.audit.list({ filter: { to: '2000-01-01' } })).total).toBe(0);
  });

  describe('export', () => {
    it('holds ids, pseudonyms and hashes of the filtered events, and no personal values', async () => {
      const a = await tenantWithCandidate('Zelda Unforgettable');
      await a.caller.candidates.get({ id: a.candidate.id });
      const all = await a.caller.audit.export({});
      const lines = all.csv.trim().split('\r\n');
      expect(lines[0]).toBe('seq,at,action,targetType,targetId,subjectRef,actorId,requestId,prevHash,hash');
      expect(all.count).toBe(lines.length - 1);
      expect(all.capped).toBe(false);
      expect(all.filename).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
      for (const secret of a.secrets) expect(all.csv).not.toContain(secret);
      expect(all.csv).toContain(auditSubjectRef(a.candidate.id));
      const rows = await chainOf(db.orm(), a.tenant.id);
      for (const row of rows.slice(0, all.count))
        expect(all.csv).toContain(`${row.seq},${row.at.toISOString()},${row.action}`);

      const reads = await a.caller.audit.export({ filter: { action: 'candidate.read' } });
      expect(reads.count).toBe(1);
      expect(reads.csv).toContain(
        `candidate.read,Candidate,${a.candidate.id},${auditSubjectRef(a.candidate.id)},${a.owner.id}`,
      );
    });

    it('shows only the caller’s tenant', async () => {
      const a = await tenantWithCandidate();
      const b = await tenantWithCandidate();
      const exported = await b.caller.audit.export({});
      expect(exported.csv).not.toContain(a.candidate.id);
      expect(exported.csv).not.toContain(a.owner.id);
      expect(exported.csv).toContain(b.candidate.id);
    });
  });
});
