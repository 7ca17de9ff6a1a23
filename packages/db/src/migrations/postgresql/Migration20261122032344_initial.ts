import { Migration } from '@mikro-orm/migrations';

export class Migration20261122032344_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "tenant" ("id" uuid not null, "slug" varchar(40) not null, "name" varchar(120) not null, "primary_color" varchar(7) not null default '#1f6feb', "about" text not null default '', "created_at" timestamptz not null, constraint "tenant_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "tenant" add constraint "tenant_slug_unique" unique ("slug");`);

    this.addSql(
      `create table "outbox_email" ("id" uuid not null, "tenant_id" uuid null, "to" varchar(254) not null, "subject" varchar(255) not null, "text" text not null, "html" text null, "template" varchar(60) not null, "status" varchar(12) not null default 'pending', "attempts" int not null default 0, "next_attempt_at" timestamptz not null, "last_error" varchar(500) null, "created_at" timestamptz not null, "sent_at" timestamptz null, constraint "outbox_email_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "outbox_email_status_next_attempt_at_index" on "outbox_email" ("status", "next_attempt_at");`,
    );

    this.addSql(
      `create table "audit_event" ("id" uuid not null, "tenant_id" uuid null, "actor_id" uuid null, "action" varchar(80) not null, "target_type" varchar(40) not null, "target_id" varchar(64) null, "request_id" varchar(64) null, "at" timestamptz not null, constraint "audit_event_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "audit_event_tenant_id_at_index" on "audit_event" ("tenant_id", "at");`);

    this.addSql(
      `create table "user" ("id" uuid not null, "email" varchar(254) not null, "name" varchar(120) not null, "password_hash" varchar(255) null, "created_at" timestamptz not null, "last_sign_in_at" timestamptz null, constraint "user_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "user" add constraint "user_email_unique" unique ("email");`);

    this.addSql(
      `create table "session" ("id" varchar(64) not null, "user_id" uuid not null, "active_tenant_id" uuid not null, "expires_at" timestamptz not null, "created_at" timestamptz not null, constraint "session_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "session_user_id_index" on "session" ("user_id");`);

    this.addSql(
      `create table "password_token" ("id" uuid not null, "token_hash" varchar(64) not null, "user_id" uuid not null, "purpose" varchar(20) not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "created_at" timestamptz not null, constraint "password_token_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "password_token" add constraint "password_token_token_hash_unique" unique ("token_hash");`,
    );

    this.addSql(
      `create table "membership" ("id" uuid not null, "tenant_id" uuid not null, "user_id" uuid not null, "role" varchar(20) not null, "status" varchar(20) not null, "created_at" timestamptz not null, constraint "membership_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "membership" add constraint "membership_tenant_id_user_id_unique" unique ("tenant_id", "user_id");`,
    );

    this.addSql(
      `alter table "outbox_email" add constraint "outbox_email_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "audit_event" add constraint "audit_event_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "session" add constraint "session_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "session" add constraint "session_active_tenant_id_foreign" foreign key ("active_tenant_id") references "tenant" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "password_token" add constraint "password_token_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "membership" add constraint "membership_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "membership" add constraint "membership_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "outbox_email" drop constraint "outbox_email_tenant_id_foreign";`);

    this.addSql(`alter table "audit_event" drop constraint "audit_event_tenant_id_foreign";`);

    this.addSql(`alter table "session" drop constraint "session_active_tenant_id_foreign";`);

    this.addSql(`alter table "membership" drop constraint "membership_tenant_id_foreign";`);

    this.addSql(`alter table "session" drop constraint "session_user_id_foreign";`);

    this.addSql(`alter table "password_token" drop constraint "password_token_user_id_foreign";`);

    this.addSql(`alter table "membership" drop constraint "membership_user_id_foreign";`);

    this.addSql(`drop table if exists "tenant" cascade;`);

    this.addSql(`drop table if exists "outbox_email" cascade;`);

    this.addSql(`drop table if exists "audit_event" cascade;`);

    this.addSql(`drop table if exists "user" cascade;`);

    this.addSql(`drop table if exists "session" cascade;`);

    this.addSql(`drop table if exists "password_token" cascade;`);

    this.addSql(`drop table if exists "membership" cascade;`);
  }
}
