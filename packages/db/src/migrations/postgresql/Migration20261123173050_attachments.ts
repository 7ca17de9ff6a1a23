import { Migration } from '@mikro-orm/migrations';

export class Migration20261123173050_attachments extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "attachment" ("id" uuid not null, "tenant_id" uuid not null, "candidate_id" uuid not null, "application_id" uuid null, "kind" varchar(20) not null, "filename" varchar(200) not null, "content_type" varchar(120) not null, "size" int not null, "sha256" varchar(64) not null, "storage_key" varchar(80) not null, "uploaded_by_id" uuid null, "created_at" timestamptz not null, constraint "attachment_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "attachment_candidate_id_created_at_index" on "attachment" ("candidate_id", "created_at");`,
    );
    this.addSql(`create index "attachment_application_id_index" on "attachment" ("application_id");`);

    this.addSql(
      `alter table "attachment" add constraint "attachment_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "attachment" add constraint "attachment_candidate_id_foreign" foreign key ("candidate_id") references "candidate" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "attachment" add constraint "attachment_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "attachment" add constraint "attachment_uploaded_by_id_foreign" foreign key ("uploaded_by_id") references "user" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "attachment" cascade;`);
  }
}
