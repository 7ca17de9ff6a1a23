import { Migration } from '@mikro-orm/migrations';

export class Migration20261123173049_attachments extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`attachment\` (\`id\` text not null, \`tenant_id\` text not null, \`candidate_id\` text not null, \`application_id\` text null, \`kind\` text not null, \`filename\` text not null, \`content_type\` text not null, \`size\` integer not null, \`sha256\` text not null, \`storage_key\` text not null, \`uploaded_by_id\` text null, \`created_at\` datetime not null, constraint \`attachment_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, constraint \`attachment_candidate_id_foreign\` foreign key(\`candidate_id\`) references \`candidate\`(\`id\`) on update cascade, constraint \`attachment_application_id_foreign\` foreign key(\`application_id\`) references \`application\`(\`id\`) on delete set null on update cascade, constraint \`attachment_uploaded_by_id_foreign\` foreign key(\`uploaded_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`attachment_tenant_id_index\` on \`attachment\` (\`tenant_id\`);`);
    this.addSql(`create index \`attachment_candidate_id_index\` on \`attachment\` (\`candidate_id\`);`);
    this.addSql(`create index \`attachment_uploaded_by_id_index\` on \`attachment\` (\`uploaded_by_id\`);`);
    this.addSql(
      `create index \`attachment_candidate_id_created_at_index\` on \`attachment\` (\`candidate_id\`, \`created_at\`);`,
    );
    this.addSql(`create index \`attachment_application_id_index\` on \`attachment\` (\`application_id\`);`);
  }
}
