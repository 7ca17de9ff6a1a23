import { Migration } from '@mikro-orm/migrations';

export class Migration20261206161041_outbox_application extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "outbox_email" add column "application_id" uuid null;`);
    this.addSql(
      `alter table "outbox_email" add constraint "outbox_email_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade on delete set null;`,
    );
    this.addSql(`create index "outbox_email_application_id_index" on "outbox_email" ("application_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "outbox_email" drop constraint "outbox_email_application_id_foreign";`);

    this.addSql(`drop index "outbox_email_application_id_index";`);
    this.addSql(`alter table "outbox_email" drop column "application_id";`);
  }
}
