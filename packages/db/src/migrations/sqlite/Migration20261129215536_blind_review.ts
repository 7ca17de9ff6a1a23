import { Migration } from '@mikro-orm/migrations';

export class Migration20261129215536_blind_review extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`job_stage\` add column \`blind_review\` integer not null default false;`);

    this.addSql(`alter table \`application\` add column \`identity_revealed_at\` datetime null;`);
    this.addSql(
      `alter table \`application\` add column \`identity_revealed_by_id\` text null constraint \`application_identity_revealed_by_id_foreign\` references \`user\` (\`id\`) on update cascade on delete set null;`,
    );
    this.addSql(
      `create index \`application_identity_revealed_by_id_index\` on \`application\` (\`identity_revealed_by_id\`);`,
    );
  }
}
