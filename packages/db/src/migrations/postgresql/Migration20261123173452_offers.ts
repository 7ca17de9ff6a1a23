import { Migration } from '@mikro-orm/migrations';

export class Migration20261123173452_offers extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "offer" ("id" uuid not null, "tenant_id" uuid not null, "application_id" uuid not null, "salary" int not null, "currency" varchar(3) not null, "period" varchar(10) not null, "start_date" varchar(10) not null, "expires_on" varchar(10) not null, "terms" text not null, "status" varchar(20) not null, "created_by_id" uuid null, "approved_by_id" uuid null, "approved_at" timestamptz null, "sent_at" timestamptz null, "responded_at" timestamptz null, "token_hash" varchar(64) null, "letter_key" varchar(80) null, "created_at" timestamptz not null, constraint "offer_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "offer" add constraint "offer_token_hash_unique" unique ("token_hash");`);
    this.addSql(
      `create index "offer_application_id_created_at_index" on "offer" ("application_id", "created_at");`,
    );

    this.addSql(
      `alter table "offer" add constraint "offer_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "offer" add constraint "offer_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "offer" add constraint "offer_created_by_id_foreign" foreign key ("created_by_id") references "user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "offer" add constraint "offer_approved_by_id_foreign" foreign key ("approved_by_id") references "user" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "offer" cascade;`);
  }
}
