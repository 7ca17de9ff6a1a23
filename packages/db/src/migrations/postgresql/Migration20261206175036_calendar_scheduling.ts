import { Migration } from '@mikro-orm/migrations';

export class Migration20261206175036_calendar_scheduling extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "tenant" add column "language_settings" jsonb null;`);

    this.addSql(`alter table "candidate" add column "locale" varchar(5) not null default 'en';`);

    this.addSql(`alter table "privacy_notice" add column "translations" jsonb null;`);

    this.addSql(`alter table "job" add column "translations" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "candidate" drop column "locale";`);

    this.addSql(`alter table "job" drop column "translations";`);

    this.addSql(`alter table "privacy_notice" drop column "translations";`);

    this.addSql(`alter table "tenant" drop column "language_settings";`);
  }
}
