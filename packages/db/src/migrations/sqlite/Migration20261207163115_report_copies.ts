import { Migration } from '@mikro-orm/migrations';

export class Migration20261207163115_report_copies extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`report_copy\` (\`tenant_id\` text not null, \`filter_key\` text not null, \`generation\` bigint not null, \`counted_at\` datetime null, \`counts\` text null, \`recount_claimed_at\` datetime null, primary key (\`tenant_id\`, \`filter_key\`));`,
    );
  }
}
