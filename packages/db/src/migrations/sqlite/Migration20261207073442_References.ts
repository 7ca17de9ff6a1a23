import { Migration } from '@mikro-orm/migrations';

export class Migration20261207073442_References extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`reference_request\` (\`id\` text not null, \`tenant_id\` text not null, \`application_id\` text not null, \`token_hash\` text null, \`count\` integer not null, \`expires_at\` datetime not null, \`completed_at\` datetime null, \`created_by_id\` text null, \`created_at\` datetime not null, constraint \`reference_request_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, constraint \`reference_request_application_id_foreign\` foreign key(\`application_id\`) references \`application\`(\`id\`) on update cascade, constraint \`reference_request_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`reference_request_tenant_id_index\` on \`reference_request\` (\`tenant_id\`);`,
    );
    this.addSql(
      `create unique index \`reference_request_token_hash_unique\` on \`reference_request\` (\`token_hash\`);`,
    );
    this.addSql(
      `create index \`reference_request_created_by_id_index\` on \`reference_request\` (\`created_by_id\`);`,
    );
    this.addSql(
      `create index \`reference_request_application_id_index\` on \`reference_request\` (\`application_id\`);`,
    );

    this.addSql(
      `create table \`referee\` (\`id\` text not null, \`tenant_id\` text not null, \`application_id\` text not null, \`name\` text not null, \`email\` text not null, \`relationship\` text not null, \`consent_recorded_by\` text not null, \`status\` text not null, \`questions\` json not null, \`answers\` json null, \`token_hash\` text null, \`expires_at\` datetime not null, \`responded_at\` datetime null, \`created_by_id\` text null, \`created_at\` datetime not null, constraint \`referee_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, constraint \`referee_application_id_foreign\` foreign key(\`application_id\`) references \`application\`(\`id\`) on update cascade, constraint \`referee_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`referee_tenant_id_index\` on \`referee\` (\`tenant_id\`);`);
    this.addSql(`create unique index \`referee_token_hash_unique\` on \`referee\` (\`token_hash\`);`);
    this.addSql(`create index \`referee_created_by_id_index\` on \`referee\` (\`created_by_id\`);`);
    this.addSql(`create index \`referee_application_id_index\` on \`referee\` (\`application_id\`);`);
    this.addSql(`create index \`referee_tenant_id_email_index\` on \`referee\` (\`tenant_id\`, \`email\`);`);
  }
}
