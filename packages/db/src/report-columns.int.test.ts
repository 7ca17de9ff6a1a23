import type { TStageKind } from '@candor/schemas';
import { expect, it } from 'vitest';
import { Application, Candidate, JobStage, StageChange, TENANT_FILTER, Tenant } from './entities/index.js';
import type { Em } from './orm.js';
import { DEMO_TENANT, seedDemo } from './seed/demo.js';
import { type DatabaseUnderTest, forEachDatabase } from './testing/index.js';

const RANK: Record<string, number> = { applied: 1, screening: 2, interview: 3, offer: 4, hired: 5 };
const ms = (value: unknown) => new Date(value as string | number | Date).getTime();

/**
 * The copies the hiring reports read (the report_columns migrations) must
 * equal what they copy, worked out here from the rows, after every kind of
 * change: seeding (histories written after their applications), moves
 * through the ORM, a move's date or an application's date changed in raw
 * SQL, a restriction of processing.
 */
forEachDatabase('report columns', (db: DatabaseUnderTest) => {
  async function tenantEm(): Promise<Em> {
    const em = db.orm().em.fork();
    if (!(await em.findOne(Tenant, { slug: DEMO_TENANT.slug }))) await seedDemo(db.orm().em.fork());
    const tenant = await em.findOneOrFail(Tenant, { slug: DEMO_TENANT.slug });
    em.setFilterParams(TENANT_FILTER, { tenantId: tenant.id });
    return em;
  }

  /** Every application's and move's kept values beside the same values worked out from scratch. */
  async function kept(em: Em) {
    const knex = em.getKnex();
    const kinds = new Map(
      ((await knex('job_stage').select('id', 'kind')) as Array<{ id: string; kind: string }>).map((s) => [
        s.id,
        s.kind,
      ]),
    );
    const apps = (await knex('application').select(
      'id',
      'job_id',
      'stage_id',
      'status',
      'applied_at',
      'candidate_restricted',
      'furthest_step',
    )) as Array<Record<string, unknown>>;
    const moves = (await knex('stage_change').select('*').orderBy(['application_id', 'at', 'id'])) as Array<
      Record<string, unknown>
    >;
    const byApp = new Map(apps.map((a) => [a.id as string, a]));
    const furthest = new Map(
      apps.map((a) => [
        a.id as string,
        Math.max(RANK[kinds.get(a.stage_id as string) ?? ''] ?? 1, a.status === 'hired' ? 5 : 1),
      ]),
    );
    const problems: string[] = [];
    let previous: Record<string, unknown> | undefined;
    for (const move of moves) {
      const app = byApp.get(move.application_id as string);
      if (!app) continue;
      const id = app.id as string;
      furthest.set(
        id,
        Math.max(furthest.get(id) ?? 1, RANK[kinds.get(move.to_stage_id as string) ?? ''] ?? 1),
      );
      const since = previous?.application_id === move.application_id ? ms(previous?.at) : ms(app.applied_at);
      const waited = (ms(move.at) - since) / 1000;
      if (Math.abs(Number(move.waited_seconds) - waited) > 1)
        problems.push(`${move.id} waited ${move.waited_seconds}, not ${waited}`);
      if (move.job_id !== app.job_id) problems.push(`${move.id} job`);
      if (ms(move.applied_at) !== ms(app.applied_at)) problems.push(`${move.id} applied_at`);
      if (Boolean(Number(move.candidate_restricted)) !== Boolean(Number(app.candidate_restricted)))
        problems.push(`${move.id} restriction`);
      if ((move.from_kind ?? null) !== (move.from_stage_id ? kinds.get(move.from_stage_id as string) : null))
        problems.push(`${move.id} from_kind`);
      previous = move;
    }
    for (const app of apps)
      if (Number(app.furthest_step) !== furthest.get(app.id as string))
        problems.push(`${app.id} furthest ${app.furthest_step}, not ${furthest.get(app.id as string)}`);
    return { problems, moves: moves.length };
  }

  async function expectExact(em: Em): Promise<void> {
    const { problems, moves } = await kept(em);
    expect(moves).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  }

  it('are exact after seeding (histories written after their applications)', async () => {
    await expectExact(await tenantEm());
  });

  it('follow moves, hires and rejections, keeping the furthest step reached', async () => {
    const em = await tenantEm();
    const [app] = await em.find(Application, { status: 'active' }, { populate: ['stage'], limit: 1 });
    if (!app) throw new Error('the demo tenant has no active application');
    const before = await em.getKnex()('application').where('id', app.id).first('furthest_step');
    const stageOf = (kind: TStageKind) => em.findOneOrFail(JobStage, { job: app.job, kind });
    for (const kind of ['screening', 'interview', 'rejected'] as const) {
      const to = await stageOf(kind);
      em.create(StageChange, {
        tenant: app.tenant,
        application: app,
        fromStage: app.stage,
        toStage: to,
        by: null,
      });
      app.stage = to;
      if (kind === 'rejected') app.status = 'rejected';
      await em.flush();
    }
    await expectExact(em);
    const after = await em.getKnex()('application').where('id', app.id).first('furthest_step');
    expect(Number(after.furthest_step)).toBe(Math.max(Number(before.furthest_step), 3));
  });

  it('work the waits out again when a date changes, in raw SQL too', async () => {
    const em = await tenantEm();
    const [move] = await em.find(StageChange, { fromStage: { $ne: null } }, { limit: 1 });
    if (!move) throw new Error('no move with a stage before it');
    const knex = em.getKnex();
    const earlier = new Date(move.at.getTime() - 3 * 86_400_000);
    await knex('stage_change')
      .where('id', move.id)
      .update({ at: em.getPlatform().processDateProperty(earlier) as never });
    await expectExact(em);
    await knex('application')
      .where('id', move.application.id)
      .update({
        applied_at: em.getPlatform().processDateProperty(new Date(earlier.getTime() - 86_400_000)) as never,
      });
    await expectExact(em);
  });

  it('follow a restriction of processing', async () => {
    const em = await tenantEm();
    const [move] = await em.find(StageChange, {}, { populate: ['application.candidate'], limit: 1 });
    if (!move) throw new Error('no move');
    const candidate = await em.findOneOrFail(Candidate, move.application.candidate.id);
    candidate.restrictedAt = new Date();
    await em.flush();
    await expectExact(em);
    const copies = await em
      .getKnex()('stage_change')
      .where('application_id', move.application.id)
      .select('candidate_restricted');
    expect(
      copies.every((c: { candidate_restricted: unknown }) => Boolean(Number(c.candidate_restricted))),
    ).toBe(true);
  });
});
