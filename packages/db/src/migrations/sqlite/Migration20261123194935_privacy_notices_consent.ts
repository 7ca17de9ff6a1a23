import { Migration } from '@mikro-orm/migrations';

export class Migration20261123194935_privacy_notices_consent extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`consent_receipt\` (\`id\` text not null, \`tenant_id\` text not null, \`candidate_id\` text not null, \`jws\` text not null, \`issued_at\` datetime not null, constraint \`consent_receipt_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, constraint \`consent_receipt_candidate_id_foreign\` foreign key(\`candidate_id\`) references \`candidate\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`consent_receipt_tenant_id_index\` on \`consent_receipt\` (\`tenant_id\`);`);
    this.addSql(
      `create index \`consent_receipt_candidate_id_index\` on \`consent_receipt\` (\`candidate_id\`);`,
    );
    this.addSql(
      `create index \`consent_receipt_candidate_id_issued_at_index\` on \`consent_receipt\` (\`candidate_id\`, \`issued_at\`);`,
    );

    this.addSql(
      `create table \`tenant_signing_key\` (\`id\` text not null, \`tenant_id\` text not null, \`public_jwk\` json not null, \`private_key_wrapped\` text not null, \`created_at\` datetime not null, \`retired_at\` datetime null, constraint \`tenant_signing_key_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`tenant_signing_key_tenant_id_index\` on \`tenant_signing_key\` (\`tenant_id\`);`,
    );

    this.addSql(
      `create table \`privacy_notice\` (\`id\` text not null, \`tenant_id\` text not null, \`version\` integer null, \`body_md\` text not null, \`effective_on\` text null, \`material_change\` integer not null default false, \`change_summary\` text not null default '', \`published_at\` datetime null, \`published_by_id\` text null, \`updated_at\` datetime not null, constraint \`privacy_notice_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, constraint \`privacy_notice_published_by_id_foreign\` foreign key(\`published_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`privacy_notice_tenant_id_index\` on \`privacy_notice\` (\`tenant_id\`);`);
    this.addSql(
      `create index \`privacy_notice_published_by_id_index\` on \`privacy_notice\` (\`published_by_id\`);`,
    );
    this.addSql(
      `create unique index \`privacy_notice_tenant_id_version_unique\` on \`privacy_notice\` (\`tenant_id\`, \`version\`);`,
    );

    this.addSql(
      `create table \`consent_event\` (\`id\` text not null, \`tenant_id\` text not null, \`candidate_id\` text not null, \`application_id\` text null, \`purpose\` text not null, \`purpose_label\` text not null, \`decision\` text not null, \`notice_version\` integer null, \`channel\` text not null, \`gpc\` integer not null default false, \`receipt_id\` text null, \`occurred_at\` datetime not null, constraint \`consent_event_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, constraint \`consent_event_candidate_id_foreign\` foreign key(\`candidate_id\`) references \`candidate\`(\`id\`) on update cascade, constraint \`consent_event_application_id_foreign\` foreign key(\`application_id\`) references \`application\`(\`id\`) on delete set null on update cascade, constraint \`consent_event_receipt_id_foreign\` foreign key(\`receipt_id\`) references \`consent_receipt\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`consent_event_tenant_id_index\` on \`consent_event\` (\`tenant_id\`);`);
    this.addSql(`create index \`consent_event_candidate_id_index\` on \`consent_event\` (\`candidate_id\`);`);
    this.addSql(
      `create index \`consent_event_application_id_index\` on \`consent_event\` (\`application_id\`);`,
    );
    this.addSql(`create index \`consent_event_receipt_id_index\` on \`consent_event\` (\`receipt_id\`);`);
    this.addSql(
      `create index \`consent_event_candidate_id_occurred_at_index\` on \`consent_event\` (\`candidate_id\`, \`occurred_at\`);`,
    );
    this.addSql(
      `create index \`consent_event_tenant_id_purpose_occurred_at_index\` on \`consent_event\` (\`tenant_id\`, \`purpose\`, \`occurred_at\`);`,
    );

    this.addSql(`alter table \`tenant\` add column \`privacy_settings\` json null;`);
    this.addSql(`alter table \`tenant\` add column \`logo_key\` text null;`);
    this.addSql(`alter table \`tenant\` add column \`logo_type\` text null;`);

    this.addSql(`alter table \`application\` add column \`notice_version\` integer null;`);
    this.addSql(`alter table \`application\` add column \`cover_letter\` text null;`);
    this.addSql(`alter table \`application\` add column \`salary_expectation\` text null;`);
  }
}
