import { Migration } from '@mikro-orm/migrations';

export class Migration20261207093726_outbox_bulk extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index \`outbox_email_status_next_attempt_at_index\`;`);

    this.addSql(`alter table \`outbox_email\` add column \`bulk\` integer not null default false;`);
    this.addSql(
      `create index \`outbox_email_status_bulk_next_attempt_at_index\` on \`outbox_email\` (\`status\`, \`bulk\`, \`next_attempt_at\`);`,
    );
  }
}
