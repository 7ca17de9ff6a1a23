import { Migration } from '@mikro-orm/migrations';

export class Migration20261207094306_assessments extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "assessment_provider" ("id" uuid not null, "tenant_id" uuid not null, "name" varchar(100) not null, "invitation_url_template" varchar(500) not null, "webhook_secret_wrapped" varchar(1000) not null, "created_at" timestamptz not null, constraint "assessment_provider_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "assessment" ("id" uuid not null, "tenant_id" uuid not null, "title" varchar(200) not null, "kind" varchar(20) not null, "instructions" text not null default '', "questions" jsonb not null, "time_limit_minutes" int null, "allow_attachments" boolean not null default false, "provider_id" uuid null, "created_by_id" uuid null, "created_at" timestamptz not null, constraint "assessment_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "stage_assessment" ("id" uuid not null, "tenant_id" uuid not null, "stage_id" uuid not null, "assessment_id" uuid not null, "auto_send" boolean not null default true, constraint "stage_assessment_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "stage_assessment" add constraint "stage_assessment_stage_id_unique" unique ("stage_id");`,
    );

    this.addSql(
      `create table "assessment_invitation" ("id" uuid not null, "tenant_id" uuid not null, "application_id" uuid not null, "assessment_id" uuid not null, "provider" varchar(40) not null, "status" varchar(12) not null, "token_hash" varchar(64) null, "questions" jsonb not null, "time_limit_minutes" int null, "allow_attachments" boolean not null default false, "invited_at" timestamptz not null, "started_at" timestamptz null, "deadline_at" timestamptz null, "submitted_at" timestamptz null, "submitted_by_deadline" boolean not null default false, "answers" jsonb null, "attachment_ids" jsonb null, "scores" jsonb null, "total_points" int null, "max_points" int not null, "scored_at" timestamptz null, "external_result_url" varchar(500) null, "created_by_id" uuid null, constraint "assessment_invitation_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "assessment_invitation" add constraint "assessment_invitation_token_hash_unique" unique ("token_hash");`,
    );
    this.addSql(
      `create index "assessment_invitation_application_id_index" on "assessment_invitation" ("application_id");`,
    );
    this.addSql(
      `create index "assessment_invitation_tenant_id_invited_at_index" on "assessment_invitation" ("tenant_id", "invited_at");`,
    );

    this.addSql(
      `alter table "assessment_provider" add constraint "assessment_provider_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "assessment" add constraint "assessment_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "assessment" add constraint "assessment_provider_id_foreign" foreign key ("provider_id") references "assessment_provider" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "assessment" add constraint "assessment_created_by_id_foreign" foreign key ("created_by_id") references "user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "stage_assessment" add constraint "stage_assessment_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "stage_assessment" add constraint "stage_assessment_stage_id_foreign" foreign key ("stage_id") references "job_stage" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "stage_assessment" add constraint "stage_assessment_assessment_id_foreign" foreign key ("assessment_id") references "assessment" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "assessment_invitation" add constraint "assessment_invitation_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "assessment_invitation" add constraint "assessment_invitation_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "assessment_invitation" add constraint "assessment_invitation_assessment_id_foreign" foreign key ("assessment_id") references "assessment" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "assessment_invitation" add constraint "assessment_invitation_created_by_id_foreign" foreign key ("created_by_id") references "user" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "assessment" drop constraint "assessment_provider_id_foreign";`);

    this.addSql(`alter table "stage_assessment" drop constraint "stage_assessment_assessment_id_foreign";`);

    this.addSql(
      `alter table "assessment_invitation" drop constraint "assessment_invitation_assessment_id_foreign";`,
    );

    this.addSql(`drop table if exists "assessment_provider" cascade;`);

    this.addSql(`drop table if exists "assessment" cascade;`);

    this.addSql(`drop table if exists "stage_assessment" cascade;`);

    this.addSql(`drop table if exists "assessment_invitation" cascade;`);
  }
}
