import { Migration } from '@mikro-orm/migrations';

export class Migration20261123204418_outbox_email_candidate extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table \`outbox_email\` add column \`candidate_id\` text null constraint \`outbox_email_candidate_id_foreign\` references \`candidate\` (\`id\`) on update cascade on delete set null;`,
    );
    this.addSql(`create index \`outbox_email_candidate_id_index\` on \`outbox_email\` (\`candidate_id\`);`);
  }
}
