import { Migration } from '@mikro-orm/migrations';

export class Migration20261129215537_blind_review extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "job_stage" add column "blind_review" boolean not null default false;`);

    this.addSql(
      `alter table "application" add column "identity_revealed_at" timestamptz null, add column "identity_revealed_by_id" uuid null;`,
    );
    this.addSql(
      `alter table "application" add constraint "application_identity_revealed_by_id_foreign" foreign key ("identity_revealed_by_id") references "user" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "application" drop constraint "application_identity_revealed_by_id_foreign";`);

    this.addSql(
      `alter table "application" drop column "identity_revealed_at", drop column "identity_revealed_by_id";`,
    );

    this.addSql(`alter table "job_stage" drop column "blind_review";`);
  }
}
