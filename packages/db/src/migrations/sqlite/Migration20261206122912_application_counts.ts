import { Migration } from '@mikro-orm/migrations';

/**
 * Application counts that never scan (issue 16), SQLite half. The first
 * statements are generated from the entities; the rest is written by hand:
 *
 * - `application.candidate_restricted` copies "the candidate restricted
 *   processing", kept by triggers on both tables, so that lists hide
 *   restricted people without joining candidates.
 * - `application_count` holds how many applications each job has per stage,
 *   status and restriction flag, kept by triggers in the same transaction as
 *   every insert, update and delete of an application, whichever code (or
 *   foreign-key cascade) made it. Each change is an upsert adding +1 or -1,
 *   so the triggers give the same result in any order.
 *
 * The schema test checks the triggers exist: a later migration that rebuilds
 * the application or candidate table must create them again.
 */
export class Migration20261206122912_application_counts extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table \`application\` add column \`candidate_restricted\` integer not null default false;`,
    );
    this.addSql(
      `create index \`application_job_id_applied_at_id_index\` on \`application\` (\`job_id\`, \`applied_at\`, \`id\`);`,
    );
    this.addSql(
      `create index \`application_job_id_status_applied_at_id_index\` on \`application\` (\`job_id\`, \`status\`, \`applied_at\`, \`id\`);`,
    );

    this.addSql(
      'update `application` set `candidate_restricted` = 1 where `candidate_id` in (select `id` from `candidate` where `restricted_at` is not null);',
    );
    this.addSql(
      'create table `application_count` (`tenant_id` text not null, `job_id` text not null, `stage_id` text not null, `status` text not null, `candidate_restricted` integer not null, `n` integer not null, ' +
        'constraint `application_count_job_id_foreign` foreign key(`job_id`) references `job`(`id`) on delete cascade, ' +
        'constraint `application_count_stage_id_foreign` foreign key(`stage_id`) references `job_stage`(`id`) on delete cascade, ' +
        'primary key (`job_id`, `stage_id`, `status`, `candidate_restricted`));',
    );
    this.addSql(
      'create index `application_count_tenant_id_status_index` on `application_count` (`tenant_id`, `status`);',
    );
    this.addSql(
      'insert into `application_count` (`tenant_id`, `job_id`, `stage_id`, `status`, `candidate_restricted`, `n`) ' +
        'select `tenant_id`, `job_id`, `stage_id`, `status`, `candidate_restricted`, count(*) from `application` group by 1, 2, 3, 4, 5;',
    );

    const add = (row: 'new' | 'old', n: 1 | -1) =>
      'insert into `application_count` (`tenant_id`, `job_id`, `stage_id`, `status`, `candidate_restricted`, `n`) ' +
      `values (${row}.tenant_id, ${row}.job_id, ${row}.stage_id, ${row}.status, ${row}.candidate_restricted, ${n}) ` +
      'on conflict (`job_id`, `stage_id`, `status`, `candidate_restricted`) do update set `n` = `n` + excluded.`n`;';
    this.addSql(
      `create trigger \`application_count_ai\` after insert on \`application\` begin ${add('new', 1)} end;`,
    );
    this.addSql(
      `create trigger \`application_count_ad\` after delete on \`application\` begin ${add('old', -1)} end;`,
    );
    this.addSql(
      'create trigger `application_count_au` after update of `job_id`, `stage_id`, `status`, `candidate_restricted` on `application` ' +
        'when old.job_id is not new.job_id or old.stage_id is not new.stage_id or old.status is not new.status or old.candidate_restricted is not new.candidate_restricted ' +
        `begin ${add('old', -1)} ${add('new', 1)} end;`,
    );

    const restrictedCandidate = (id: string) =>
      `exists (select 1 from \`candidate\` where \`id\` = ${id} and \`restricted_at\` is not null)`;
    this.addSql(
      `create trigger \`application_restricted_ai\` after insert on \`application\` when ${restrictedCandidate('new.candidate_id')} ` +
        'begin update `application` set `candidate_restricted` = 1 where `id` = new.id; end;',
    );
    this.addSql(
      'create trigger `application_restricted_au` after update of `candidate_id` on `application` ' +
        `begin update \`application\` set \`candidate_restricted\` = ${restrictedCandidate('new.candidate_id')} where \`id\` = new.id; end;`,
    );
    this.addSql(
      'create trigger `candidate_restricted_au` after update of `restricted_at` on `candidate` ' +
        'when (old.restricted_at is null) <> (new.restricted_at is null) ' +
        'begin update `application` set `candidate_restricted` = (new.restricted_at is not null) where `candidate_id` = new.id; end;',
    );
  }
}
