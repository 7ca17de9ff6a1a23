import { Migration } from '@mikro-orm/migrations';

export class Migration20261206093651_passkeys extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`passkey\` (\`id\` text not null, \`user_id\` text not null, \`credential_id\` text not null, \`public_key\` text not null, \`counter\` bigint not null, \`transports\` json not null, \`device_type\` text not null, \`backed_up\` integer not null, \`name\` text not null, \`created_at\` datetime not null, \`last_used_at\` datetime null, constraint \`passkey_user_id_foreign\` foreign key(\`user_id\`) references \`user\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`passkey_user_id_index\` on \`passkey\` (\`user_id\`);`);
    this.addSql(`create unique index \`passkey_credential_id_unique\` on \`passkey\` (\`credential_id\`);`);

    this.addSql(
      `create table \`web_authn_challenge\` (\`id\` text not null, \`purpose\` text not null, \`user_id\` text null, \`pending_sign_in_id\` text null, \`expires_at\` datetime not null, \`created_at\` datetime not null, constraint \`web_authn_challenge_user_id_foreign\` foreign key(\`user_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`web_authn_challenge_user_id_index\` on \`web_authn_challenge\` (\`user_id\`);`,
    );
    this.addSql(
      `create index \`web_authn_challenge_expires_at_index\` on \`web_authn_challenge\` (\`expires_at\`);`,
    );
  }
}
