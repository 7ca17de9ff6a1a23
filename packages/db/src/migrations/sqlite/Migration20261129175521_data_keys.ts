import { Migration } from '@mikro-orm/migrations';

export class Migration20261129175521_data_keys extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`retention_run\` (\`id\` text not null, \`tenant_id\` text not null, \`worker_id\` text not null, \`policy_version\` integer not null, \`dry_run\` integer not null, \`started_at\` datetime not null, \`finished_at\` datetime null, \`found\` integer not null default 0, \`done\` integer not null default 0, \`skipped_hold\` integer not null default 0, \`failed\` integer not null default 0, \`rules\` json not null, constraint \`retention_run_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`retention_run_tenant_id_index\` on \`retention_run\` (\`tenant_id\`);`);
    this.addSql(
      `create index \`retention_run_tenant_id_started_at_index\` on \`retention_run\` (\`tenant_id\`, \`started_at\`);`,
    );

    this.addSql(
      `create table \`tenant_data_key\` (\`id\` text not null, \`tenant_id\` text not null, \`wrapped_key\` text not null, \`created_at\` datetime not null, \`retired_at\` datetime null, constraint \`tenant_data_key_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`tenant_data_key_tenant_id_index\` on \`tenant_data_key\` (\`tenant_id\`);`);
    this.addSql(
      `create index \`tenant_data_key_tenant_id_created_at_index\` on \`tenant_data_key\` (\`tenant_id\`, \`created_at\`);`,
    );

    this.addSql(
      `create table \`retention_policy_version\` (\`id\` text not null, \`tenant_id\` text not null, \`version\` integer not null, \`rules\` json not null, \`overrides\` json not null, \`created_by_id\` text null, \`created_at\` datetime not null, constraint \`retention_policy_version_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, constraint \`retention_policy_version_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`retention_policy_version_tenant_id_index\` on \`retention_policy_version\` (\`tenant_id\`);`,
    );
    this.addSql(
      `create index \`retention_policy_version_created_by_id_index\` on \`retention_policy_version\` (\`created_by_id\`);`,
    );
    this.addSql(
      `create unique index \`retention_policy_version_tenant_id_version_unique\` on \`retention_policy_version\` (\`tenant_id\`, \`version\`);`,
    );

    this.addSql(`alter table \`application\` add column \`anonymized_at\` datetime null;`);

    this.addSql(`alter table \`attachment\` add column \`encrypted\` integer not null default false;`);
  }
}
