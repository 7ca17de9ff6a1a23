import { Migration } from '@mikro-orm/migrations';

/**
 * SQLite only, written by hand: the candidate search index folds accents, so
 * "zoe" finds "Zoë" and "Müller" finds "Muller" (FTS5's trigram tokenizer
 * with `remove_diacritics 1`, SQLite 3.45+). The table is rebuilt from the
 * candidate table; the triggers of Migration20261123182000_candidate_search_fts
 * name it and keep working.
 */
export class Migration20261206150000_search_accents extends Migration {
  override async up(): Promise<void> {
    this.rebuild('trigram remove_diacritics 1');
  }

  override async down(): Promise<void> {
    this.rebuild('trigram');
  }

  private rebuild(tokenize: string): void {
    this.addSql('drop table if exists `candidate_search`;');
    this.addSql(
      `create virtual table \`candidate_search\` using fts5(name, email, content='candidate', content_rowid='rowid', tokenize='${tokenize}');`,
    );
    this.addSql(`insert into \`candidate_search\`(\`candidate_search\`) values ('rebuild');`);
  }
}
