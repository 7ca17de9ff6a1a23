import { Migration } from '@mikro-orm/migrations';

export class Migration20261123172605_interviews_scorecards extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`interview\` (\`id\` text not null, \`tenant_id\` text not null, \`application_id\` text not null, \`title\` text not null, \`starts_at\` datetime not null, \`ends_at\` datetime not null, \`location\` text null, \`video_url\` text null, \`status\` text not null default 'scheduled', \`created_by_id\` text null, \`created_at\` datetime not null, constraint \`interview_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, constraint \`interview_application_id_foreign\` foreign key(\`application_id\`) references \`application\`(\`id\`) on update cascade, constraint \`interview_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`interview_tenant_id_index\` on \`interview\` (\`tenant_id\`);`);
    this.addSql(`create index \`interview_application_id_index\` on \`interview\` (\`application_id\`);`);
    this.addSql(`create index \`interview_created_by_id_index\` on \`interview\` (\`created_by_id\`);`);
    this.addSql(
      `create index \`interview_application_id_starts_at_index\` on \`interview\` (\`application_id\`, \`starts_at\`);`,
    );

    this.addSql(
      `create table \`scorecard\` (\`id\` text not null, \`tenant_id\` text not null, \`application_id\` text not null, \`interview_id\` text not null, \`author_id\` text not null, \`ratings\` json not null, \`recommendation\` text not null, \`notes\` text not null, \`submitted_at\` datetime not null, constraint \`scorecard_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, constraint \`scorecard_application_id_foreign\` foreign key(\`application_id\`) references \`application\`(\`id\`) on update cascade, constraint \`scorecard_interview_id_foreign\` foreign key(\`interview_id\`) references \`interview\`(\`id\`) on update cascade, constraint \`scorecard_author_id_foreign\` foreign key(\`author_id\`) references \`user\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`scorecard_tenant_id_index\` on \`scorecard\` (\`tenant_id\`);`);
    this.addSql(`create index \`scorecard_interview_id_index\` on \`scorecard\` (\`interview_id\`);`);
    this.addSql(`create index \`scorecard_author_id_index\` on \`scorecard\` (\`author_id\`);`);
    this.addSql(`create index \`scorecard_application_id_index\` on \`scorecard\` (\`application_id\`);`);
    this.addSql(
      `create unique index \`scorecard_interview_id_author_id_unique\` on \`scorecard\` (\`interview_id\`, \`author_id\`);`,
    );

    this.addSql(
      `create table \`interview_participant\` (\`id\` text not null, \`tenant_id\` text not null, \`interview_id\` text not null, \`user_id\` text not null, constraint \`interview_participant_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, constraint \`interview_participant_interview_id_foreign\` foreign key(\`interview_id\`) references \`interview\`(\`id\`) on update cascade, constraint \`interview_participant_user_id_foreign\` foreign key(\`user_id\`) references \`user\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`interview_participant_tenant_id_index\` on \`interview_participant\` (\`tenant_id\`);`,
    );
    this.addSql(
      `create index \`interview_participant_interview_id_index\` on \`interview_participant\` (\`interview_id\`);`,
    );
    this.addSql(
      `create index \`interview_participant_user_id_index\` on \`interview_participant\` (\`user_id\`);`,
    );
    this.addSql(
      `create index \`interview_participant_tenant_id_user_id_index\` on \`interview_participant\` (\`tenant_id\`, \`user_id\`);`,
    );
    this.addSql(
      `create unique index \`interview_participant_interview_id_user_id_unique\` on \`interview_participant\` (\`interview_id\`, \`user_id\`);`,
    );

    this.addSql(`alter table \`outbox_email\` add column \`attachments\` json null;`);
  }
}
