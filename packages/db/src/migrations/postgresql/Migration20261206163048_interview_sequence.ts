import { Migration } from '@mikro-orm/migrations';

export class Migration20261206163048_interview_sequence extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "interview" add column "sequence" int not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "interview" drop column "sequence";`);
  }
}
