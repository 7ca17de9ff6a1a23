import { Migration } from '@mikro-orm/migrations';

/**
 * Saved searches, and the text of candidates' documents for full-text search.
 * Written by hand at the end: the FTS5 index over that text (words, accents
 * folded), kept in step by triggers. Its table is external content: the text
 * lives once, in document_text; `purgeSearchIndex` rewrites the index after
 * an erasure so no deleted word stays in its pages. The schema test checks
 * the table and its triggers exist.
 */
export class Migration20261207002822_document_search extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`saved_search\` (\`id\` text not null, \`tenant_id\` text not null, \`user_id\` text not null, \`name\` text not null, \`scope\` text not null, \`filter\` json not null, \`created_at\` datetime not null, constraint \`saved_search_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, constraint \`saved_search_user_id_foreign\` foreign key(\`user_id\`) references \`user\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`saved_search_tenant_id_index\` on \`saved_search\` (\`tenant_id\`);`);
    this.addSql(`create index \`saved_search_user_id_index\` on \`saved_search\` (\`user_id\`);`);
    this.addSql(
      `create index \`saved_search_user_id_tenant_id_created_at_index\` on \`saved_search\` (\`user_id\`, \`tenant_id\`, \`created_at\`);`,
    );

    this.addSql(
      `create table \`document_text\` (\`id\` text not null, \`tenant_id\` text not null, \`candidate_id\` text not null, \`application_id\` text null, \`attachment_id\` text null, \`source\` text not null, \`text\` text not null, \`redacted_text\` text not null, \`indexed_at\` datetime not null, constraint \`document_text_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, constraint \`document_text_candidate_id_foreign\` foreign key(\`candidate_id\`) references \`candidate\`(\`id\`) on delete cascade on update cascade, constraint \`document_text_application_id_foreign\` foreign key(\`application_id\`) references \`application\`(\`id\`) on delete cascade on update cascade, constraint \`document_text_attachment_id_foreign\` foreign key(\`attachment_id\`) references \`attachment\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`document_text_tenant_id_index\` on \`document_text\` (\`tenant_id\`);`);
    this.addSql(
      `create index \`document_text_attachment_id_index\` on \`document_text\` (\`attachment_id\`);`,
    );
    this.addSql(`create index \`document_text_candidate_id_index\` on \`document_text\` (\`candidate_id\`);`);
    this.addSql(
      `create index \`document_text_application_id_index\` on \`document_text\` (\`application_id\`);`,
    );
    this.addSql(
      `create unique index \`document_text_attachment_id_unique\` on \`document_text\` (\`attachment_id\`);`,
    );

    this.addSql(
      `create virtual table \`document_search\` using fts5(text, redacted_text, content='document_text', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');`,
    );
    this.addSql(
      'create trigger `document_search_ai` after insert on `document_text` begin insert into `document_search`(rowid, text, redacted_text) values (new.rowid, new.text, new.redacted_text); end;',
    );
    this.addSql(
      "create trigger `document_search_ad` after delete on `document_text` begin insert into `document_search`(`document_search`, rowid, text, redacted_text) values ('delete', old.rowid, old.text, old.redacted_text); end;",
    );
    this.addSql(
      "create trigger `document_search_au` after update of text, redacted_text on `document_text` begin insert into `document_search`(`document_search`, rowid, text, redacted_text) values ('delete', old.rowid, old.text, old.redacted_text); insert into `document_search`(rowid, text, redacted_text) values (new.rowid, new.text, new.redacted_text); end;",
    );
  }

  override async down(): Promise<void> {
    for (const trigger of ['document_search_au', 'document_search_ad', 'document_search_ai']) {
      this.addSql(`drop trigger if exists \`${trigger}\`;`);
    }
    this.addSql('drop table if exists `document_search`;');
    this.addSql('drop table if exists `document_text`;');
    this.addSql('drop table if exists `saved_search`;');
  }
}
