import { Migration } from '@mikro-orm/migrations';

export class Migration20261206175811_notifications extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "notification" ("id" uuid not null, "tenant_id" uuid not null, "user_id" uuid not null, "actor_id" uuid null, "candidate_id" uuid null, "application_id" uuid null, "kind" varchar(30) not null, "text" varchar(300) not null, "blind_text" varchar(300) null, "link" varchar(300) not null, "event_key" varchar(120) null, "read_at" timestamptz null, "emailed_at" timestamptz null, "created_at" timestamptz not null, constraint "notification_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "notification_user_id_tenant_id_created_at_id_index" on "notification" ("user_id", "tenant_id", "created_at", "id");`,
    );
    this.addSql(
      `create index "notification_user_id_tenant_id_read_at_index" on "notification" ("user_id", "tenant_id", "read_at");`,
    );
    this.addSql(`create index "notification_candidate_id_index" on "notification" ("candidate_id");`);
    this.addSql(`create index "notification_application_id_index" on "notification" ("application_id");`);
    this.addSql(
      `alter table "notification" add constraint "notification_tenant_id_user_id_event_key_unique" unique ("tenant_id", "user_id", "event_key");`,
    );

    this.addSql(
      `alter table "membership" add column "notification_email" varchar(10) not null default 'digest', add column "digest_sent_at" timestamptz null;`,
    );

    this.addSql(
      `alter table "notification" add constraint "notification_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "notification" add constraint "notification_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "notification" add constraint "notification_actor_id_foreign" foreign key ("actor_id") references "user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "notification" add constraint "notification_candidate_id_foreign" foreign key ("candidate_id") references "candidate" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "notification" add constraint "notification_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notification" cascade;`);

    this.addSql(`alter table "membership" drop column "notification_email", drop column "digest_sent_at";`);
  }
}
