import { Migration } from '@mikro-orm/migrations';

export class Migration20261207163116_report_copies extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "report_copy" ("tenant_id" uuid not null, "filter_key" varchar(200) not null, "generation" bigint not null, "counted_at" timestamptz null, "counts" text null, "recount_claimed_at" timestamptz null, constraint "report_copy_pkey" primary key ("tenant_id", "filter_key"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "report_copy" cascade;`);
  }
}
