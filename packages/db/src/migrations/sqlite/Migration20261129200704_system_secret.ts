import { Migration } from '@mikro-orm/migrations';

export class Migration20261129200704_system_secret extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`system_secret\` (\`id\` text not null, \`wrapped\` text not null, \`created_at\` datetime not null, primary key (\`id\`));`,
    );
  }
}
