import { Migration } from '@mikro-orm/migrations';

/**
 * Marks what the search indexer has read, so it finds the rest through an
 * index instead of scanning every application and file for ones without
 * indexed text (at 300k applications that scan held SQLite's connection, and
 * with it the server, for most of a second per batch). What is already
 * indexed is marked with the time it was indexed.
 */
export class Migration20261207031438_search_index_marks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "application" add column "search_indexed_at" timestamptz null;`);
    this.addSql(`alter table "attachment" add column "search_indexed_at" timestamptz null;`);
    this.addSql(
      `update "application" set "search_indexed_at" = (select min(d."indexed_at") from "document_text" d where d."application_id" = "application"."id" and d."attachment_id" is null);`,
    );
    this.addSql(
      `update "attachment" set "search_indexed_at" = (select d."indexed_at" from "document_text" d where d."attachment_id" = "attachment"."id");`,
    );
    this.addSql(`create index "application_search_indexed_at_index" on "application" ("search_indexed_at");`);
    this.addSql(`create index "attachment_search_indexed_at_index" on "attachment" ("search_indexed_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "application_search_indexed_at_index";`);
    this.addSql(`alter table "application" drop column "search_indexed_at";`);
    this.addSql(`drop index "attachment_search_indexed_at_index";`);
    this.addSql(`alter table "attachment" drop column "search_indexed_at";`);
  }
}
