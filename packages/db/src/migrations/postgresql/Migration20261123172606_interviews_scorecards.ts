import { Migration } from '@mikro-orm/migrations';

export class Migration20261123172606_interviews_scorecards extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "interview" ("id" uuid not null, "tenant_id" uuid not null, "application_id" uuid not null, "title" varchar(80) not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "location" varchar(200) null, "video_url" varchar(500) null, "status" varchar(12) not null default 'scheduled', "created_by_id" uuid null, "created_at" timestamptz not null, constraint "interview_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "interview_application_id_starts_at_index" on "interview" ("application_id", "starts_at");`,
    );

    this.addSql(
      `create table "scorecard" ("id" uuid not null, "tenant_id" uuid not null, "application_id" uuid not null, "interview_id" uuid not null, "author_id" uuid not null, "ratings" jsonb not null, "recommendation" varchar(12) not null, "notes" text not null, "submitted_at" timestamptz not null, constraint "scorecard_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "scorecard_application_id_index" on "scorecard" ("application_id");`);
    this.addSql(
      `alter table "scorecard" add constraint "scorecard_interview_id_author_id_unique" unique ("interview_id", "author_id");`,
    );

    this.addSql(
      `create table "interview_participant" ("id" uuid not null, "tenant_id" uuid not null, "interview_id" uuid not null, "user_id" uuid not null, constraint "interview_participant_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "interview_participant_tenant_id_user_id_index" on "interview_participant" ("tenant_id", "user_id");`,
    );
    this.addSql(
      `alter table "interview_participant" add constraint "interview_participant_interview_id_user_id_unique" unique ("interview_id", "user_id");`,
    );

    this.addSql(
      `alter table "interview" add constraint "interview_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "interview" add constraint "interview_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "interview" add constraint "interview_created_by_id_foreign" foreign key ("created_by_id") references "user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "scorecard" add constraint "scorecard_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "scorecard" add constraint "scorecard_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "scorecard" add constraint "scorecard_interview_id_foreign" foreign key ("interview_id") references "interview" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "scorecard" add constraint "scorecard_author_id_foreign" foreign key ("author_id") references "user" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "interview_participant" add constraint "interview_participant_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "interview_participant" add constraint "interview_participant_interview_id_foreign" foreign key ("interview_id") references "interview" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "interview_participant" add constraint "interview_participant_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade;`,
    );

    this.addSql(`alter table "outbox_email" add column "attachments" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "scorecard" drop constraint "scorecard_interview_id_foreign";`);

    this.addSql(
      `alter table "interview_participant" drop constraint "interview_participant_interview_id_foreign";`,
    );

    this.addSql(`drop table if exists "interview" cascade;`);

    this.addSql(`drop table if exists "scorecard" cascade;`);

    this.addSql(`drop table if exists "interview_participant" cascade;`);

    this.addSql(`alter table "outbox_email" drop column "attachments";`);
  }
}
