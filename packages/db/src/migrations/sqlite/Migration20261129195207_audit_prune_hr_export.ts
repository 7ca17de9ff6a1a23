import { Migration } from '@mikro-orm/migrations';

export class Migration20261129195207_audit_prune_hr_export extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table \`audit_chain_head\` add column \`pruned_through_seq\` integer not null default 0;`,
    );
    this.addSql(`alter table \`audit_chain_head\` add column \`pruned_through_hash\` text null;`);

    this.addSql(`alter table \`application\` add column \`hr_exported_at\` datetime null;`);
    // The generator put this foreign key on hr_exported_at; it belongs to hr_exported_by_id.
    this.addSql(
      `alter table \`application\` add column \`hr_exported_by_id\` text null constraint \`application_hr_exported_by_id_foreign\` references \`user\` (\`id\`) on update cascade on delete set null;`,
    );
    this.addSql(
      `create index \`application_hr_exported_by_id_index\` on \`application\` (\`hr_exported_by_id\`);`,
    );
  }
}
