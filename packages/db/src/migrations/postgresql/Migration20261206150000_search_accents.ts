import { Migration } from '@mikro-orm/migrations';

/**
 * PostgreSQL only, written by hand: the candidate search indexes fold case
 * and accents, so "zoe" finds "Zoë" and "muller" finds "Müller".
 * `candor_fold` is `lower(unaccent(...))` declared immutable, which an index
 * expression needs; it names the dictionary and its schema so that its result
 * does not depend on the session's search_path. The trigram indexes replace
 * those of Migration20261123180600_candidate_search_trgm.
 */
export class Migration20261206150000_search_accents extends Migration {
  override async up(): Promise<void> {
    this.addSql('create extension if not exists unaccent schema public;');
    this.addSql(
      `create or replace function candor_fold(text) returns text language sql immutable strict parallel safe as $$ select lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;`,
    );
    this.addSql('drop index if exists "candidate_name_trgm";');
    this.addSql('drop index if exists "candidate_email_trgm";');
    this.addSql(
      'create index "candidate_name_fold_trgm" on "candidate" using gin (candor_fold("name") gin_trgm_ops);',
    );
    this.addSql(
      'create index "candidate_email_fold_trgm" on "candidate" using gin (candor_fold("email") gin_trgm_ops);',
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists "candidate_email_fold_trgm";');
    this.addSql('drop index if exists "candidate_name_fold_trgm";');
    this.addSql('create index "candidate_name_trgm" on "candidate" using gin ("name" gin_trgm_ops);');
    this.addSql('create index "candidate_email_trgm" on "candidate" using gin ("email" gin_trgm_ops);');
    this.addSql('drop function if exists candor_fold(text);');
  }
}
