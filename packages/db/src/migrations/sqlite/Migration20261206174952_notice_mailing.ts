import { Migration } from '@mikro-orm/migrations';

export class Migration20261206174952_notice_mailing extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`privacy_notice\` add column \`mailing_state\` text null;`);
    this.addSql(`alter table \`privacy_notice\` add column \`mailing_cursor\` text null;`);
    this.addSql(`alter table \`privacy_notice\` add column \`mailing_total\` integer not null default 0;`);
    this.addSql(`alter table \`privacy_notice\` add column \`mailing_queued\` integer not null default 0;`);
    this.addSql(`alter table \`privacy_notice\` add column \`mailing_skipped\` integer not null default 0;`);
    this.addSql(`alter table \`privacy_notice\` add column \`mailing_finished_at\` datetime null;`);
  }
}
