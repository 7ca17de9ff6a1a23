import { Migration } from '@mikro-orm/migrations';

export class Migration20261207073443_References extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "reference_request" ("id" uuid not null, "tenant_id" uuid not null, "application_id" uuid not null, "token_hash" varchar(64) null, "count" int not null, "expires_at" timestamptz not null, "completed_at" timestamptz null, "created_by_id" uuid null, "created_at" timestamptz not null, constraint "reference_request_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "reference_request" add constraint "reference_request_token_hash_unique" unique ("token_hash");`,
    );
    this.addSql(
      `create index "reference_request_application_id_index" on "reference_request" ("application_id");`,
    );

    this.addSql(
      `create table "referee" ("id" uuid not null, "tenant_id" uuid not null, "application_id" uuid not null, "name" varchar(200) not null, "email" varchar(254) not null, "relationship" varchar(200) not null, "consent_recorded_by" varchar(10) not null, "status" varchar(12) not null, "questions" jsonb not null, "answers" jsonb null, "token_hash" varchar(64) null, "expires_at" timestamptz not null, "responded_at" timestamptz null, "created_by_id" uuid null, "created_at" timestamptz not null, constraint "referee_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "referee" add constraint "referee_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "referee_application_id_index" on "referee" ("application_id");`);
    this.addSql(`create index "referee_tenant_id_email_index" on "referee" ("tenant_id", "email");`);

    this.addSql(
      `alter table "reference_request" add constraint "reference_request_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "reference_request" add constraint "reference_request_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "reference_request" add constraint "reference_request_created_by_id_foreign" foreign key ("created_by_id") references "user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "referee" add constraint "referee_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "referee" add constraint "referee_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "referee" add constraint "referee_created_by_id_foreign" foreign key ("created_by_id") references "user" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "reference_request" cascade;`);

    this.addSql(`drop table if exists "referee" cascade;`);
  }
}
