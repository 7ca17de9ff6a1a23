import { Migration } from '@mikro-orm/migrations';

export class Migration20261123203526_privacy_requests_audit_chain extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "audit_chain_head" ("id" varchar(64) not null, "seq" int not null, "hash" varchar(64) not null, constraint "audit_chain_head_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "portal_session" ("id" varchar(64) not null, "tenant_id" uuid not null, "email" varchar(254) not null, "expires_at" timestamptz not null, "created_at" timestamptz not null, constraint "portal_session_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "portal_code" ("id" uuid not null, "tenant_id" uuid not null, "email_hash" varchar(64) not null, "code_hash" varchar(64) not null, "attempts" int not null default 0, "expires_at" timestamptz not null, "used_at" timestamptz null, "created_at" timestamptz not null, constraint "portal_code_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "portal_code_tenant_id_email_hash_created_at_index" on "portal_code" ("tenant_id", "email_hash", "created_at");`,
    );

    this.addSql(
      `create table "privacy_request" ("id" uuid not null, "tenant_id" uuid not null, "candidate_id" uuid null, "type" varchar(20) not null, "channel" varchar(12) not null, "requester_name" varchar(120) null, "requester_email" varchar(254) not null, "agent_name" varchar(120) null, "agent_proof" text null, "details" text not null default '', "country" varchar(2) null, "jurisdiction" varchar(12) not null, "verification" varchar(12) not null default 'unverified', "status" varchar(12) not null default 'received', "received_at" timestamptz not null, "due_on" varchar(10) not null, "extended_at" timestamptz null, "extension_reason" varchar(1000) null, "acknowledged_at" timestamptz null, "assignee_id" uuid null, "refusal_reason" varchar(1000) null, "answer" text null, "actions" jsonb not null, "last_error" varchar(500) null, "completed_at" timestamptz null, constraint "privacy_request_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "privacy_request_tenant_id_status_due_on_index" on "privacy_request" ("tenant_id", "status", "due_on");`,
    );
    this.addSql(
      `create index "privacy_request_tenant_id_received_at_id_index" on "privacy_request" ("tenant_id", "received_at", "id");`,
    );

    this.addSql(
      `create table "privacy_request_note" ("id" uuid not null, "tenant_id" uuid not null, "request_id" uuid not null, "author_id" uuid null, "body" text not null, "created_at" timestamptz not null, constraint "privacy_request_note_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "privacy_request_note_request_id_created_at_index" on "privacy_request_note" ("request_id", "created_at");`,
    );

    this.addSql(
      `alter table "portal_session" add constraint "portal_session_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "portal_code" add constraint "portal_code_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "privacy_request" add constraint "privacy_request_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "privacy_request" add constraint "privacy_request_candidate_id_foreign" foreign key ("candidate_id") references "candidate" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "privacy_request" add constraint "privacy_request_assignee_id_foreign" foreign key ("assignee_id") references "user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "privacy_request_note" add constraint "privacy_request_note_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "privacy_request_note" add constraint "privacy_request_note_request_id_foreign" foreign key ("request_id") references "privacy_request" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "privacy_request_note" add constraint "privacy_request_note_author_id_foreign" foreign key ("author_id") references "user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(`alter table "candidate" add column "restricted_at" timestamptz null;`);

    this.addSql(
      `alter table "audit_event" add column "subject_ref" varchar(64) null, add column "chain" varchar(64) null, add column "seq" int null, add column "prev_hash" varchar(64) null, add column "hash" varchar(64) null;`,
    );
    this.addSql(`create index "audit_event_chain_seq_index" on "audit_event" ("chain", "seq");`);
    this.addSql(`create index "audit_event_subject_ref_index" on "audit_event" ("subject_ref");`);
    this.addSql(
      `alter table "audit_event" add constraint "audit_event_chain_seq_unique" unique ("chain", "seq");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "privacy_request_note" drop constraint "privacy_request_note_request_id_foreign";`,
    );

    this.addSql(`drop table if exists "audit_chain_head" cascade;`);

    this.addSql(`drop table if exists "portal_session" cascade;`);

    this.addSql(`drop table if exists "portal_code" cascade;`);

    this.addSql(`drop table if exists "privacy_request" cascade;`);

    this.addSql(`drop table if exists "privacy_request_note" cascade;`);

    this.addSql(`drop index "audit_event_chain_seq_index";`);
    this.addSql(`drop index "audit_event_subject_ref_index";`);
    this.addSql(`alter table "audit_event" drop constraint "audit_event_chain_seq_unique";`);
    this.addSql(
      `alter table "audit_event" drop column "subject_ref", drop column "chain", drop column "seq", drop column "prev_hash", drop column "hash";`,
    );

    this.addSql(`alter table "candidate" drop column "restricted_at";`);
  }
}
