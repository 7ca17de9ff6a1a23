import { Migration } from '@mikro-orm/migrations';

export class Migration20261206093653_passkeys extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "passkey" ("id" uuid not null, "user_id" uuid not null, "credential_id" varchar(1400) not null, "public_key" text not null, "counter" bigint not null, "transports" jsonb not null, "device_type" varchar(20) not null, "backed_up" boolean not null, "name" varchar(60) not null, "created_at" timestamptz not null, "last_used_at" timestamptz null, constraint "passkey_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "passkey_user_id_index" on "passkey" ("user_id");`);
    this.addSql(
      `alter table "passkey" add constraint "passkey_credential_id_unique" unique ("credential_id");`,
    );

    this.addSql(
      `create table "web_authn_challenge" ("id" varchar(64) not null, "purpose" varchar(20) not null, "user_id" uuid null, "pending_sign_in_id" varchar(64) null, "expires_at" timestamptz not null, "created_at" timestamptz not null, constraint "web_authn_challenge_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "web_authn_challenge_user_id_index" on "web_authn_challenge" ("user_id");`);
    this.addSql(
      `create index "web_authn_challenge_expires_at_index" on "web_authn_challenge" ("expires_at");`,
    );

    this.addSql(
      `alter table "passkey" add constraint "passkey_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "web_authn_challenge" add constraint "web_authn_challenge_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "passkey" cascade;`);

    this.addSql(`drop table if exists "web_authn_challenge" cascade;`);
  }
}
