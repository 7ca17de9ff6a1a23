import { Migration } from '@mikro-orm/migrations';

export class Migration20261206175035_calendar_scheduling extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`tenant\` add column \`language_settings\` json null;`);

    this.addSql(`alter table \`candidate\` add column \`locale\` text not null default 'en';`);

    this.addSql(`alter table \`privacy_notice\` add column \`translations\` json null;`);

    this.addSql(`alter table \`job\` add column \`translations\` json null;`);
  }
}
