import { Migration } from '@mikro-orm/migrations';

export class Migration20261206175012_compose_messages extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`message_template\` (\`id\` text not null, \`tenant_id\` text not null, \`name\` text not null, \`subject\` text not null, \`body\` text not null, \`marketing\` integer not null default false, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`message_template_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`message_template_tenant_id_index\` on \`message_template\` (\`tenant_id\`);`);
    this.addSql(
      `create index \`message_template_tenant_id_name_index\` on \`message_template\` (\`tenant_id\`, \`name\`);`,
    );

    this.addSql(
      `create table \`staff_calendar\` (\`id\` text not null, \`user_id\` text not null, \`time_zone\` text not null default 'UTC', \`working_hours\` json not null, \`feed_token_hash\` text null, \`feed_created_at\` datetime null, \`caldav_server_url\` text null, \`caldav_username\` text null, \`caldav_password_wrapped\` text null, \`caldav_calendar_url\` text null, \`caldav_error\` text null, \`caldav_error_at\` datetime null, \`updated_at\` datetime not null, constraint \`staff_calendar_user_id_foreign\` foreign key(\`user_id\`) references \`user\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`staff_calendar_user_id_index\` on \`staff_calendar\` (\`user_id\`);`);
    this.addSql(`create unique index \`staff_calendar_user_id_unique\` on \`staff_calendar\` (\`user_id\`);`);
    this.addSql(
      `create unique index \`staff_calendar_feed_token_hash_unique\` on \`staff_calendar\` (\`feed_token_hash\`);`,
    );

    this.addSql(
      `create table \`scheduling_link\` (\`id\` text not null, \`tenant_id\` text not null, \`application_id\` text not null, \`token_hash\` text not null, \`title\` text not null, \`location\` text null, \`video_url\` text null, \`interviewer_ids\` json not null, \`slots\` json not null, \`time_zone\` text not null, \`expires_at\` datetime not null, \`booked_at\` datetime null, \`interview_id\` text null, \`created_by_id\` text null, \`created_at\` datetime not null, constraint \`scheduling_link_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, constraint \`scheduling_link_application_id_foreign\` foreign key(\`application_id\`) references \`application\`(\`id\`) on update cascade, constraint \`scheduling_link_interview_id_foreign\` foreign key(\`interview_id\`) references \`interview\`(\`id\`) on delete set null on update cascade, constraint \`scheduling_link_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`scheduling_link_tenant_id_index\` on \`scheduling_link\` (\`tenant_id\`);`);
    this.addSql(
      `create unique index \`scheduling_link_token_hash_unique\` on \`scheduling_link\` (\`token_hash\`);`,
    );
    this.addSql(
      `create index \`scheduling_link_interview_id_index\` on \`scheduling_link\` (\`interview_id\`);`,
    );
    this.addSql(
      `create index \`scheduling_link_created_by_id_index\` on \`scheduling_link\` (\`created_by_id\`);`,
    );
    this.addSql(
      `create index \`scheduling_link_application_id_index\` on \`scheduling_link\` (\`application_id\`);`,
    );

    this.addSql(`alter table \`job\` add column \`time_zone\` text null;`);

    this.addSql(
      `alter table \`outbox_email\` add column \`sent_by_id\` text null constraint \`outbox_email_sent_by_id_foreign\` references \`user\` (\`id\`) on update cascade on delete set null;`,
    );
    this.addSql(`alter table \`outbox_email\` add column \`unsubscribe_url\` text null;`);
    this.addSql(`create index \`outbox_email_sent_by_id_index\` on \`outbox_email\` (\`sent_by_id\`);`);
  }
}
