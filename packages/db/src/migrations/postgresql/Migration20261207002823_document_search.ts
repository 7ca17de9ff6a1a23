import { Migration } from '@mikro-orm/migrations';

/**
 * Saved searches, and the text of candidates' documents for full-text search.
 * Written by hand at the end: GIN indexes over the text's tsvector ('simple'
 * configuration: no language's stemming, documents come in many; case and
 * accents folded by candor_fold), one for the text and one for the redacted
 * text blind reviewers search. The schema test checks they exist.
 */
export class Migration20261207002823_document_search extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "saved_search" ("id" uuid not null, "tenant_id" uuid not null, "user_id" uuid not null, "name" varchar(80) not null, "scope" varchar(20) not null, "filter" jsonb not null, "created_at" timestamptz not null, constraint "saved_search_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "saved_search_user_id_tenant_id_created_at_index" on "saved_search" ("user_id", "tenant_id", "created_at");`,
    );

    this.addSql(
      `create table "document_text" ("id" uuid not null, "tenant_id" uuid not null, "candidate_id" uuid not null, "application_id" uuid null, "attachment_id" uuid null, "source" varchar(20) not null, "text" text not null, "redacted_text" text not null, "indexed_at" timestamptz not null, constraint "document_text_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "document_text_candidate_id_index" on "document_text" ("candidate_id");`);
    this.addSql(`create index "document_text_application_id_index" on "document_text" ("application_id");`);
    this.addSql(
      `alter table "document_text" add constraint "document_text_attachment_id_unique" unique ("attachment_id");`,
    );

    this.addSql(
      `alter table "saved_search" add constraint "saved_search_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "saved_search" add constraint "saved_search_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "document_text" add constraint "document_text_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "document_text" add constraint "document_text_candidate_id_foreign" foreign key ("candidate_id") references "candidate" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "document_text" add constraint "document_text_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "document_text" add constraint "document_text_attachment_id_foreign" foreign key ("attachment_id") references "attachment" ("id") on update cascade on delete cascade;`,
    );

    for (const column of ['text', 'redacted_text']) {
      this.addSql(
        `create index "document_text_${column}_fts" on "document_text" using gin (to_tsvector('simple'::regconfig, candor_fold("${column}")));`,
      );
    }
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "saved_search" cascade;`);

    this.addSql(`drop table if exists "document_text" cascade;`);
  }
}
