import { Migration } from '@mikro-orm/migrations';

export class Migration20261123194936_privacy_notices_consent extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "consent_receipt" ("id" uuid not null, "tenant_id" uuid not null, "candidate_id" uuid not null, "jws" text not null, "issued_at" timestamptz not null, constraint "consent_receipt_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "consent_receipt_candidate_id_issued_at_index" on "consent_receipt" ("candidate_id", "issued_at");`,
    );

    this.addSql(
      `create table "tenant_signing_key" ("id" varchar(64) not null, "tenant_id" uuid not null, "public_jwk" jsonb not null, "private_key_wrapped" text not null, "created_at" timestamptz not null, "retired_at" timestamptz null, constraint "tenant_signing_key_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "privacy_notice" ("id" uuid not null, "tenant_id" uuid not null, "version" int null, "body_md" text not null, "effective_on" varchar(10) null, "material_change" boolean not null default false, "change_summary" varchar(500) not null default '', "published_at" timestamptz null, "published_by_id" uuid null, "updated_at" timestamptz not null, constraint "privacy_notice_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "privacy_notice" add constraint "privacy_notice_tenant_id_version_unique" unique ("tenant_id", "version");`,
    );

    this.addSql(
      `create table "consent_event" ("id" uuid not null, "tenant_id" uuid not null, "candidate_id" uuid not null, "application_id" uuid null, "purpose" varchar(40) not null, "purpose_label" varchar(160) not null, "decision" varchar(10) not null, "notice_version" int null, "channel" varchar(20) not null, "gpc" boolean not null default false, "receipt_id" uuid null, "occurred_at" timestamptz not null, constraint "consent_event_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "consent_event_candidate_id_occurred_at_index" on "consent_event" ("candidate_id", "occurred_at");`,
    );
    this.addSql(
      `create index "consent_event_tenant_id_purpose_occurred_at_index" on "consent_event" ("tenant_id", "purpose", "occurred_at");`,
    );

    this.addSql(
      `alter table "consent_receipt" add constraint "consent_receipt_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "consent_receipt" add constraint "consent_receipt_candidate_id_foreign" foreign key ("candidate_id") references "candidate" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "tenant_signing_key" add constraint "tenant_signing_key_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "privacy_notice" add constraint "privacy_notice_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "privacy_notice" add constraint "privacy_notice_published_by_id_foreign" foreign key ("published_by_id") references "user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "consent_event" add constraint "consent_event_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "consent_event" add constraint "consent_event_candidate_id_foreign" foreign key ("candidate_id") references "candidate" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "consent_event" add constraint "consent_event_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "consent_event" add constraint "consent_event_receipt_id_foreign" foreign key ("receipt_id") references "consent_receipt" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "tenant" add column "privacy_settings" jsonb null, add column "logo_key" varchar(80) null, add column "logo_type" varchar(20) null;`,
    );

    this.addSql(
      `alter table "application" add column "notice_version" int null, add column "cover_letter" text null, add column "salary_expectation" varchar(60) null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "consent_event" drop constraint "consent_event_receipt_id_foreign";`);

    this.addSql(`drop table if exists "consent_receipt" cascade;`);

    this.addSql(`drop table if exists "tenant_signing_key" cascade;`);

    this.addSql(`drop table if exists "privacy_notice" cascade;`);

    this.addSql(`drop table if exists "consent_event" cascade;`);

    this.addSql(
      `alter table "application" drop column "notice_version", drop column "cover_letter", drop column "salary_expectation";`,
    );

    this.addSql(
      `alter table "tenant" drop column "privacy_settings", drop column "logo_key", drop column "logo_type";`,
    );
  }
}
