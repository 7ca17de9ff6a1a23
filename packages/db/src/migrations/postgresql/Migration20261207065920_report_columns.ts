import { Migration } from '@mikro-orm/migrations';

/** How far along the funnel a stage kind is (the reports' FUNNEL_STEPS); a rejection stage counts as applied. */
const rank = (kind: string) =>
  `case ${kind} when 'applied' then 1 when 'screening' then 2 when 'interview' then 3 when 'offer' then 4 when 'hired' then 5 else 1 end`;
const stageRank = (stageId: string) =>
  `coalesce((select ${rank('s.kind')} from "job_stage" s where s."id" = ${stageId}), 1)`;

/**
 * Hiring reports that read indexes instead of joining (issue 19), PostgreSQL
 * half; see the SQLite half for the why. `application.furthest_step` is set
 * before each insert or move of an application and raised after each
 * recorded move; a `stage_change` gets its copies (job, applied date,
 * restriction, the kind it left) before it is inserted and keeps them in
 * step with its application; the waits of an application's moves are worked
 * out again after a move is recorded or a date changes.
 */
export class Migration20261207065920_report_columns extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "application" add column "furthest_step" smallint not null default 1;`);
    this.addSql(
      `alter table "stage_change" add column "job_id" uuid null, add column "applied_at" timestamptz null, add column "candidate_restricted" boolean not null default false, add column "from_kind" varchar(12) null, add column "waited_seconds" int null;`,
    );

    // What is already there, before the indexes (cheaper to build once than to keep while filling).
    this.addSql(
      `update "application" a set "furthest_step" = greatest(${stageRank('a."stage_id"')}, ` +
        `coalesce((select max(${rank('s.kind')}) from "stage_change" c join "job_stage" s on s."id" = c."to_stage_id" where c."application_id" = a."id"), 1), ` +
        `case when a."status" = 'hired' then 5 else 1 end);`,
    );
    this.addSql(
      'update "stage_change" sc set "job_id" = x."job_id", "applied_at" = x."applied_at", "candidate_restricted" = x."candidate_restricted", ' +
        '"from_kind" = x."kind", "waited_seconds" = x."waited" from (' +
        'select c."id", a."job_id", a."applied_at", a."candidate_restricted", s."kind", ' +
        'extract(epoch from c."at" - coalesce(lag(c."at") over (partition by c."application_id" order by c."at"), a."applied_at"))::int as "waited" ' +
        'from "stage_change" c join "application" a on a."id" = c."application_id" left join "job_stage" s on s."id" = c."from_stage_id"' +
        ') x where x."id" = sc."id";',
    );

    this.addSql(
      `create index "application_tenant_id_applied_at_candidate_restric_01451_index" on "application" ("tenant_id", "applied_at", "candidate_restricted", "furthest_step", "source", "status", "job_id");`,
    );
    this.addSql(
      `create index "application_tenant_id_status_decided_at_candidate__924ed_index" on "application" ("tenant_id", "status", "decided_at", "candidate_restricted", "rejection_reason_id", "job_id", "applied_at");`,
    );
    this.addSql(
      `create index "stage_change_tenant_id_applied_at_candidate_restri_d5f8e_index" on "stage_change" ("tenant_id", "applied_at", "candidate_restricted", "job_id", "from_kind", "waited_seconds");`,
    );
    this.addSql(`create index "offer_tenant_id_sent_at_index" on "offer" ("tenant_id", "sent_at");`);

    this.addSql(
      'create function "application_furthest"() returns trigger language plpgsql as $$ begin ' +
        `new.furthest_step := greatest(new.furthest_step, ${stageRank('new.stage_id')}, case when new.status = 'hired' then 5 else 1 end); ` +
        'return new; end $$;',
    );
    this.addSql(
      'create trigger "application_furthest_biu" before insert or update of "stage_id", "status" on "application" for each row execute function "application_furthest"();',
    );
    // Every wait of one application's moves, worked out again (a few rows): since the move before, or applying.
    const rewait = (applicationId: string) =>
      'update "stage_change" c set waited_seconds = extract(epoch from c.at - coalesce(' +
      '(select max(p.at) from "stage_change" p where p.application_id = c.application_id and p.at <= c.at and p.id <> c.id), ' +
      `c.applied_at))::int where c.application_id = ${applicationId};`;
    this.addSql(
      'create function "stage_change_report_copies"() returns trigger language plpgsql as $$ begin ' +
        'select a.job_id, a.applied_at, a.candidate_restricted into new.job_id, new.applied_at, new.candidate_restricted from "application" a where a.id = new.application_id; ' +
        'new.from_kind := (select s.kind from "job_stage" s where s.id = new.from_stage_id); ' +
        'return new; end $$;',
    );
    this.addSql(
      'create trigger "stage_change_report_bi" before insert on "stage_change" for each row execute function "stage_change_report_copies"();',
    );
    // The furthest step is only ever raised, and only written when it grows (the update sets no column another
    // trigger watches); the waits' update sets only waited_seconds, which no trigger watches either.
    this.addSql(
      'create function "stage_change_report_after"() returns trigger language plpgsql as $$ declare reached smallint; begin ' +
        `${rewait('new.application_id')} ` +
        "if tg_op = 'INSERT' then " +
        `reached := ${stageRank('new.to_stage_id')}; ` +
        'update "application" set furthest_step = reached where id = new.application_id and furthest_step < reached; ' +
        'end if; return null; end $$;',
    );
    this.addSql(
      'create trigger "stage_change_report_aiu" after insert or update of "at" on "stage_change" for each row execute function "stage_change_report_after"();',
    );
    this.addSql(
      'create function "application_report_copies_spread"() returns trigger language plpgsql as $$ begin ' +
        'update "stage_change" set job_id = new.job_id, applied_at = new.applied_at, candidate_restricted = new.candidate_restricted where application_id = new.id; ' +
        `${rewait('new.id')} ` +
        'return null; end $$;',
    );
    this.addSql(
      // candidate_id is listed because a before-trigger changes candidate_restricted when it changes
      // (see the application_counts migration), and "update of" only sees the columns the statement sets.
      'create trigger "application_report_copies_au" after update of "job_id", "applied_at", "candidate_restricted", "candidate_id" on "application" for each row ' +
        'when ((old.job_id, old.applied_at, old.candidate_restricted) is distinct from (new.job_id, new.applied_at, new.candidate_restricted)) ' +
        'execute function "application_report_copies_spread"();',
    );
  }
}
