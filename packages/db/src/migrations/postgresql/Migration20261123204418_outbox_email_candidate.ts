import { Migration } from '@mikro-orm/migrations';

export class Migration20261123204418_outbox_email_candidate extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "outbox_email" add column "candidate_id" uuid null;`);
    this.addSql(
      `alter table "outbox_email" add constraint "outbox_email_candidate_id_foreign" foreign key ("candidate_id") references "candidate" ("id") on update cascade on delete set null;`,
    );
    this.addSql(`create index "outbox_email_candidate_id_index" on "outbox_email" ("candidate_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "outbox_email" drop constraint "outbox_email_candidate_id_foreign";`);

    this.addSql(`drop index "outbox_email_candidate_id_index";`);
    this.addSql(`alter table "outbox_email" drop column "candidate_id";`);
  }
}
