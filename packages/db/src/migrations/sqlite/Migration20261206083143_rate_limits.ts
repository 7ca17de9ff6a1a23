import { Migration } from '@mikro-orm/migrations';

export class Migration20261206083143_rate_limits extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`rate_limit_counter\` (\`key\` text not null, \`points\` integer not null, \`expires_at\` bigint not null, primary key (\`key\`));`,
    );
    this.addSql(
      `create index \`rate_limit_counter_expires_at_index\` on \`rate_limit_counter\` (\`expires_at\`);`,
    );

    this.addSql(`alter table \`portal_code\` add column \`requested_from\` text null;`);
  }
}
