import { Migration } from '@mikro-orm/migrations';

export class Migration20261206083133_session_device extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`session\` add column \`device_label\` text null;`);
    this.addSql(`alter table \`session\` add column \`last_seen_at\` datetime null;`);
  }
}
