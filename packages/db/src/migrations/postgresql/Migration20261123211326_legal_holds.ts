import { Migration } from '@mikro-orm/migrations';

export class Migration20261123211326_legal_holds extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "legal_hold" ("id" uuid not null, "tenant_id" uuid not null, "candidate_id" uuid not null, "application_id" uuid null, "reason" varchar(500) not null, "ends_on" varchar(10) null, "placed_by_id" uuid null, "placed_at" timestamptz not null, "released_by_id" uuid null, "released_at" timestamptz null, constraint "legal_hold_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "legal_hold_tenant_id_released_at_index" on "legal_hold" ("tenant_id", "released_at");`,
    );

    this.addSql(
      `alter table "legal_hold" add constraint "legal_hold_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "legal_hold" add constraint "legal_hold_candidate_id_foreign" foreign key ("candidate_id") references "candidate" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "legal_hold" add constraint "legal_hold_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "legal_hold" add constraint "legal_hold_placed_by_id_foreign" foreign key ("placed_by_id") references "user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "legal_hold" add constraint "legal_hold_released_by_id_foreign" foreign key ("released_by_id") references "user" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "legal_hold" cascade;`);
  }
}
