import { Migration } from '@mikro-orm/migrations';

export class Migration20261206093634_single_sign_on extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "oidc_sign_in_attempt" ("id" varchar(64) not null, "tenant_id" uuid not null, "nonce" varchar(100) not null, "code_verifier" varchar(200) not null, "browser_hash" varchar(64) not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "created_at" timestamptz not null, constraint "oidc_sign_in_attempt_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "oidc_sign_in_attempt_tenant_id_index" on "oidc_sign_in_attempt" ("tenant_id");`,
    );
    this.addSql(
      `create index "oidc_sign_in_attempt_expires_at_index" on "oidc_sign_in_attempt" ("expires_at");`,
    );

    this.addSql(
      `create table "oidc_connection" ("id" uuid not null, "tenant_id" uuid not null, "provider_name" varchar(40) not null, "issuer_url" varchar(500) not null, "client_id" varchar(255) not null, "client_secret_wrapped" varchar(2000) not null, "allowed_domains" jsonb not null, "jit_role" varchar(20) null, "enabled" boolean not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "oidc_connection_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "oidc_connection" add constraint "oidc_connection_tenant_id_unique" unique ("tenant_id");`,
    );

    this.addSql(
      `alter table "oidc_sign_in_attempt" add constraint "oidc_sign_in_attempt_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "oidc_connection" add constraint "oidc_connection_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "oidc_sign_in_attempt" cascade;`);

    this.addSql(`drop table if exists "oidc_connection" cascade;`);
  }
}
