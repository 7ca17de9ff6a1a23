import { Migration } from '@mikro-orm/migrations';

export class Migration20261206181417_inbound_email extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "inbound_email" ("id" uuid not null, "tenant_id" uuid not null, "candidate_id" uuid not null, "application_id" uuid null, "in_reply_to_id" uuid null, "from_address" varchar(254) not null, "from_name" varchar(200) null, "subject" text not null, "text" text not null, "message_id" varchar(255) null, "attachments_left_out" int not null default 0, "received_at" timestamptz not null, constraint "inbound_email_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "inbound_email_candidate_id_received_at_index" on "inbound_email" ("candidate_id", "received_at");`,
    );
    this.addSql(
      `create index "inbound_email_tenant_id_received_at_index" on "inbound_email" ("tenant_id", "received_at");`,
    );

    this.addSql(
      `alter table "inbound_email" add constraint "inbound_email_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "inbound_email" add constraint "inbound_email_candidate_id_foreign" foreign key ("candidate_id") references "candidate" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "inbound_email" add constraint "inbound_email_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "inbound_email" add constraint "inbound_email_in_reply_to_id_foreign" foreign key ("in_reply_to_id") references "outbox_email" ("id") on update cascade on delete set null;`,
    );

    this.addSql(`alter table "attachment" add column "inbound_email_id" uuid null;`);
    this.addSql(
      `alter table "attachment" add constraint "attachment_inbound_email_id_foreign" foreign key ("inbound_email_id") references "inbound_email" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "attachment" drop constraint "attachment_inbound_email_id_foreign";`);

    this.addSql(`drop table if exists "inbound_email" cascade;`);

    this.addSql(`alter table "attachment" drop column "inbound_email_id";`);
  }
}
