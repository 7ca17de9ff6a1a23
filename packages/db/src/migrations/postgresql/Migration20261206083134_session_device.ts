import { Migration } from '@mikro-orm/migrations';

export class Migration20261206083134_session_device extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "session" add column "device_label" varchar(60) null, add column "last_seen_at" timestamptz null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "session" drop column "device_label", drop column "last_seen_at";`);
  }
}
