import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  Application,
  ApplicationNote,
  ApplicationTag,
  Candidate,
  ConsentEvent,
  HiringTeamMember,
  Interview,
  InterviewParticipant,
  Job,
  JobStage,
  Membership,
  Offer,
  PrivacyNotice,
  Scorecard,
  StageChange,
  TENANT_FILTER,
  Tenant,
  User,
} from './entities/index.js';
import { createOrm, dialectOf, sqlitePath } from './orm.js';
import { seedBulk } from './seed/bulk.js';
import { DEMO_SECOND_TENANT, DEMO_TENANT, DEMO_USERS, seedDemo } from './seed/demo.js';
import { DEMO_DUPLICATE_PAIRS } from './seed/demo-hiring.js';
import { forEachDatabase } from './testing/index.js';

forEachDatabase('migrations', (db) => {
  it('leave nothing for the schema generator to change', async () => {
    const diff = await db.orm().schema.getUpdateSchemaSQL({ wrap: false, safe: false, dropTables: true });
    const statements = diff.split('\n').filter((line) => line.trim());
    // The entities do not know PostgreSQL's hand-written search indexes, so the generator would drop
    // exactly those; expecting them by name (not filtering them out) also proves they exist.
    expect(statements.sort()).toEqual(
      db.dialect === 'postgresql'
        ? [
            'drop index "candidate_email_fold_trgm";',
            'drop index "candidate_name_fold_trgm";',
            'drop index "document_text_redacted_text_fts";',
            'drop index "document_text_text_fts";',
          ]
        : [],
    );
  });

  it('index candidate search by name and email, folding case and accents', async () => {
    const connection = db.orm().em.getConnection();
    if (db.dialect === 'sqlite') {
      const [search] = await connection.execute<Array<{ sql: string }>>(
        "select sql from sqlite_master where name = 'candidate_search'",
      );
      expect(search?.sql).toMatch(/fts5\(name, email, .*tokenize='trigram remove_diacritics 1'\)/);
    } else {
      const indexes = await connection.execute<Array<{ indexdef: string }>>(
        "select indexdef from pg_indexes where tablename = 'candidate' and indexname like '%_trgm' order by indexname",
      );
      expect(indexes.map((i) => i.indexdef)).toEqual([
        'CREATE INDEX candidate_email_fold_trgm ON public.candidate USING gin (candor_fold((email)::text) gin_trgm_ops)',
        'CREATE INDEX candidate_name_fold_trgm ON public.candidate USING gin (candor_fold((name)::text) gin_trgm_ops)',
      ]);
    }
  });

  it('index the text of documents for full-text search, folding case and accents', async () => {
    const connection = db.orm().em.getConnection();
    if (db.dialect === 'sqlite') {
      const [search] = await connection.execute<Array<{ sql: string }>>(
        "select sql from sqlite_master where name = 'document_search'",
      );
      expect(search?.sql).toMatch(
        /fts5\(text, redacted_text, content='document_text', .*tokenize='unicode61 remove_diacritics 2'\)/,
      );
    } else {
      const indexes = await connection.execute<Array<{ indexdef: string }>>(
        "select indexdef from pg_indexes where tablename = 'document_text' and indexname like '%_fts' order by indexname",
      );
      expect(indexes.map((i) => i.indexdef)).toEqual([
        "CREATE INDEX document_text_redacted_text_fts ON public.document_text USING gin (to_tsvector('simple'::regconfig, candor_fold(redacted_text)))",
        "CREATE INDEX document_text_text_fts ON public.document_text USING gin (to_tsvector('simple'::regconfig, candor_fold(text)))",
      ]);
    }
  });

  it('keep the hand-written search index, application counts and report copies in step (their triggers exist)', async () => {
    // A later migration that rebuilds one of these tables (SQLite does so for many changes) drops its triggers.
    const connection = db.orm().em.getConnection();
    const rows =
      db.dialect === 'sqlite'
        ? await connection.execute<Array<{ name: string; table: string }>>(
            'select name, tbl_name as "table" from sqlite_master where type = \'trigger\' order by tbl_name, name',
          )
        : await connection.execute<Array<{ name: string; table: string }>>(
            'select distinct trigger_name as name, event_object_table as "table" from information_schema.triggers order by 2, 1',
          );
    const triggers = rows.map((r) => `${r.table}.${r.name}`);
    expect(triggers).toEqual(
      db.dialect === 'sqlite'
        ? [
            'application.application_count_ad',
            'application.application_count_ai',
            'application.application_count_au',
            'application.application_furthest_ai',
            'application.application_furthest_au',
            'application.application_report_copies_au',
            'application.application_restricted_ai',
            'application.application_restricted_au',
            'candidate.candidate_restricted_au',
            'candidate.candidate_search_ad',
            'candidate.candidate_search_ai',
            'candidate.candidate_search_au',
            'document_text.document_search_ad',
            'document_text.document_search_ai',
            'document_text.document_search_au',
            'stage_change.stage_change_report_ai',
            'stage_change.stage_change_report_au',
          ]
        : [
            'application.application_count_aid',
            'application.application_count_au',
            'application.application_furthest_biu',
            'application.application_report_copies_au',
            'application.application_restricted_biu',
            'candidate.candidate_restricted_au',
            'stage_change.stage_change_report_aiu',
            'stage_change.stage_change_report_bi',
          ],
    );
  });

  it('are all applied and none pending', async () => {
    expect(await db.orm().getMigrator().getPendingMigrations()).toEqual([]);
  });
});

