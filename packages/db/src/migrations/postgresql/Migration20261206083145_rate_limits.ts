import { Migration } from '@mikro-orm/migrations';

export class Migration20261206083145_rate_limits extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "rate_limit_counter" ("key" varchar(200) not null, "points" int not null, "expires_at" bigint not null, constraint "rate_limit_counter_pkey" primary key ("key"));`,
    );
    this.addSql(`create index "rate_limit_counter_expires_at_index" on "rate_limit_counter" ("expires_at");`);

    this.addSql(`alter table "portal_code" add column "requested_from" varchar(64) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "rate_limit_counter" cascade;`);

    this.addSql(`alter table "portal_code" drop column "requested_from";`);
  }
}
