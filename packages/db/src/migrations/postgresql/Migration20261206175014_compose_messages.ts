import { Migration } from '@mikro-orm/migrations';

export class Migration20261206175014_compose_messages extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "message_template" ("id" uuid not null, "tenant_id" uuid not null, "name" varchar(120) not null, "subject" varchar(200) not null, "body" text not null, "marketing" boolean not null default false, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "message_template_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "message_template_tenant_id_name_index" on "message_template" ("tenant_id", "name");`,
    );

    this.addSql(
      `create table "staff_calendar" ("id" uuid not null, "user_id" uuid not null, "time_zone" varchar(64) not null default 'UTC', "working_hours" jsonb not null, "feed_token_hash" varchar(64) null, "feed_created_at" timestamptz null, "caldav_server_url" varchar(500) null, "caldav_username" varchar(254) null, "caldav_password_wrapped" varchar(2000) null, "caldav_calendar_url" varchar(1000) null, "caldav_error" varchar(300) null, "caldav_error_at" timestamptz null, "updated_at" timestamptz not null, constraint "staff_calendar_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "staff_calendar" add constraint "staff_calendar_user_id_unique" unique ("user_id");`,
    );
    this.addSql(
      `alter table "staff_calendar" add constraint "staff_calendar_feed_token_hash_unique" unique ("feed_token_hash");`,
    );

    this.addSql(
      `create table "scheduling_link" ("id" uuid not null, "tenant_id" uuid not null, "application_id" uuid not null, "token_hash" varchar(64) not null, "title" text not null, "location" text null, "video_url" varchar(500) null, "interviewer_ids" jsonb not null, "slots" jsonb not null, "time_zone" varchar(64) not null, "expires_at" timestamptz not null, "booked_at" timestamptz null, "interview_id" uuid null, "created_by_id" uuid null, "created_at" timestamptz not null, constraint "scheduling_link_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "scheduling_link" add constraint "scheduling_link_token_hash_unique" unique ("token_hash");`,
    );
    this.addSql(
      `create index "scheduling_link_application_id_index" on "scheduling_link" ("application_id");`,
    );

    this.addSql(
      `alter table "message_template" add constraint "message_template_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "staff_calendar" add constraint "staff_calendar_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "scheduling_link" add constraint "scheduling_link_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "scheduling_link" add constraint "scheduling_link_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "scheduling_link" add constraint "scheduling_link_interview_id_foreign" foreign key ("interview_id") references "interview" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "scheduling_link" add constraint "scheduling_link_created_by_id_foreign" foreign key ("created_by_id") references "user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(`alter table "job" add column "time_zone" varchar(64) null;`);

    this.addSql(
      `alter table "outbox_email" add column "sent_by_id" uuid null, add column "unsubscribe_url" varchar(1000) null;`,
    );
    this.addSql(
      `alter table "outbox_email" add constraint "outbox_email_sent_by_id_foreign" foreign key ("sent_by_id") references "user" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "message_template" cascade;`);

    this.addSql(`drop table if exists "staff_calendar" cascade;`);

    this.addSql(`drop table if exists "scheduling_link" cascade;`);

    this.addSql(`alter table "outbox_email" drop constraint "outbox_email_sent_by_id_foreign";`);

    this.addSql(`alter table "job" drop column "time_zone";`);

    this.addSql(`alter table "outbox_email" drop column "sent_by_id", drop column "unsubscribe_url";`);
  }
}
