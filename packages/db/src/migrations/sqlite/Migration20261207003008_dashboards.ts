import { Migration } from '@mikro-orm/migrations';

export class Migration20261207003008_dashboards extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`tenant\` add column \`audit_verified_at\` datetime null;`);
    this.addSql(`alter table \`tenant\` add column \`audit_verified_intact\` integer null;`);

    this.addSql(`alter table \`job_stage\` add column \`target_days\` integer null;`);

    this.addSql(
      `create index \`application_stage_id_status_last_activity_at_index\` on \`application\` (\`stage_id\`, \`status\`, \`last_activity_at\`);`,
    );

    this.addSql(`create index \`offer_tenant_id_status_index\` on \`offer\` (\`tenant_id\`, \`status\`);`);

    this.addSql(
      `create index \`interview_tenant_id_starts_at_index\` on \`interview\` (\`tenant_id\`, \`starts_at\`);`,
    );
    this.addSql(
      `create index \`interview_tenant_id_ends_at_index\` on \`interview\` (\`tenant_id\`, \`ends_at\`);`,
    );
  }
}
