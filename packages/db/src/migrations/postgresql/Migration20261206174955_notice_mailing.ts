import { Migration } from '@mikro-orm/migrations';

export class Migration20261206174955_notice_mailing extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "privacy_notice" add column "mailing_state" varchar(10) null, add column "mailing_cursor" varchar(36) null, add column "mailing_total" int not null default 0, add column "mailing_queued" int not null default 0, add column "mailing_skipped" int not null default 0, add column "mailing_finished_at" timestamptz null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "privacy_notice" drop column "mailing_state", drop column "mailing_cursor", drop column "mailing_total", drop column "mailing_queued", drop column "mailing_skipped", drop column "mailing_finished_at";`,
    );
  }
}
