import { Migration } from '@mikro-orm/migrations';

export class Migration20261129195207_audit_prune_hr_export extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "audit_chain_head" add column "pruned_through_seq" int not null default 0, add column "pruned_through_hash" varchar(64) null;`,
    );

    this.addSql(
      `alter table "application" add column "hr_exported_at" timestamptz null, add column "hr_exported_by_id" uuid null;`,
    );
    this.addSql(
      `alter table "application" add constraint "application_hr_exported_by_id_foreign" foreign key ("hr_exported_by_id") references "user" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "application" drop constraint "application_hr_exported_by_id_foreign";`);

    this.addSql(`alter table "application" drop column "hr_exported_at", drop column "hr_exported_by_id";`);

    this.addSql(
      `alter table "audit_chain_head" drop column "pruned_through_seq", drop column "pruned_through_hash";`,
    );
  }
}
