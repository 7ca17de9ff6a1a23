import { Migration } from '@mikro-orm/migrations';

export class Migration20261207094313_background_checks extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`background_check\` (\`id\` text not null, \`tenant_id\` text not null, \`application_id\` text not null, \`status\` text not null, \`provider\` text not null, \`provider_ref\` text null, \`provider_status\` text null, \`token_hash\` text null, \`signed_name\` text null, \`signed_at\` datetime null, \`receipt_id\` text null, \`report_storage_key\` text null, \`report_filename\` text null, \`report_content_type\` text null, \`report_size\` integer null, \`report_received_at\` datetime null, \`wait_until\` text null, \`dispute_text\` text null, \`disputed_at\` datetime null, \`resolution\` text null, \`dispute_resolved_at\` datetime null, \`decided_at\` datetime null, \`events\` json not null, \`created_by_id\` text null, \`created_at\` datetime not null, constraint \`background_check_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, constraint \`background_check_application_id_foreign\` foreign key(\`application_id\`) references \`application\`(\`id\`) on update cascade, constraint \`background_check_receipt_id_foreign\` foreign key(\`receipt_id\`) references \`consent_receipt\`(\`id\`) on delete set null on update cascade, constraint \`background_check_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`background_check_tenant_id_index\` on \`background_check\` (\`tenant_id\`);`);
    this.addSql(
      `create unique index \`background_check_provider_ref_unique\` on \`background_check\` (\`provider_ref\`);`,
    );
    this.addSql(
      `create unique index \`background_check_token_hash_unique\` on \`background_check\` (\`token_hash\`);`,
    );
    this.addSql(
      `create index \`background_check_receipt_id_index\` on \`background_check\` (\`receipt_id\`);`,
    );
    this.addSql(
      `create index \`background_check_created_by_id_index\` on \`background_check\` (\`created_by_id\`);`,
    );
    this.addSql(
      `create index \`background_check_application_id_index\` on \`background_check\` (\`application_id\`);`,
    );
    this.addSql(
      `create index \`background_check_decided_at_index\` on \`background_check\` (\`decided_at\`);`,
    );
  }
}
