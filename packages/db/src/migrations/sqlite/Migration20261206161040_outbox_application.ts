import { Migration } from '@mikro-orm/migrations';

export class Migration20261206161040_outbox_application extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table \`outbox_email\` add column \`application_id\` text null constraint \`outbox_email_application_id_foreign\` references \`application\` (\`id\`) on update cascade on delete set null;`,
    );
    this.addSql(
      `create index \`outbox_email_application_id_index\` on \`outbox_email\` (\`application_id\`);`,
    );
  }
}
