import { Migration } from '@mikro-orm/migrations';

export class Migration20261207073536_sourced_notice extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`candidate\` add column \`sourced_notice_sent_at\` datetime null;`);
    this.addSql(
      `create index \`candidate_tenant_id_sourced_notice_sent_at_source_created_at_index\` on \`candidate\` (\`tenant_id\`, \`sourced_notice_sent_at\`, \`source\`, \`created_at\`);`,
    );
  }
}
