import { Migration } from '@mikro-orm/migrations';

export class Migration20261123184533_board_index extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index "application_job_id_stage_id_last_activity_at_index";`);

    this.addSql(
      `create index "application_job_id_stage_id_last_activity_at_id_index" on "application" ("job_id", "stage_id", "last_activity_at", "id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "application_job_id_stage_id_last_activity_at_id_index";`);

    this.addSql(
      `create index "application_job_id_stage_id_last_activity_at_index" on "application" ("job_id", "stage_id", "last_activity_at");`,
    );
  }
}
