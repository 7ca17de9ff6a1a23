import { Migration } from '@mikro-orm/migrations';

/** The dashboard's index of waiting applications (statistics renewed after migrating: `migrate` in ../../orm.ts). */
export class Migration20261207042917_dashboard_waiting_index extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index \`application_tenant_id_status_last_activity_at_stage_id_index\` on \`application\` (\`tenant_id\`, \`status\`, \`last_activity_at\`, \`stage_id\`);`,
    );
  }
}
