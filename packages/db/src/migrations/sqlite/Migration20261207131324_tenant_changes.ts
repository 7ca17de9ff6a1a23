import { Migration } from '@mikro-orm/migrations';

export class Migration20261207131324_tenant_changes extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`tenant_change\` (\`tenant_id\` text not null, \`generation\` bigint not null, primary key (\`tenant_id\`));`,
    );
  }
}
