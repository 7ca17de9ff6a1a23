import { Migration } from '@mikro-orm/migrations';

export class Migration20261206083212_totp extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "totp_factor" ("id" uuid not null, "user_id" uuid not null, "secret_wrapped" varchar(255) not null, "confirmed_at" timestamptz null, "last_used_step" int null, "created_at" timestamptz not null, constraint "totp_factor_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "totp_factor" add constraint "totp_factor_user_id_unique" unique ("user_id");`);

    this.addSql(
      `create table "recovery_code" ("id" uuid not null, "user_id" uuid not null, "code_hash" varchar(64) not null, "used_at" timestamptz null, "created_at" timestamptz not null, constraint "recovery_code_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "recovery_code_user_id_index" on "recovery_code" ("user_id");`);
    this.addSql(
      `alter table "recovery_code" add constraint "recovery_code_code_hash_unique" unique ("code_hash");`,
    );

    this.addSql(
      `create table "pending_sign_in" ("id" varchar(64) not null, "user_id" uuid not null, "tenant_id" uuid not null, "expires_at" timestamptz not null, "created_at" timestamptz not null, constraint "pending_sign_in_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "pending_sign_in_user_id_index" on "pending_sign_in" ("user_id");`);

    this.addSql(
      `alter table "totp_factor" add constraint "totp_factor_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "recovery_code" add constraint "recovery_code_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "pending_sign_in" add constraint "pending_sign_in_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "pending_sign_in" add constraint "pending_sign_in_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "totp_factor" cascade;`);

    this.addSql(`drop table if exists "recovery_code" cascade;`);

    this.addSql(`drop table if exists "pending_sign_in" cascade;`);
  }
}
