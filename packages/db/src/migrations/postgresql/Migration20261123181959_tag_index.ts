import { Migration } from '@mikro-orm/migrations';

export class Migration20261123181959_tag_index extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index "application_tag_tenant_id_tag_index";`);

    this.addSql(
      `create index "application_tag_tenant_id_tag_application_id_index" on "application_tag" ("tenant_id", "tag", "application_id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "application_tag_tenant_id_tag_application_id_index";`);

    this.addSql(
      `create index "application_tag_tenant_id_tag_index" on "application_tag" ("tenant_id", "tag");`,
    );
  }
}
