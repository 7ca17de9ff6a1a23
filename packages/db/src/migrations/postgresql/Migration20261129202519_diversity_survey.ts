import { Migration } from '@mikro-orm/migrations';

export class Migration20261129202519_diversity_survey extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "diversity_response" ("id" uuid not null, "tenant_id" uuid not null, "candidate_id" uuid not null, "application_id" uuid not null, "template" varchar(20) not null, "gender" text null, "ethnicity" text null, "age_band" text null, "disability" text null, "veteran_status" text null, "sexual_orientation" text null, "answered_at" timestamptz not null, constraint "diversity_response_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "diversity_response_candidate_id_index" on "diversity_response" ("candidate_id");`,
    );
    this.addSql(
      `create index "diversity_response_tenant_id_answered_at_index" on "diversity_response" ("tenant_id", "answered_at");`,
    );
    this.addSql(
      `alter table "diversity_response" add constraint "diversity_response_application_id_unique" unique ("application_id");`,
    );

    this.addSql(
      `alter table "diversity_response" add constraint "diversity_response_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "diversity_response" add constraint "diversity_response_candidate_id_foreign" foreign key ("candidate_id") references "candidate" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "diversity_response" add constraint "diversity_response_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade;`,
    );

    this.addSql(`alter table "tenant" add column "diversity_settings" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "diversity_response" cascade;`);

    this.addSql(`alter table "tenant" drop column "diversity_settings";`);
  }
}
