import { Migration } from '@mikro-orm/migrations';

export class Migration20261129200705_system_secret extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "system_secret" ("id" varchar(40) not null, "wrapped" text not null, "created_at" timestamptz not null, constraint "system_secret_pkey" primary key ("id"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "system_secret" cascade;`);
  }
}
