import { Migration } from '@mikro-orm/migrations';

export class Migration20261207002759_talent_pool_alerts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`job\` add column \`job_alert_sent_at\` datetime null;`);
  }
}
