import { Migration } from '@mikro-orm/migrations';

export class Migration20261207094259_job_profile_sections extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`job\` add column \`profile_sections\` json not null default '[]';`);
  }
}
