import { Migration } from '@mikro-orm/migrations';

export class Migration20261206083210_totp extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`totp_factor\` (\`id\` text not null, \`user_id\` text not null, \`secret_wrapped\` text not null, \`confirmed_at\` datetime null, \`last_used_step\` integer null, \`created_at\` datetime not null, constraint \`totp_factor_user_id_foreign\` foreign key(\`user_id\`) references \`user\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`totp_factor_user_id_index\` on \`totp_factor\` (\`user_id\`);`);
    this.addSql(`create unique index \`totp_factor_user_id_unique\` on \`totp_factor\` (\`user_id\`);`);

    this.addSql(
      `create table \`recovery_code\` (\`id\` text not null, \`user_id\` text not null, \`code_hash\` text not null, \`used_at\` datetime null, \`created_at\` datetime not null, constraint \`recovery_code_user_id_foreign\` foreign key(\`user_id\`) references \`user\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`recovery_code_user_id_index\` on \`recovery_code\` (\`user_id\`);`);
    this.addSql(
      `create unique index \`recovery_code_code_hash_unique\` on \`recovery_code\` (\`code_hash\`);`,
    );

    this.addSql(
      `create table \`pending_sign_in\` (\`id\` text not null, \`user_id\` text not null, \`tenant_id\` text not null, \`expires_at\` datetime not null, \`created_at\` datetime not null, constraint \`pending_sign_in_user_id_foreign\` foreign key(\`user_id\`) references \`user\`(\`id\`) on update cascade, constraint \`pending_sign_in_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`pending_sign_in_user_id_index\` on \`pending_sign_in\` (\`user_id\`);`);
    this.addSql(`create index \`pending_sign_in_tenant_id_index\` on \`pending_sign_in\` (\`tenant_id\`);`);
  }
}
