import { Migration } from '@mikro-orm/migrations';

export class Migration20261207163014_application_intake extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "application_intake" ("id" uuid not null, "tenant_id" uuid not null, "job_id" uuid not null, "email" varchar(254) not null, "candidate_key_id" uuid not null, "form" text not null, "resume" bytea not null, "received_at" timestamptz not null, "claimed_until" timestamptz null, "attempts" int not null default 0, "last_error" varchar(200) null, constraint "application_intake_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "application_intake_claimed_until_received_at_index" on "application_intake" ("claimed_until", "received_at");`,
    );
    this.addSql(
      `create index "application_intake_tenant_id_email_index" on "application_intake" ("tenant_id", "email");`,
    );

    this.addSql(
      `alter table "application_intake" add constraint "application_intake_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "application_intake" add constraint "application_intake_job_id_foreign" foreign key ("job_id") references "job" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "application_intake" cascade;`);
  }
}
