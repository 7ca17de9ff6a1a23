import { Migration } from '@mikro-orm/migrations';

export class Migration20261206072000_outbox_proof_of extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "outbox_email" add column "proof_of_id" uuid null;`);
    this.addSql(
      `alter table "outbox_email" add constraint "outbox_email_proof_of_id_foreign" foreign key ("proof_of_id") references "privacy_request" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "outbox_email" drop constraint "outbox_email_proof_of_id_foreign";`);

    this.addSql(`alter table "outbox_email" drop column "proof_of_id";`);
  }
}