forEachDatabase('demo seed', (db) => {
  it('creates the demo tenant with one user per role, once', async () => {
    expect(await seedDemo(db.orm().em.fork())).toEqual({ created: true });
    expect(await seedDemo(db.orm().em.fork())).toEqual({ created: false });
    const em = db.orm().em.fork();
    const tenant = await em.findOneOrFail(Tenant, { slug: DEMO_TENANT.slug });
    em.setFilterParams(TENANT_FILTER, { tenantId: tenant.id });
    const memberships = await em.find(Membership, { tenant }, { populate: ['user'] });
    expect(memberships.map((m) => [m.user.email, m.role]).sort()).toEqual(
      DEMO_USERS.map((u) => [u.email, u.role]).sort(),
    );
    const user = await em.findOneOrFail(User, { email: DEMO_USERS[0]!.email });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('gives both demo tenants a notice in effect, and the careers applicants their consent decisions under it', async () => {
    await seedDemo(db.orm().em.fork());
    for (const slug of [DEMO_TENANT.slug, DEMO_SECOND_TENANT.slug]) {
      const em = db.orm().em.fork();
      const tenant = await em.findOneOrFail(Tenant, { slug });
      em.setFilterParams(TENANT_FILTER, { tenantId: tenant.id });
      const notices = await em.find(PrivacyNotice, {});
      expect(notices.map((n) => n.version)).toEqual([1]);
      expect(notices[0]!.effectiveOn! <= new Date().toISOString().slice(0, 10)).toBe(true);
      expect(tenant.privacySettings?.contactEmail).toMatch(/^privacy@/);
    }
    const em = db.orm().em.fork();
    const tenant = await em.findOneOrFail(Tenant, { slug: DEMO_TENANT.slug });
    em.setFilterParams(TENANT_FILTER, { tenantId: tenant.id });
    const fromSite = await em.find(Application, { source: 'careers_site' });
    expect(fromSite.length).toBeGreaterThan(10);
    expect(fromSite.every((a) => a.noticeVersion === 1)).toBe(true);
    const events = await em.find(ConsentEvent, {});
    expect(new Set(events.map((e) => e.decision))).toEqual(new Set(['given', 'refused']));
    expect(events.every((e) => e.noticeVersion === 1 && e.channel === 'careers_apply')).toBe(true);
  });

  it('gives the demo interviews with scorecards, one still owed, and offers to approve and answer', async () => {
    await seedDemo(db.orm().em.fork());
    const em = db.orm().em.fork();
    const tenant = await em.findOneOrFail(Tenant, { slug: DEMO_TENANT.slug });
    em.setFilterParams(TENANT_FILTER, { tenantId: tenant.id });
    const [interviews, participants, scorecards, offers] = await Promise.all([
      em.find(Interview, {}),
      em.count(InterviewParticipant, {}),
      em.find(Scorecard, {}, { populate: ['application.job'] }),
      em.find(Offer, {}, { orderBy: { status: 'asc' } }),
    ]);
    expect(interviews.length).toBeGreaterThanOrEqual(5);
    expect(interviews.filter((i) => i.startsAt.getTime() > Date.now())).toHaveLength(1);
    // Every past interview has both scorecards but one.
    expect(scorecards.length).toBe(participants - 2 - 1);
    for (const card of scorecards) {
      expect(card.ratings.map((r) => r.criterionId).sort()).toEqual(
        card.application.job.criteria.map((c) => c.id).sort(),
      );
    }
    expect(offers.map((o) => o.status)).toEqual(expect.arrayContaining(['pending_approval', 'sent']));
  });

  it('gives the demo owner a second tenant to switch to', async () => {
    await seedDemo(db.orm().em.fork());
    const em = db.orm().em.fork();
    const second = await em.findOneOrFail(Tenant, { slug: DEMO_SECOND_TENANT.slug });
    em.setFilterParams(TENANT_FILTER, { tenantId: second.id });
    const memberships = await em.find(Membership, { tenant: second }, { populate: ['user'] });
    expect(memberships.map((m) => [m.user.email, m.role]).sort()).toEqual([
      ['owner@acme.example', 'admin'],
      ['recruiter@globex.example', 'recruiter'],
    ]);
  });

  it('gives the demo tenant realistic hiring data', async () => {
    await seedDemo(db.orm().em.fork());
    const em = db.orm().em.fork();
    const tenant = await em.findOneOrFail(Tenant, { slug: DEMO_TENANT.slug });
    em.setFilterParams(TENANT_FILTER, { tenantId: tenant.id });
    expect(tenant.hiringSettings?.departments).toEqual([
      'Engineering',
      'Operations',
      'Sales',
      'People',
      'Design',
    ]);

    const jobs = await em.find(Job, { tenant });
    expect(jobs.length).toBeGreaterThanOrEqual(6);
    expect(jobs.length).toBeLessThanOrEqual(8);
    expect(jobs.filter((j) => j.status === 'draft')).toHaveLength(1);
    expect(jobs.filter((j) => j.status === 'closed')).toHaveLength(2);
    for (const job of jobs.filter((j) => j.status === 'open')) expect(job.openedAt).toBeInstanceOf(Date);
    const stages = await em.find(JobStage, { tenant }, { orderBy: { position: 'asc' } });
    for (const job of jobs) {
      expect(stages.filter((s) => s.job.id === job.id).map((s) => s.position)).toEqual([0, 1, 2, 3, 4, 5, 6]);
      expect(job.criteria.length).toBeGreaterThanOrEqual(3);
      expect(job.questions.length).toBeGreaterThanOrEqual(1);
    }
    const team = await em.find(HiringTeamMember, { tenant }, { populate: ['user'] });
    const managed = team.filter(
      (m) => m.role === 'hiring_manager' && m.user.email === 'manager@acme.example',
    );
    expect(managed.length).toBeGreaterThanOrEqual(2);
    expect(managed.length).toBeLessThanOrEqual(3);

    const candidates = await em.find(Candidate, { tenant });
    // The live pipeline's 60 and about 170 from the half year before (docs/demo.md).
    expect(candidates.length).toBeGreaterThanOrEqual(200);
    expect(candidates.length).toBeLessThanOrEqual(260);
    const applications = await em.find(Application, { tenant }, { populate: ['stage'] });
    expect(applications.length).toBeGreaterThanOrEqual(220);
    expect(applications.length).toBeLessThanOrEqual(290);
    const byStatus = (status: string) => applications.filter((a) => a.status === status);
    expect(byStatus('hired')).toHaveLength(10);
    for (const a of byStatus('hired')) expect(a.stage.kind).toBe('hired');
    expect(byStatus('withdrawn').length).toBeGreaterThanOrEqual(15);
    expect(byStatus('rejected').length).toBeGreaterThanOrEqual(140);
    expect(byStatus('rejected').length).toBeLessThanOrEqual(200);
    for (const a of byStatus('rejected')) {
      expect(a.stage.kind).toBe('rejected');
      expect(a.rejectionReasonId).toBeTruthy();
      expect(a.decidedAt).toBeInstanceOf(Date);
      expect(a.decidedBy).toBeTruthy();
    }
    const offers = applications.filter((a) => a.stage.kind === 'offer' && a.status === 'active').length;
    expect(offers).toBe(3);
    expect(new Set(applications.map((a) => `${a.job.id} ${a.candidate.id}`)).size).toBe(applications.length);

    // Every application sits on a stage of its own job, and its history leads there.
    const changes = await em.find(StageChange, { tenant }, { orderBy: { at: 'asc' } });
    for (const a of applications) {
      expect(a.stage.job.id).toBe(a.job.id);
      expect(a.lastActivityAt.getTime()).toBeGreaterThanOrEqual(a.appliedAt.getTime());
      const history = changes.filter((c) => c.application.id === a.id);
      expect(history.length).toBeGreaterThanOrEqual(1);
      expect(history[0]!.fromStage).toBeNull();
      expect(history[0]!.at.getTime()).toBe(a.appliedAt.getTime());
      history.forEach((change, i) => {
        if (i > 0) {
          expect(change.fromStage?.id).toBe(history[i - 1]!.toStage.id);
          expect(change.at.getTime()).toBeGreaterThan(history[i - 1]!.at.getTime());
        }
      });
      expect(history.at(-1)!.toStage.id).toBe(a.stage.id);
    }
    expect(await em.count(ApplicationTag, { tenant })).toBeGreaterThan(0);
    expect(await em.count(ApplicationNote, { tenant })).toBeGreaterThan(0);

    // Exactly the planted pairs share a phone number or a name key, and only they are flagged.
    const flagged = candidates.filter((c) => c.possibleDuplicate).map((c) => c.email);
    expect(flagged.sort()).toEqual(
      [...DEMO_DUPLICATE_PAIRS.samePhone, ...DEMO_DUPLICATE_PAIRS.sameName].sort(),
    );
    const sharing = (key: (c: (typeof candidates)[number]) => string | null | undefined) => {
      const groups = new Map<string, string[]>();
      for (const c of candidates) {
        const k = key(c);
        if (k) groups.set(k, [...(groups.get(k) ?? []), c.email]);
      }
      return [...groups.values()].filter((g) => g.length > 1).map((g) => g.sort());
    };
    expect(sharing((c) => c.phoneDigits)).toEqual([[...DEMO_DUPLICATE_PAIRS.samePhone].sort()]);
    expect(sharing((c) => c.nameKey)).toEqual([[...DEMO_DUPLICATE_PAIRS.sameName].sort()]);
  });
});

forEachDatabase('bulk seed', (db) => {
  it('writes rows the ORM reads back', async () => {
    const result = await seedBulk(db.orm(), {
      tenantSlug: 'bulk-test',
      candidates: 300,
      applications: 900,
      jobs: 5,
    });
    expect(result).toMatchObject({ jobs: 5, candidates: 300, applications: 900, stageChanges: 900 });
    const em = db.orm().em.fork();
    em.setFilterParams(TENANT_FILTER, { tenantId: result.tenantId });
    const tenant = result.tenantId;
    expect(await em.count(Candidate, { tenant })).toBe(300);
    expect(await em.count(Application, { tenant })).toBe(900);
    expect(await em.count(StageChange, { tenant })).toBe(900);
    expect(await em.count(ApplicationTag, { tenant })).toBe(result.tags);
    expect(result.tags).toBeGreaterThan(40);
    expect(result.tags).toBeLessThan(200);
    // About a fifth of the careers-site applicants (70%) joined the talent pool: the pool's bench has members.
    const pool = await em.count(ConsentEvent, { tenant, purpose: 'talent_pool', decision: 'given' });
    expect(pool).toBeGreaterThan(20);
    expect(pool).toBeLessThan(80);

    const candidates = await em.find(Candidate, { tenant }, { orderBy: { createdAt: 'desc' }, limit: 50 });
    const twoYearsAgo = Date.now() - 731 * 86_400_000;
    for (const c of candidates) {
      expect(c.createdAt).toBeInstanceOf(Date);
      expect(c.createdAt.getTime()).toBeGreaterThan(twoYearsAgo);
      expect(c.lastActivityAt.getTime()).toBeGreaterThanOrEqual(c.createdAt.getTime());
      expect(Array.isArray(c.links)).toBe(true);
      expect(typeof c.possibleDuplicate).toBe('boolean');
      expect(c.email).toBe(c.email.toLowerCase());
    }
    const applications = await em.find(
      Application,
      { tenant },
      { populate: ['stage', 'candidate'], limit: 100 },
    );
    for (const a of applications) {
      expect(a.stage.job.id).toBe(a.job.id);
      expect(a.appliedAt).toBeInstanceOf(Date);
      expect(a.lastActivityAt.getTime()).toBeGreaterThanOrEqual(a.appliedAt.getTime());
      expect(a.answers[0]).toMatchObject({
        questionId: 'work-permit',
        answer: expect.stringMatching(/^(yes|no)$/),
      });
      if (a.status === 'rejected') expect(a.stage.kind).toBe('rejected');
      if (a.status === 'rejected') expect(a.decidedAt).toBeInstanceOf(Date);
    }
    // Date comparisons work on the stored format (epoch milliseconds on SQLite, timestamptz on PostgreSQL).
    const lastYear = await em.count(Application, {
      tenant,
      appliedAt: { $gte: new Date(Date.now() - 365 * 86_400_000) },
    });
    expect(lastYear).toBeGreaterThan(300);
    expect(lastYear).toBeLessThan(900);
    expect(await em.count(Application, { tenant, status: 'rejected' })).toBeGreaterThan(200);
  });
});

describe('database urls', () => {
  it('picks the dialect from the url', () => {
    expect(dialectOf('postgres://u@h/db')).toBe('postgresql');
    expect(dialectOf('postgresql://u@h/db')).toBe('postgresql');
    expect(dialectOf('sqlite:./data/candor.db')).toBe('sqlite');
    expect(dialectOf('file:/tmp/x.db')).toBe('sqlite');
    expect(() => dialectOf('mysql://h/db')).toThrow(/DATABASE_URL/);
  });

  it('resolves sqlite paths', () => {
    expect(sqlitePath('sqlite::memory:')).toBe(':memory:');
    expect(sqlitePath('file:/tmp/x.db')).toBe('/tmp/x.db');
  });
});

describe('sqlite connections', () => {
  it('enforce foreign keys and wait on locks on every pooled connection, also after the pool replaced one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'candor-pragma-'));
    const orm = await createOrm(`sqlite:${join(dir, 'p.db')}`);
    try {
      const pragmas = async () => {
        const connection = orm.em.getConnection();
        const [fk] = await connection.execute<Array<{ foreign_keys: number }>>('pragma foreign_keys');
        const [busy] = await connection.execute<Array<{ timeout: number }>>('pragma busy_timeout');
        return { foreignKeys: fk!.foreign_keys, busyTimeout: busy!.timeout };
      };
      expect(await pragmas()).toEqual({ foreignKeys: 1, busyTimeout: 5000 });
      // libsql's pool drops connections older than 10 s; jump the clock past that.
      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 60_000 });
      expect(await pragmas()).toEqual({ foreignKeys: 1, busyTimeout: 5000 });
    } finally {
      vi.useRealTimers();
      await orm.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
