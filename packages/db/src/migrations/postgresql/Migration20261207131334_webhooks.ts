import { Migration } from '@mikro-orm/migrations';

export class Migration20261207131334_webhooks extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "webhook_subscription" ("id" uuid not null, "tenant_id" uuid not null, "name" varchar(80) not null, "url" varchar(500) not null, "events" jsonb not null, "scopes" jsonb not null, "secret_wrapped" varchar(2000) not null, "active" boolean not null default true, "created_by_id" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "webhook_subscription_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "webhook_subscription_tenant_id_active_index" on "webhook_subscription" ("tenant_id", "active");`,
    );

    this.addSql(
      `create table "webhook_delivery" ("id" uuid not null, "tenant_id" uuid not null, "subscription_id" uuid not null, "candidate_id" uuid null, "application_id" uuid null, "event" varchar(40) not null, "event_id" uuid not null, "payload" jsonb not null, "categories" jsonb not null, "status" varchar(12) not null default 'pending', "attempts" int not null default 0, "next_attempt_at" timestamptz not null, "last_http_status" int null, "last_error" varchar(300) null, "delivered_at" timestamptz null, "created_at" timestamptz not null, constraint "webhook_delivery_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "webhook_delivery_status_next_attempt_at_index" on "webhook_delivery" ("status", "next_attempt_at");`,
    );
    this.addSql(
      `create index "webhook_delivery_subscription_id_created_at_index" on "webhook_delivery" ("subscription_id", "created_at");`,
    );
    this.addSql(`create index "webhook_delivery_candidate_id_index" on "webhook_delivery" ("candidate_id");`);
    this.addSql(
      `create index "webhook_delivery_application_id_index" on "webhook_delivery" ("application_id");`,
    );

    this.addSql(
      `alter table "webhook_subscription" add constraint "webhook_subscription_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "webhook_subscription" add constraint "webhook_subscription_created_by_id_foreign" foreign key ("created_by_id") references "user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "webhook_delivery" add constraint "webhook_delivery_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "webhook_delivery" add constraint "webhook_delivery_subscription_id_foreign" foreign key ("subscription_id") references "webhook_subscription" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "webhook_delivery" add constraint "webhook_delivery_candidate_id_foreign" foreign key ("candidate_id") references "candidate" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "webhook_delivery" add constraint "webhook_delivery_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "webhook_delivery" drop constraint "webhook_delivery_subscription_id_foreign";`);

    this.addSql(`drop table if exists "webhook_subscription" cascade;`);

    this.addSql(`drop table if exists "webhook_delivery" cascade;`);
  }
}
