import { Migration } from '@mikro-orm/migrations';

export class Migration20261207094302_assessments extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`assessment_provider\` (\`id\` text not null, \`tenant_id\` text not null, \`name\` text not null, \`invitation_url_template\` text not null, \`webhook_secret_wrapped\` text not null, \`created_at\` datetime not null, constraint \`assessment_provider_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`assessment_provider_tenant_id_index\` on \`assessment_provider\` (\`tenant_id\`);`,
    );

    this.addSql(
      `create table \`assessment\` (\`id\` text not null, \`tenant_id\` text not null, \`title\` text not null, \`kind\` text not null, \`instructions\` text not null default '', \`questions\` json not null, \`time_limit_minutes\` integer null, \`allow_attachments\` integer not null default false, \`provider_id\` text null, \`created_by_id\` text null, \`created_at\` datetime not null, constraint \`assessment_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, constraint \`assessment_provider_id_foreign\` foreign key(\`provider_id\`) references \`assessment_provider\`(\`id\`) on delete set null on update cascade, constraint \`assessment_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`assessment_tenant_id_index\` on \`assessment\` (\`tenant_id\`);`);
    this.addSql(`create index \`assessment_provider_id_index\` on \`assessment\` (\`provider_id\`);`);
    this.addSql(`create index \`assessment_created_by_id_index\` on \`assessment\` (\`created_by_id\`);`);

    this.addSql(
      `create table \`stage_assessment\` (\`id\` text not null, \`tenant_id\` text not null, \`stage_id\` text not null, \`assessment_id\` text not null, \`auto_send\` integer not null default true, constraint \`stage_assessment_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, constraint \`stage_assessment_stage_id_foreign\` foreign key(\`stage_id\`) references \`job_stage\`(\`id\`) on delete cascade on update cascade, constraint \`stage_assessment_assessment_id_foreign\` foreign key(\`assessment_id\`) references \`assessment\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`stage_assessment_tenant_id_index\` on \`stage_assessment\` (\`tenant_id\`);`);
    this.addSql(`create index \`stage_assessment_stage_id_index\` on \`stage_assessment\` (\`stage_id\`);`);
    this.addSql(
      `create unique index \`stage_assessment_stage_id_unique\` on \`stage_assessment\` (\`stage_id\`);`,
    );
    this.addSql(
      `create index \`stage_assessment_assessment_id_index\` on \`stage_assessment\` (\`assessment_id\`);`,
    );

    this.addSql(
      `create table \`assessment_invitation\` (\`id\` text not null, \`tenant_id\` text not null, \`application_id\` text not null, \`assessment_id\` text not null, \`provider\` text not null, \`status\` text not null, \`token_hash\` text null, \`questions\` json not null, \`time_limit_minutes\` integer null, \`allow_attachments\` integer not null default false, \`invited_at\` datetime not null, \`started_at\` datetime null, \`deadline_at\` datetime null, \`submitted_at\` datetime null, \`submitted_by_deadline\` integer not null default false, \`answers\` json null, \`attachment_ids\` json null, \`scores\` json null, \`total_points\` integer null, \`max_points\` integer not null, \`scored_at\` datetime null, \`external_result_url\` text null, \`created_by_id\` text null, constraint \`assessment_invitation_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, constraint \`assessment_invitation_application_id_foreign\` foreign key(\`application_id\`) references \`application\`(\`id\`) on update cascade, constraint \`assessment_invitation_assessment_id_foreign\` foreign key(\`assessment_id\`) references \`assessment\`(\`id\`) on update cascade, constraint \`assessment_invitation_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`assessment_invitation_tenant_id_index\` on \`assessment_invitation\` (\`tenant_id\`);`,
    );
    this.addSql(
      `create index \`assessment_invitation_assessment_id_index\` on \`assessment_invitation\` (\`assessment_id\`);`,
    );
    this.addSql(
      `create unique index \`assessment_invitation_token_hash_unique\` on \`assessment_invitation\` (\`token_hash\`);`,
    );
    this.addSql(
      `create index \`assessment_invitation_created_by_id_index\` on \`assessment_invitation\` (\`created_by_id\`);`,
    );
    this.addSql(
      `create index \`assessment_invitation_application_id_index\` on \`assessment_invitation\` (\`application_id\`);`,
    );
    this.addSql(
      `create index \`assessment_invitation_tenant_id_invited_at_index\` on \`assessment_invitation\` (\`tenant_id\`, \`invited_at\`);`,
    );
  }
}
