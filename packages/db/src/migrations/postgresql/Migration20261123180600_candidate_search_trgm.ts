import { Migration } from '@mikro-orm/migrations';

/**
 * PostgreSQL only, written by hand: trigram indexes so that searching
 * candidates by any part of their name or email ("ILIKE '%mit%'") uses an
 * index instead of reading every candidate. MikroORM's entity metadata cannot
 * express them; the schema test knows indexes ending in `_trgm` are ours.
 */
export class Migration20261123180600_candidate_search_trgm extends Migration {
  override async up(): Promise<void> {
    this.addSql('create extension if not exists pg_trgm;');
    this.addSql('create index "candidate_name_trgm" on "candidate" using gin ("name" gin_trgm_ops);');
    this.addSql('create index "candidate_email_trgm" on "candidate" using gin ("email" gin_trgm_ops);');
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists "candidate_email_trgm";');
    this.addSql('drop index if exists "candidate_name_trgm";');
  }
}
