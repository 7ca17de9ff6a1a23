import { Migration } from '@mikro-orm/migrations';

export class Migration20261207131326_tenant_changes extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "tenant_change" ("tenant_id" uuid not null, "generation" bigint not null, constraint "tenant_change_pkey" primary key ("tenant_id"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "tenant_change" cascade;`);
  }
}
