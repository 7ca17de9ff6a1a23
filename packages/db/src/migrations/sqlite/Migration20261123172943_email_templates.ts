import { Migration } from '@mikro-orm/migrations';

export class Migration20261123172943_email_templates extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`tenant\` add column \`email_templates\` json null;`);
  }
}
