import { Migration } from '@mikro-orm/migrations';

export class Migration20261123171729_hiring_core extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "candidate" ("id" uuid not null, "tenant_id" uuid not null, "name" varchar(120) not null, "email" varchar(254) not null, "phone" varchar(40) null, "phone_digits" varchar(40) null, "name_key" varchar(120) not null, "location" varchar(120) null, "links" jsonb not null, "source" varchar(20) not null, "possible_duplicate" boolean not null default false, "created_at" timestamptz not null, "last_activity_at" timestamptz not null, constraint "candidate_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "candidate_tenant_id_created_at_index" on "candidate" ("tenant_id", "created_at");`,
    );
    this.addSql(
      `create index "candidate_tenant_id_last_activity_at_index" on "candidate" ("tenant_id", "last_activity_at");`,
    );
    this.addSql(`create index "candidate_tenant_id_name_index" on "candidate" ("tenant_id", "name");`);
    this.addSql(
      `create index "candidate_tenant_id_phone_digits_index" on "candidate" ("tenant_id", "phone_digits");`,
    );
    this.addSql(
      `create index "candidate_tenant_id_name_key_index" on "candidate" ("tenant_id", "name_key");`,
    );
    this.addSql(
      `alter table "candidate" add constraint "candidate_tenant_id_email_unique" unique ("tenant_id", "email");`,
    );

    this.addSql(
      `create table "job" ("id" uuid not null, "tenant_id" uuid not null, "title" varchar(120) not null, "department" varchar(80) not null, "city" varchar(80) null, "country" varchar(2) null, "workplace" varchar(10) not null, "employment_type" varchar(20) not null, "description_md" text not null default '', "salary_min" int null, "salary_max" int null, "salary_currency" varchar(3) null, "salary_period" varchar(10) null, "status" varchar(12) not null default 'draft', "status_changed_at" timestamptz not null, "status_changed_by_id" uuid null, "opened_at" timestamptz null, "closed_at" timestamptz null, "questions" jsonb not null, "criteria" jsonb not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "job_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "job_tenant_id_status_created_at_index" on "job" ("tenant_id", "status", "created_at");`,
    );

    this.addSql(
      `create table "job_stage" ("id" uuid not null, "tenant_id" uuid not null, "job_id" uuid not null, "name" varchar(60) not null, "kind" varchar(12) not null, "position" int not null, constraint "job_stage_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "job_stage_job_id_position_index" on "job_stage" ("job_id", "position");`);

    this.addSql(
      `create table "hiring_team_member" ("id" uuid not null, "tenant_id" uuid not null, "job_id" uuid not null, "user_id" uuid not null, "role" varchar(20) not null, constraint "hiring_team_member_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "hiring_team_member_tenant_id_user_id_index" on "hiring_team_member" ("tenant_id", "user_id");`,
    );
    this.addSql(
      `alter table "hiring_team_member" add constraint "hiring_team_member_job_id_user_id_unique" unique ("job_id", "user_id");`,
    );

    this.addSql(
      `create table "application" ("id" uuid not null, "tenant_id" uuid not null, "candidate_id" uuid not null, "job_id" uuid not null, "stage_id" uuid not null, "status" varchar(12) not null default 'active', "source" varchar(20) not null, "answers" jsonb not null, "applied_at" timestamptz not null, "last_activity_at" timestamptz not null, "rejection_reason_id" varchar(40) null, "rejection_note" text null, "decided_at" timestamptz null, "decided_by_id" uuid null, constraint "application_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "application_tenant_id_applied_at_index" on "application" ("tenant_id", "applied_at");`,
    );
    this.addSql(
      `create index "application_tenant_id_last_activity_at_index" on "application" ("tenant_id", "last_activity_at");`,
    );
    this.addSql(
      `create index "application_tenant_id_status_applied_at_index" on "application" ("tenant_id", "status", "applied_at");`,
    );
    this.addSql(
      `create index "application_tenant_id_source_applied_at_index" on "application" ("tenant_id", "source", "applied_at");`,
    );
    this.addSql(
      `create index "application_job_id_stage_id_last_activity_at_index" on "application" ("job_id", "stage_id", "last_activity_at");`,
    );
    this.addSql(`create index "application_candidate_id_index" on "application" ("candidate_id");`);
    this.addSql(
      `alter table "application" add constraint "application_job_id_candidate_id_unique" unique ("job_id", "candidate_id");`,
    );

    this.addSql(
      `create table "stage_change" ("id" uuid not null, "tenant_id" uuid not null, "application_id" uuid not null, "from_stage_id" uuid null, "to_stage_id" uuid not null, "by_id" uuid null, "at" timestamptz not null, constraint "stage_change_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "stage_change_application_id_at_index" on "stage_change" ("application_id", "at");`,
    );

    this.addSql(
      `create table "application_tag" ("id" uuid not null, "tenant_id" uuid not null, "application_id" uuid not null, "tag" varchar(40) not null, constraint "application_tag_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "application_tag_tenant_id_tag_index" on "application_tag" ("tenant_id", "tag");`,
    );
    this.addSql(
      `alter table "application_tag" add constraint "application_tag_application_id_tag_unique" unique ("application_id", "tag");`,
    );

    this.addSql(
      `create table "application_note" ("id" uuid not null, "tenant_id" uuid not null, "application_id" uuid not null, "author_id" uuid null, "body" text not null, "created_at" timestamptz not null, constraint "application_note_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "application_note_application_id_created_at_index" on "application_note" ("application_id", "created_at");`,
    );

    this.addSql(
      `alter table "candidate" add constraint "candidate_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "job" add constraint "job_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "job" add constraint "job_status_changed_by_id_foreign" foreign key ("status_changed_by_id") references "user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "job_stage" add constraint "job_stage_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "job_stage" add constraint "job_stage_job_id_foreign" foreign key ("job_id") references "job" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "hiring_team_member" add constraint "hiring_team_member_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "hiring_team_member" add constraint "hiring_team_member_job_id_foreign" foreign key ("job_id") references "job" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "hiring_team_member" add constraint "hiring_team_member_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "application" add constraint "application_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "application" add constraint "application_candidate_id_foreign" foreign key ("candidate_id") references "candidate" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "application" add constraint "application_job_id_foreign" foreign key ("job_id") references "job" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "application" add constraint "application_stage_id_foreign" foreign key ("stage_id") references "job_stage" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "application" add constraint "application_decided_by_id_foreign" foreign key ("decided_by_id") references "user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "stage_change" add constraint "stage_change_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "stage_change" add constraint "stage_change_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "stage_change" add constraint "stage_change_from_stage_id_foreign" foreign key ("from_stage_id") references "job_stage" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "stage_change" add constraint "stage_change_to_stage_id_foreign" foreign key ("to_stage_id") references "job_stage" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "stage_change" add constraint "stage_change_by_id_foreign" foreign key ("by_id") references "user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "application_tag" add constraint "application_tag_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "application_tag" add constraint "application_tag_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "application_note" add constraint "application_note_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "application_note" add constraint "application_note_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "application_note" add constraint "application_note_author_id_foreign" foreign key ("author_id") references "user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(`alter table "tenant" add column "hiring_settings" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "application" drop constraint "application_candidate_id_foreign";`);

    this.addSql(`alter table "job_stage" drop constraint "job_stage_job_id_foreign";`);

    this.addSql(`alter table "hiring_team_member" drop constraint "hiring_team_member_job_id_foreign";`);

    this.addSql(`alter table "application" drop constraint "application_job_id_foreign";`);

    this.addSql(`alter table "application" drop constraint "application_stage_id_foreign";`);

    this.addSql(`alter table "stage_change" drop constraint "stage_change_from_stage_id_foreign";`);

    this.addSql(`alter table "stage_change" drop constraint "stage_change_to_stage_id_foreign";`);

    this.addSql(`alter table "stage_change" drop constraint "stage_change_application_id_foreign";`);

    this.addSql(`alter table "application_tag" drop constraint "application_tag_application_id_foreign";`);

    this.addSql(`alter table "application_note" drop constraint "application_note_application_id_foreign";`);

    this.addSql(`drop table if exists "candidate" cascade;`);

    this.addSql(`drop table if exists "job" cascade;`);

    this.addSql(`drop table if exists "job_stage" cascade;`);

    this.addSql(`drop table if exists "hiring_team_member" cascade;`);

    this.addSql(`drop table if exists "application" cascade;`);

    this.addSql(`drop table if exists "stage_change" cascade;`);

    this.addSql(`drop table if exists "application_tag" cascade;`);

    this.addSql(`drop table if exists "application_note" cascade;`);

    this.addSql(`alter table "tenant" drop column "hiring_settings";`);
  }
}
