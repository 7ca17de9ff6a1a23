import { Migration } from '@mikro-orm/migrations';

export class Migration20261206093453_session_sign_in_method extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "tenant" add column "require_second_factor" boolean not null default false;`);

    this.addSql(`alter table "session" add column "signed_in_with" varchar(20) not null default 'password';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "session" drop column "signed_in_with";`);

    this.addSql(`alter table "tenant" drop column "require_second_factor";`);
  }
}
