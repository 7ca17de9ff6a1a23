import { Migration } from '@mikro-orm/migrations';

export class Migration20261207002801_talent_pool_alerts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "job" add column "job_alert_sent_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "job" drop column "job_alert_sent_at";`);
  }
}
