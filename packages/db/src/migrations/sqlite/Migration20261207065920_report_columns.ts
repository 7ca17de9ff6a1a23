import { Migration } from '@mikro-orm/migrations';

/** How far along the funnel a stage kind is (the reports' FUNNEL_STEPS); a rejection stage counts as applied. */
const rank = (kind: string) =>
  `case ${kind} when 'applied' then 1 when 'screening' then 2 when 'interview' then 3 when 'offer' then 4 when 'hired' then 5 else 1 end`;
const stageRank = (stageId: string) =>
  `coalesce((select ${rank('s.kind')} from \`job_stage\` s where s.\`id\` = ${stageId}), 1)`;

/**
 * Hiring reports that read indexes instead of joining (issue 19), SQLite
 * half. At 300k applications a cold count of the reports took 2-4 s, each
 * report joining stage history to applications row by row. Now:
 *
 * - `application.furthest_step`: how far along the funnel the application
 *   has ever been, kept by triggers on the application (its stage and
 *   status) and on its stage history (a history written after the
 *   application, as seeds and imports do, counts too). It only grows.
 * - `stage_change` carries copies of its application's job, applied date
 *   and restriction flag, the kind of stage it left and how long it waited
 *   there (since the move before, or applying), filled by a trigger when
 *   the move is recorded and kept in step when the application or the
 *   move's date changes (the waits of the application's moves are worked
 *   out again then, so the order moves are recorded in does not matter).
 * - Covering indexes for the reports' queries; offers by sent date.
 *
 * The schema test checks the triggers exist.
 */
export class Migration20261207065920_report_columns extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`application\` add column \`furthest_step\` integer not null default 1;`);
    this.addSql(`alter table \`stage_change\` add column \`job_id\` text null;`);
    this.addSql(`alter table \`stage_change\` add column \`applied_at\` datetime null;`);
    this.addSql(
      `alter table \`stage_change\` add column \`candidate_restricted\` integer not null default false;`,
    );
    this.addSql(`alter table \`stage_change\` add column \`from_kind\` text null;`);
    this.addSql(`alter table \`stage_change\` add column \`waited_seconds\` integer null;`);

    // What is already there, before the indexes (cheaper to build once than to keep while filling).
    this.addSql(
      `update \`application\` set \`furthest_step\` = max(${stageRank('`application`.`stage_id`')}, ` +
        `coalesce((select max(${rank('s.kind')}) from \`stage_change\` c join \`job_stage\` s on s.\`id\` = c.\`to_stage_id\` where c.\`application_id\` = \`application\`.\`id\`), 1), ` +
        `case when \`status\` = 'hired' then 5 else 1 end);`,
    );
    this.addSql(
      'update `stage_change` set `job_id` = x.`job_id`, `applied_at` = x.`applied_at`, `candidate_restricted` = x.`candidate_restricted`, ' +
        '`from_kind` = x.`kind`, `waited_seconds` = x.`waited` from (' +
        'select c.`id`, a.`job_id`, a.`applied_at`, a.`candidate_restricted`, s.`kind`, ' +
        '(c.`at` - coalesce(lag(c.`at`) over (partition by c.`application_id` order by c.`at`), a.`applied_at`)) / 1000 as `waited` ' +
        'from `stage_change` c join `application` a on a.`id` = c.`application_id` left join `job_stage` s on s.`id` = c.`from_stage_id`' +
        ') x where x.`id` = `stage_change`.`id`;',
    );

    this.addSql(
      `create index \`application_tenant_id_applied_at_candidate_restricted_furthest_step_source_status_job_id_index\` on \`application\` (\`tenant_id\`, \`applied_at\`, \`candidate_restricted\`, \`furthest_step\`, \`source\`, \`status\`, \`job_id\`);`,
    );
    this.addSql(
      `create index \`application_tenant_id_status_decided_at_candidate_restricted_rejection_reason_id_job_id_applied_at_index\` on \`application\` (\`tenant_id\`, \`status\`, \`decided_at\`, \`candidate_restricted\`, \`rejection_reason_id\`, \`job_id\`, \`applied_at\`);`,
    );
    this.addSql(
      `create index \`stage_change_tenant_id_applied_at_candidate_restricted_job_id_from_kind_waited_seconds_index\` on \`stage_change\` (\`tenant_id\`, \`applied_at\`, \`candidate_restricted\`, \`job_id\`, \`from_kind\`, \`waited_seconds\`);`,
    );
    this.addSql(`create index \`offer_tenant_id_sent_at_index\` on \`offer\` (\`tenant_id\`, \`sent_at\`);`);

    // Only ever raised, and only written when it grows (these updates set no column another trigger watches).
    const raiseFurthest = (id: string, reached: string) =>
      `update \`application\` set \`furthest_step\` = ${reached} where \`id\` = ${id} and \`furthest_step\` < ${reached};`;
    const reachedByApplication = `max(${stageRank('new.stage_id')}, case when new.status = 'hired' then 5 else 1 end)`;
    this.addSql(
      `create trigger \`application_furthest_ai\` after insert on \`application\` begin ${raiseFurthest('new.id', reachedByApplication)} end;`,
    );
    this.addSql(
      'create trigger `application_furthest_au` after update of `stage_id`, `status` on `application` ' +
        `begin ${raiseFurthest('new.id', reachedByApplication)} end;`,
    );
    // Every wait of one application's moves, worked out again (a few rows): since the move before, or applying.
    const rewait = (applicationId: string) =>
      'update `stage_change` set `waited_seconds` = (`stage_change`.`at` - coalesce(' +
      '(select max(p.`at`) from `stage_change` p where p.`application_id` = `stage_change`.`application_id` ' +
      'and p.`at` <= `stage_change`.`at` and p.`id` <> `stage_change`.`id`), `stage_change`.`applied_at`)) / 1000 ' +
      `where \`application_id\` = ${applicationId};`;
    this.addSql(
      'create trigger `stage_change_report_ai` after insert on `stage_change` begin ' +
        'update `stage_change` set (`job_id`, `applied_at`, `candidate_restricted`) = ' +
        '(select a.`job_id`, a.`applied_at`, a.`candidate_restricted` from `application` a where a.`id` = new.`application_id`), ' +
        '`from_kind` = (select s.`kind` from `job_stage` s where s.`id` = new.`from_stage_id`) ' +
        'where `id` = new.`id`; ' +
        `${rewait('new.application_id')} ` +
        `${raiseFurthest('new.application_id', stageRank('new.to_stage_id'))} end;`,
    );
    this.addSql(
      'create trigger `stage_change_report_au` after update of `at` on `stage_change` when old.at is not new.at ' +
        `begin ${rewait('new.application_id')} end;`,
    );
    this.addSql(
      'create trigger `application_report_copies_au` after update of `job_id`, `applied_at`, `candidate_restricted` on `application` ' +
        'when old.job_id is not new.job_id or old.applied_at is not new.applied_at or old.candidate_restricted is not new.candidate_restricted ' +
        'begin update `stage_change` set `job_id` = new.`job_id`, `applied_at` = new.`applied_at`, `candidate_restricted` = new.`candidate_restricted` ' +
        `where \`application_id\` = new.\`id\`; ${rewait('new.id')} end;`,
    );
  }
}
