import { Migration } from '@mikro-orm/migrations';

export class Migration20261206163046_interview_sequence extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`interview\` add column \`sequence\` integer not null default 0;`);
  }
}
