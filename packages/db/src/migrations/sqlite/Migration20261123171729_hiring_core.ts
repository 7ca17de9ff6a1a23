import { Migration } from '@mikro-orm/migrations';

export class Migration20261123171729_hiring_core extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`candidate\` (\`id\` text not null, \`tenant_id\` text not null, \`name\` text not null, \`email\` text not null, \`phone\` text null, \`phone_digits\` text null, \`name_key\` text not null, \`location\` text null, \`links\` json not null, \`source\` text not null, \`possible_duplicate\` integer not null default false, \`created_at\` datetime not null, \`last_activity_at\` datetime not null, constraint \`candidate_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`candidate_tenant_id_index\` on \`candidate\` (\`tenant_id\`);`);
    this.addSql(
      `create index \`candidate_tenant_id_created_at_index\` on \`candidate\` (\`tenant_id\`, \`created_at\`);`,
    );
    this.addSql(
      `create index \`candidate_tenant_id_last_activity_at_index\` on \`candidate\` (\`tenant_id\`, \`last_activity_at\`);`,
    );
    this.addSql(
      `create index \`candidate_tenant_id_name_index\` on \`candidate\` (\`tenant_id\`, \`name\`);`,
    );
    this.addSql(
      `create index \`candidate_tenant_id_phone_digits_index\` on \`candidate\` (\`tenant_id\`, \`phone_digits\`);`,
    );
    this.addSql(
      `create index \`candidate_tenant_id_name_key_index\` on \`candidate\` (\`tenant_id\`, \`name_key\`);`,
    );
    this.addSql(
      `create unique index \`candidate_tenant_id_email_unique\` on \`candidate\` (\`tenant_id\`, \`email\`);`,
    );

    this.addSql(
      `create table \`job\` (\`id\` text not null, \`tenant_id\` text not null, \`title\` text not null, \`department\` text not null, \`city\` text null, \`country\` text null, \`workplace\` text not null, \`employment_type\` text not null, \`description_md\` text not null default '', \`salary_min\` integer null, \`salary_max\` integer null, \`salary_currency\` text null, \`salary_period\` text null, \`status\` text not null default 'draft', \`status_changed_at\` datetime not null, \`status_changed_by_id\` text null, \`opened_at\` datetime null, \`closed_at\` datetime null, \`questions\` json not null, \`criteria\` json not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`job_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, constraint \`job_status_changed_by_id_foreign\` foreign key(\`status_changed_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`job_tenant_id_index\` on \`job\` (\`tenant_id\`);`);
    this.addSql(`create index \`job_status_changed_by_id_index\` on \`job\` (\`status_changed_by_id\`);`);
    this.addSql(
      `create index \`job_tenant_id_status_created_at_index\` on \`job\` (\`tenant_id\`, \`status\`, \`created_at\`);`,
    );

    this.addSql(
      `create table \`job_stage\` (\`id\` text not null, \`tenant_id\` text not null, \`job_id\` text not null, \`name\` text not null, \`kind\` text not null, \`position\` integer not null, constraint \`job_stage_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, constraint \`job_stage_job_id_foreign\` foreign key(\`job_id\`) references \`job\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`job_stage_tenant_id_index\` on \`job_stage\` (\`tenant_id\`);`);
    this.addSql(`create index \`job_stage_job_id_index\` on \`job_stage\` (\`job_id\`);`);
    this.addSql(
      `create index \`job_stage_job_id_position_index\` on \`job_stage\` (\`job_id\`, \`position\`);`,
    );

    this.addSql(
      `create table \`hiring_team_member\` (\`id\` text not null, \`tenant_id\` text not null, \`job_id\` text not null, \`user_id\` text not null, \`role\` text not null, constraint \`hiring_team_member_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, constraint \`hiring_team_member_job_id_foreign\` foreign key(\`job_id\`) references \`job\`(\`id\`) on update cascade, constraint \`hiring_team_member_user_id_foreign\` foreign key(\`user_id\`) references \`user\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`hiring_team_member_tenant_id_index\` on \`hiring_team_member\` (\`tenant_id\`);`,
    );
    this.addSql(`create index \`hiring_team_member_job_id_index\` on \`hiring_team_member\` (\`job_id\`);`);
    this.addSql(`create index \`hiring_team_member_user_id_index\` on \`hiring_team_member\` (\`user_id\`);`);
    this.addSql(
      `create index \`hiring_team_member_tenant_id_user_id_index\` on \`hiring_team_member\` (\`tenant_id\`, \`user_id\`);`,
    );
    this.addSql(
      `create unique index \`hiring_team_member_job_id_user_id_unique\` on \`hiring_team_member\` (\`job_id\`, \`user_id\`);`,
    );

    this.addSql(
      `create table \`application\` (\`id\` text not null, \`tenant_id\` text not null, \`candidate_id\` text not null, \`job_id\` text not null, \`stage_id\` text not null, \`status\` text not null default 'active', \`source\` text not null, \`answers\` json not null, \`applied_at\` datetime not null, \`last_activity_at\` datetime not null, \`rejection_reason_id\` text null, \`rejection_note\` text null, \`decided_at\` datetime null, \`decided_by_id\` text null, constraint \`application_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, constraint \`application_candidate_id_foreign\` foreign key(\`candidate_id\`) references \`candidate\`(\`id\`) on update cascade, constraint \`application_job_id_foreign\` foreign key(\`job_id\`) references \`job\`(\`id\`) on update cascade, constraint \`application_stage_id_foreign\` foreign key(\`stage_id\`) references \`job_stage\`(\`id\`) on update cascade, constraint \`application_decided_by_id_foreign\` foreign key(\`decided_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`application_tenant_id_index\` on \`application\` (\`tenant_id\`);`);
    this.addSql(`create index \`application_job_id_index\` on \`application\` (\`job_id\`);`);
    this.addSql(`create index \`application_stage_id_index\` on \`application\` (\`stage_id\`);`);
    this.addSql(`create index \`application_decided_by_id_index\` on \`application\` (\`decided_by_id\`);`);
    this.addSql(
      `create index \`application_tenant_id_applied_at_index\` on \`application\` (\`tenant_id\`, \`applied_at\`);`,
    );
    this.addSql(
      `create index \`application_tenant_id_last_activity_at_index\` on \`application\` (\`tenant_id\`, \`last_activity_at\`);`,
    );
    this.addSql(
      `create index \`application_tenant_id_status_applied_at_index\` on \`application\` (\`tenant_id\`, \`status\`, \`applied_at\`);`,
    );
    this.addSql(
      `create index \`application_tenant_id_source_applied_at_index\` on \`application\` (\`tenant_id\`, \`source\`, \`applied_at\`);`,
    );
    this.addSql(
      `create index \`application_job_id_stage_id_last_activity_at_index\` on \`application\` (\`job_id\`, \`stage_id\`, \`last_activity_at\`);`,
    );
    this.addSql(`create index \`application_candidate_id_index\` on \`application\` (\`candidate_id\`);`);
    this.addSql(
      `create unique index \`application_job_id_candidate_id_unique\` on \`application\` (\`job_id\`, \`candidate_id\`);`,
    );

    this.addSql(
      `create table \`stage_change\` (\`id\` text not null, \`tenant_id\` text not null, \`application_id\` text not null, \`from_stage_id\` text null, \`to_stage_id\` text not null, \`by_id\` text null, \`at\` datetime not null, constraint \`stage_change_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, constraint \`stage_change_application_id_foreign\` foreign key(\`application_id\`) references \`application\`(\`id\`) on update cascade, constraint \`stage_change_from_stage_id_foreign\` foreign key(\`from_stage_id\`) references \`job_stage\`(\`id\`) on delete set null on update cascade, constraint \`stage_change_to_stage_id_foreign\` foreign key(\`to_stage_id\`) references \`job_stage\`(\`id\`) on update cascade, constraint \`stage_change_by_id_foreign\` foreign key(\`by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`stage_change_tenant_id_index\` on \`stage_change\` (\`tenant_id\`);`);
    this.addSql(
      `create index \`stage_change_application_id_index\` on \`stage_change\` (\`application_id\`);`,
    );
    this.addSql(`create index \`stage_change_from_stage_id_index\` on \`stage_change\` (\`from_stage_id\`);`);
    this.addSql(`create index \`stage_change_to_stage_id_index\` on \`stage_change\` (\`to_stage_id\`);`);
    this.addSql(`create index \`stage_change_by_id_index\` on \`stage_change\` (\`by_id\`);`);
    this.addSql(
      `create index \`stage_change_application_id_at_index\` on \`stage_change\` (\`application_id\`, \`at\`);`,
    );

    this.addSql(
      `create table \`application_tag\` (\`id\` text not null, \`tenant_id\` text not null, \`application_id\` text not null, \`tag\` text not null, constraint \`application_tag_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, constraint \`application_tag_application_id_foreign\` foreign key(\`application_id\`) references \`application\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`application_tag_tenant_id_index\` on \`application_tag\` (\`tenant_id\`);`);
    this.addSql(
      `create index \`application_tag_application_id_index\` on \`application_tag\` (\`application_id\`);`,
    );
    this.addSql(
      `create index \`application_tag_tenant_id_tag_index\` on \`application_tag\` (\`tenant_id\`, \`tag\`);`,
    );
    this.addSql(
      `create unique index \`application_tag_application_id_tag_unique\` on \`application_tag\` (\`application_id\`, \`tag\`);`,
    );

    this.addSql(
      `create table \`application_note\` (\`id\` text not null, \`tenant_id\` text not null, \`application_id\` text not null, \`author_id\` text null, \`body\` text not null, \`created_at\` datetime not null, constraint \`application_note_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, constraint \`application_note_application_id_foreign\` foreign key(\`application_id\`) references \`application\`(\`id\`) on update cascade, constraint \`application_note_author_id_foreign\` foreign key(\`author_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`application_note_tenant_id_index\` on \`application_note\` (\`tenant_id\`);`);
    this.addSql(
      `create index \`application_note_application_id_index\` on \`application_note\` (\`application_id\`);`,
    );
    this.addSql(`create index \`application_note_author_id_index\` on \`application_note\` (\`author_id\`);`);
    this.addSql(
      `create index \`application_note_application_id_created_at_index\` on \`application_note\` (\`application_id\`, \`created_at\`);`,
    );

    this.addSql(`alter table \`tenant\` add column \`hiring_settings\` json null;`);
  }
}
