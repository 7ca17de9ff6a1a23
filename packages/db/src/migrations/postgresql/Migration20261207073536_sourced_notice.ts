import { Migration } from '@mikro-orm/migrations';

export class Migration20261207073536_sourced_notice extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "candidate" add column "sourced_notice_sent_at" timestamptz null;`);
    this.addSql(
      `create index "candidate_tenant_id_sourced_notice_sent_at_source__08209_index" on "candidate" ("tenant_id", "sourced_notice_sent_at", "source", "created_at");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "candidate_tenant_id_sourced_notice_sent_at_source__08209_index";`);
    this.addSql(`alter table "candidate" drop column "sourced_notice_sent_at";`);
  }
}
