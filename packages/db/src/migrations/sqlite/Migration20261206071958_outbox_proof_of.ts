import { Migration } from '@mikro-orm/migrations';

export class Migration20261206071958_outbox_proof_of extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table \`outbox_email\` add column \`proof_of_id\` text null constraint \`outbox_email_proof_of_id_foreign\` references \`privacy_request\` (\`id\`) on update cascade on delete cascade;`,
    );
    this.addSql(`create index \`outbox_email_proof_of_id_index\` on \`outbox_email\` (\`proof_of_id\`);`);
  }
}
