import { Migration } from '@mikro-orm/migrations';

export class Migration20261206071425_invitation_token_membership extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table \`password_token\` add column \`membership_id\` text null constraint \`password_token_membership_id_foreign\` references \`membership\` (\`id\`) on update cascade on delete set null;`,
    );
    this.addSql(
      `create index \`password_token_membership_id_index\` on \`password_token\` (\`membership_id\`);`,
    );
  }
}
