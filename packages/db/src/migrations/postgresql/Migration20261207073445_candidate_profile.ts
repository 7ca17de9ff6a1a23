import { Migration } from '@mikro-orm/migrations';

export class Migration20261207073445_candidate_profile extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "candidate_profile" ("id" uuid not null, "tenant_id" uuid not null, "candidate_id" uuid not null, "education" jsonb not null, "work_history" jsonb not null, "right_to_work" jsonb not null, "salary_expectation" jsonb null, "updated_at" timestamptz not null, "updated_by_id" uuid null, constraint "candidate_profile_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "candidate_profile" add constraint "candidate_profile_candidate_id_unique" unique ("candidate_id");`,
    );

    this.addSql(
      `alter table "candidate_profile" add constraint "candidate_profile_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "candidate_profile" add constraint "candidate_profile_candidate_id_foreign" foreign key ("candidate_id") references "candidate" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "candidate_profile" add constraint "candidate_profile_updated_by_id_foreign" foreign key ("updated_by_id") references "user" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "candidate_profile" cascade;`);
  }
}
