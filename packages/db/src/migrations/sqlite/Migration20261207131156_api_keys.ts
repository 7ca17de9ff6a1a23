import { Migration } from '@mikro-orm/migrations';

export class Migration20261207131156_api_keys extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`api_key\` (\`id\` text not null, \`tenant_id\` text not null, \`name\` text not null, \`prefix\` text not null, \`secret_hash\` text not null, \`scopes\` json not null, \`created_by_id\` text not null, \`created_at\` datetime not null, \`last_used_at\` datetime null, \`revoked_at\` datetime null, constraint \`api_key_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, constraint \`api_key_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`user\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`api_key_tenant_id_index\` on \`api_key\` (\`tenant_id\`);`);
    this.addSql(`create unique index \`api_key_prefix_unique\` on \`api_key\` (\`prefix\`);`);
    this.addSql(`create unique index \`api_key_secret_hash_unique\` on \`api_key\` (\`secret_hash\`);`);
    this.addSql(`create index \`api_key_created_by_id_index\` on \`api_key\` (\`created_by_id\`);`);
    this.addSql(
      `create index \`api_key_tenant_id_created_at_index\` on \`api_key\` (\`tenant_id\`, \`created_at\`);`,
    );
  }
}
