import { Migration } from '@mikro-orm/migrations';

export class Migration20261206070819_disclosure_log extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`disclosure\` (\`id\` text not null, \`tenant_id\` text not null, \`candidate_id\` text not null, \`application_id\` text null, \`recipient_name\` text not null, \`recipient_kind\` text not null, \`recipient_country\` text null, \`safeguard\` text null, \`notify_email\` text null, \`categories\` json not null, \`purpose\` text not null, \`via\` text not null, \`disclosed_by_id\` text null, \`disclosed_at\` datetime not null, constraint \`disclosure_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, constraint \`disclosure_candidate_id_foreign\` foreign key(\`candidate_id\`) references \`candidate\`(\`id\`) on update cascade, constraint \`disclosure_application_id_foreign\` foreign key(\`application_id\`) references \`application\`(\`id\`) on delete set null on update cascade, constraint \`disclosure_disclosed_by_id_foreign\` foreign key(\`disclosed_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`disclosure_tenant_id_index\` on \`disclosure\` (\`tenant_id\`);`);
    this.addSql(`create index \`disclosure_candidate_id_index\` on \`disclosure\` (\`candidate_id\`);`);
    this.addSql(`create index \`disclosure_application_id_index\` on \`disclosure\` (\`application_id\`);`);
    this.addSql(`create index \`disclosure_disclosed_by_id_index\` on \`disclosure\` (\`disclosed_by_id\`);`);
    this.addSql(
      `create index \`disclosure_candidate_id_disclosed_at_index\` on \`disclosure\` (\`candidate_id\`, \`disclosed_at\`);`,
    );

    this.addSql(`alter table \`outbox_email\` add column \`proof_address_hash\` text null;`);
  }
}
