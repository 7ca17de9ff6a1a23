import { Migration } from '@mikro-orm/migrations';

export class Migration20261206070819_disclosure_log extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "disclosure" ("id" uuid not null, "tenant_id" uuid not null, "candidate_id" uuid not null, "application_id" uuid null, "recipient_name" varchar(120) not null, "recipient_kind" varchar(12) not null, "recipient_country" varchar(2) null, "safeguard" varchar(12) null, "notify_email" varchar(254) null, "categories" jsonb not null, "purpose" varchar(200) not null, "via" varchar(20) not null, "disclosed_by_id" uuid null, "disclosed_at" timestamptz not null, constraint "disclosure_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "disclosure_candidate_id_disclosed_at_index" on "disclosure" ("candidate_id", "disclosed_at");`,
    );

    this.addSql(
      `alter table "disclosure" add constraint "disclosure_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "disclosure" add constraint "disclosure_candidate_id_foreign" foreign key ("candidate_id") references "candidate" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "disclosure" add constraint "disclosure_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "disclosure" add constraint "disclosure_disclosed_by_id_foreign" foreign key ("disclosed_by_id") references "user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(`alter table "outbox_email" add column "proof_address_hash" varchar(80) null;`);

    this.addSql(`alter table "interview" alter column "title" type text using ("title"::text);`);
    this.addSql(`alter table "interview" alter column "location" type text using ("location"::text);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "disclosure" cascade;`);

    this.addSql(
      `alter table "interview" alter column "title" type varchar(80) using ("title"::varchar(80));`,
    );
    this.addSql(
      `alter table "interview" alter column "location" type varchar(200) using ("location"::varchar(200));`,
    );

    this.addSql(`alter table "outbox_email" drop column "proof_address_hash";`);
  }
}
