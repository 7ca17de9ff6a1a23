import { Migration } from '@mikro-orm/migrations';

export class Migration20261207094317_background_checks extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "background_check" ("id" uuid not null, "tenant_id" uuid not null, "application_id" uuid not null, "status" varchar(16) not null, "provider" varchar(40) not null, "provider_ref" varchar(100) null, "provider_status" varchar(20) null, "token_hash" varchar(64) null, "signed_name" varchar(200) null, "signed_at" timestamptz null, "receipt_id" uuid null, "report_storage_key" varchar(80) null, "report_filename" varchar(200) null, "report_content_type" varchar(120) null, "report_size" int null, "report_received_at" timestamptz null, "wait_until" varchar(10) null, "dispute_text" text null, "disputed_at" timestamptz null, "resolution" text null, "dispute_resolved_at" timestamptz null, "decided_at" timestamptz null, "events" jsonb not null, "created_by_id" uuid null, "created_at" timestamptz not null, constraint "background_check_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "background_check" add constraint "background_check_provider_ref_unique" unique ("provider_ref");`,
    );
    this.addSql(
      `alter table "background_check" add constraint "background_check_token_hash_unique" unique ("token_hash");`,
    );
    this.addSql(
      `create index "background_check_application_id_index" on "background_check" ("application_id");`,
    );
    this.addSql(`create index "background_check_decided_at_index" on "background_check" ("decided_at");`);

    this.addSql(
      `alter table "background_check" add constraint "background_check_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "background_check" add constraint "background_check_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "background_check" add constraint "background_check_receipt_id_foreign" foreign key ("receipt_id") references "consent_receipt" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "background_check" add constraint "background_check_created_by_id_foreign" foreign key ("created_by_id") references "user" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "background_check" cascade;`);
  }
}
