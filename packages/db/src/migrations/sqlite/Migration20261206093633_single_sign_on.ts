import { Migration } from '@mikro-orm/migrations';

export class Migration20261206093633_single_sign_on extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`oidc_sign_in_attempt\` (\`id\` text not null, \`tenant_id\` text not null, \`nonce\` text not null, \`code_verifier\` text not null, \`browser_hash\` text not null, \`expires_at\` datetime not null, \`used_at\` datetime null, \`created_at\` datetime not null, constraint \`oidc_sign_in_attempt_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`oidc_sign_in_attempt_tenant_id_index\` on \`oidc_sign_in_attempt\` (\`tenant_id\`);`,
    );
    this.addSql(
      `create index \`oidc_sign_in_attempt_expires_at_index\` on \`oidc_sign_in_attempt\` (\`expires_at\`);`,
    );

    this.addSql(
      `create table \`oidc_connection\` (\`id\` text not null, \`tenant_id\` text not null, \`provider_name\` text not null, \`issuer_url\` text not null, \`client_id\` text not null, \`client_secret_wrapped\` text not null, \`allowed_domains\` json not null, \`jit_role\` text null, \`enabled\` integer not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`oidc_connection_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`oidc_connection_tenant_id_index\` on \`oidc_connection\` (\`tenant_id\`);`);
    this.addSql(
      `create unique index \`oidc_connection_tenant_id_unique\` on \`oidc_connection\` (\`tenant_id\`);`,
    );
  }
}
