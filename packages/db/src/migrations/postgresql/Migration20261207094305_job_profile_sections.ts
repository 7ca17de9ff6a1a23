import { Migration } from '@mikro-orm/migrations';

export class Migration20261207094305_job_profile_sections extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "job" add column "profile_sections" jsonb not null default '[]';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "job" drop column "profile_sections";`);
  }
}
