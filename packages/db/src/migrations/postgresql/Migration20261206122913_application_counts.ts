import { Migration } from '@mikro-orm/migrations';

/**
 * Application counts that never scan (issue 16), PostgreSQL half. The first
 * statements are generated from the entities; the rest is written by hand:
 *
 * - `application.candidate_restricted` copies "the candidate restricted
 *   processing", kept by triggers on both tables, so that lists hide
 *   restricted people without joining candidates.
 * - `application_count` holds how many applications each job has per stage,
 *   status and restriction flag, kept by a trigger in the same transaction as
 *   every insert, update and delete of an application, whichever code (or
 *   foreign-key cascade) made it. Each change is an upsert adding +1 or -1.
 */
export class Migration20261206122913_application_counts extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "application" add column "candidate_restricted" boolean not null default false;`,
    );
    this.addSql(
      `create index "application_job_id_applied_at_id_index" on "application" ("job_id", "applied_at", "id");`,
    );
    this.addSql(
      `create index "application_job_id_status_applied_at_id_index" on "application" ("job_id", "status", "applied_at", "id");`,
    );

    this.addSql(
      'update "application" set "candidate_restricted" = true where "candidate_id" in (select "id" from "candidate" where "restricted_at" is not null);',
    );
    this.addSql(
      'create table "application_count" ("tenant_id" uuid not null, "job_id" uuid not null, "stage_id" uuid not null, "status" varchar(12) not null, "candidate_restricted" boolean not null, "n" integer not null, ' +
        'constraint "application_count_job_id_foreign" foreign key ("job_id") references "job" ("id") on delete cascade, ' +
        'constraint "application_count_stage_id_foreign" foreign key ("stage_id") references "job_stage" ("id") on delete cascade, ' +
        'constraint "application_count_pkey" primary key ("job_id", "stage_id", "status", "candidate_restricted"));',
    );
    this.addSql(
      'create index "application_count_tenant_id_status_index" on "application_count" ("tenant_id", "status");',
    );
    this.addSql(
      'insert into "application_count" ("tenant_id", "job_id", "stage_id", "status", "candidate_restricted", "n") ' +
        'select "tenant_id", "job_id", "stage_id", "status", "candidate_restricted", count(*) from "application" group by 1, 2, 3, 4, 5;',
    );

    const add = (row: 'new' | 'old', n: 1 | -1) =>
      'insert into "application_count" ("tenant_id", "job_id", "stage_id", "status", "candidate_restricted", "n") ' +
      `values (${row}.tenant_id, ${row}.job_id, ${row}.stage_id, ${row}.status, ${row}.candidate_restricted, ${n}) ` +
      'on conflict ("job_id", "stage_id", "status", "candidate_restricted") do update set "n" = "application_count"."n" + excluded."n";';
    this.addSql(
      'create function "application_count_change"() returns trigger language plpgsql as $$ begin ' +
        `if tg_op <> 'INSERT' then ${add('old', -1)} end if; ` +
        `if tg_op <> 'DELETE' then ${add('new', 1)} end if; ` +
        'return null; end $$;',
    );
    this.addSql(
      'create trigger "application_count_aid" after insert or delete on "application" for each row execute function "application_count_change"();',
    );
    this.addSql(
      // candidate_id is listed because the before-trigger below changes candidate_restricted when it changes,
      // and "update of" only sees the columns the UPDATE statement itself sets.
      'create trigger "application_count_au" after update of "job_id", "stage_id", "status", "candidate_restricted", "candidate_id" on "application" for each row ' +
        'when ((old.job_id, old.stage_id, old.status, old.candidate_restricted) is distinct from (new.job_id, new.stage_id, new.status, new.candidate_restricted)) ' +
        'execute function "application_count_change"();',
    );

    this.addSql(
      'create function "application_restricted_copy"() returns trigger language plpgsql as $$ begin ' +
        'new.candidate_restricted := exists (select 1 from "candidate" where "id" = new.candidate_id and "restricted_at" is not null); ' +
        'return new; end $$;',
    );
    this.addSql(
      'create trigger "application_restricted_biu" before insert or update of "candidate_id" on "application" for each row execute function "application_restricted_copy"();',
    );
    this.addSql(
      'create function "candidate_restricted_spread"() returns trigger language plpgsql as $$ begin ' +
        'update "application" set "candidate_restricted" = (new.restricted_at is not null) where "candidate_id" = new.id; ' +
        'return null; end $$;',
    );
    this.addSql(
      'create trigger "candidate_restricted_au" after update of "restricted_at" on "candidate" for each row ' +
        'when ((old.restricted_at is null) <> (new.restricted_at is null)) execute function "candidate_restricted_spread"();',
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop trigger if exists "candidate_restricted_au" on "candidate";');
    this.addSql('drop trigger if exists "application_restricted_biu" on "application";');
    this.addSql('drop trigger if exists "application_count_au" on "application";');
    this.addSql('drop trigger if exists "application_count_aid" on "application";');
    this.addSql('drop function if exists "candidate_restricted_spread"();');
    this.addSql('drop function if exists "application_restricted_copy"();');
    this.addSql('drop function if exists "application_count_change"();');
    this.addSql('drop table if exists "application_count";');
    this.addSql(`drop index "application_job_id_applied_at_id_index";`);
    this.addSql(`drop index "application_job_id_status_applied_at_id_index";`);
    this.addSql(`alter table "application" drop column "candidate_restricted";`);
  }
}
