import { Migration } from '@mikro-orm/migrations';

/**
 * SQLite only, written by hand: a trigram full-text index over candidates'
 * names and emails, so searching for any part of them reads the index, not
 * every candidate. Triggers keep it in step with the candidate table; the
 * schema test checks they exist (a future migration that rebuilds the
 * candidate table must recreate them).
 */
export class Migration20261123182000_candidate_search_fts extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create virtual table \`candidate_search\` using fts5(name, email, content='candidate', content_rowid='rowid', tokenize='trigram');`,
    );
    this.addSql(`insert into \`candidate_search\`(\`candidate_search\`) values ('rebuild');`);
    this.addSql(
      'create trigger `candidate_search_ai` after insert on `candidate` begin insert into `candidate_search`(rowid, name, email) values (new.rowid, new.name, new.email); end;',
    );
    this.addSql(
      "create trigger `candidate_search_ad` after delete on `candidate` begin insert into `candidate_search`(`candidate_search`, rowid, name, email) values ('delete', old.rowid, old.name, old.email); end;",
    );
    this.addSql(
      "create trigger `candidate_search_au` after update of name, email on `candidate` begin insert into `candidate_search`(`candidate_search`, rowid, name, email) values ('delete', old.rowid, old.name, old.email); insert into `candidate_search`(rowid, name, email) values (new.rowid, new.name, new.email); end;",
    );
  }

  override async down(): Promise<void> {
    for (const trigger of ['candidate_search_au', 'candidate_search_ad', 'candidate_search_ai']) {
      this.addSql(`drop trigger if exists \`${trigger}\`;`);
    }
    this.addSql('drop table if exists `candidate_search`;');
  }
}
