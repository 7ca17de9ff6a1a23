import { Migration } from '@mikro-orm/migrations';

export class Migration20261206071426_invitation_token_membership extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "password_token" add column "membership_id" uuid null;`);
    this.addSql(
      `alter table "password_token" add constraint "password_token_membership_id_foreign" foreign key ("membership_id") references "membership" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "password_token" drop constraint "password_token_membership_id_foreign";`);

    this.addSql(`alter table "password_token" drop column "membership_id";`);
  }
}
