import { Migration } from '@mikro-orm/migrations';

export class Migration20261129175522_data_keys extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "retention_run" ("id" uuid not null, "tenant_id" uuid not null, "worker_id" varchar(80) not null, "policy_version" int not null, "dry_run" boolean not null, "started_at" timestamptz not null, "finished_at" timestamptz null, "found" int not null default 0, "done" int not null default 0, "skipped_hold" int not null default 0, "failed" int not null default 0, "rules" jsonb not null, constraint "retention_run_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "retention_run_tenant_id_started_at_index" on "retention_run" ("tenant_id", "started_at");`,
    );

    this.addSql(
      `create table "tenant_data_key" ("id" uuid not null, "tenant_id" uuid not null, "wrapped_key" text not null, "created_at" timestamptz not null, "retired_at" timestamptz null, constraint "tenant_data_key_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "tenant_data_key_tenant_id_created_at_index" on "tenant_data_key" ("tenant_id", "created_at");`,
    );

    this.addSql(
      `create table "retention_policy_version" ("id" uuid not null, "tenant_id" uuid not null, "version" int not null, "rules" jsonb not null, "overrides" jsonb not null, "created_by_id" uuid null, "created_at" timestamptz not null, constraint "retention_policy_version_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "retention_policy_version" add constraint "retention_policy_version_tenant_id_version_unique" unique ("tenant_id", "version");`,
    );

    this.addSql(
      `alter table "retention_run" add constraint "retention_run_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "tenant_data_key" add constraint "tenant_data_key_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "retention_policy_version" add constraint "retention_policy_version_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "retention_policy_version" add constraint "retention_policy_version_created_by_id_foreign" foreign key ("created_by_id") references "user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(`alter table "application" add column "anonymized_at" timestamptz null;`);

    this.addSql(`alter table "attachment" add column "encrypted" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "retention_run" cascade;`);

    this.addSql(`drop table if exists "tenant_data_key" cascade;`);

    this.addSql(`drop table if exists "retention_policy_version" cascade;`);

    this.addSql(`alter table "application" drop column "anonymized_at";`);

    this.addSql(`alter table "attachment" drop column "encrypted";`);
  }
}
