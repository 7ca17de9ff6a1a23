import { Migration } from '@mikro-orm/migrations';

export class Migration20261123180540_list_order_indexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index "candidate_tenant_id_created_at_index";`);
    this.addSql(`drop index "candidate_tenant_id_last_activity_at_index";`);
    this.addSql(`drop index "candidate_tenant_id_name_index";`);

    this.addSql(
      `create index "candidate_tenant_id_created_at_id_index" on "candidate" ("tenant_id", "created_at", "id");`,
    );
    this.addSql(
      `create index "candidate_tenant_id_last_activity_at_id_index" on "candidate" ("tenant_id", "last_activity_at", "id");`,
    );
    this.addSql(
      `create index "candidate_tenant_id_name_id_index" on "candidate" ("tenant_id", "name", "id");`,
    );

    this.addSql(`drop index "application_tenant_id_applied_at_index";`);
    this.addSql(`drop index "application_tenant_id_last_activity_at_index";`);
    this.addSql(`drop index "application_tenant_id_source_applied_at_index";`);
    this.addSql(`drop index "application_tenant_id_status_applied_at_index";`);

    this.addSql(
      `create index "application_tenant_id_applied_at_id_index" on "application" ("tenant_id", "applied_at", "id");`,
    );
    this.addSql(
      `create index "application_tenant_id_last_activity_at_id_index" on "application" ("tenant_id", "last_activity_at", "id");`,
    );
    this.addSql(
      `create index "application_tenant_id_status_applied_at_id_index" on "application" ("tenant_id", "status", "applied_at", "id");`,
    );
    this.addSql(
      `create index "application_tenant_id_source_applied_at_id_index" on "application" ("tenant_id", "source", "applied_at", "id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "application_tenant_id_applied_at_id_index";`);
    this.addSql(`drop index "application_tenant_id_last_activity_at_id_index";`);
    this.addSql(`drop index "application_tenant_id_status_applied_at_id_index";`);
    this.addSql(`drop index "application_tenant_id_source_applied_at_id_index";`);

    this.addSql(
      `create index "application_tenant_id_applied_at_index" on "application" ("tenant_id", "applied_at");`,
    );
    this.addSql(
      `create index "application_tenant_id_last_activity_at_index" on "application" ("tenant_id", "last_activity_at");`,
    );
    this.addSql(
      `create index "application_tenant_id_source_applied_at_index" on "application" ("tenant_id", "source", "applied_at");`,
    );
    this.addSql(
      `create index "application_tenant_id_status_applied_at_index" on "application" ("tenant_id", "status", "applied_at");`,
    );

    this.addSql(`drop index "candidate_tenant_id_created_at_id_index";`);
    this.addSql(`drop index "candidate_tenant_id_last_activity_at_id_index";`);
    this.addSql(`drop index "candidate_tenant_id_name_id_index";`);

    this.addSql(
      `create index "candidate_tenant_id_created_at_index" on "candidate" ("tenant_id", "created_at");`,
    );
    this.addSql(
      `create index "candidate_tenant_id_last_activity_at_index" on "candidate" ("tenant_id", "last_activity_at");`,
    );
    this.addSql(`create index "candidate_tenant_id_name_index" on "candidate" ("tenant_id", "name");`);
  }
}
