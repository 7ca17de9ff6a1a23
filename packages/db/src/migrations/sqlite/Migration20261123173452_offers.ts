import { Migration } from '@mikro-orm/migrations';

export class Migration20261123173452_offers extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`offer\` (\`id\` text not null, \`tenant_id\` text not null, \`application_id\` text not null, \`salary\` integer not null, \`currency\` text not null, \`period\` text not null, \`start_date\` text not null, \`expires_on\` text not null, \`terms\` text not null, \`status\` text not null, \`created_by_id\` text null, \`approved_by_id\` text null, \`approved_at\` datetime null, \`sent_at\` datetime null, \`responded_at\` datetime null, \`token_hash\` text null, \`letter_key\` text null, \`created_at\` datetime not null, constraint \`offer_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, constraint \`offer_application_id_foreign\` foreign key(\`application_id\`) references \`application\`(\`id\`) on update cascade, constraint \`offer_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, constraint \`offer_approved_by_id_foreign\` foreign key(\`approved_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`offer_tenant_id_index\` on \`offer\` (\`tenant_id\`);`);
    this.addSql(`create index \`offer_application_id_index\` on \`offer\` (\`application_id\`);`);
    this.addSql(`create index \`offer_created_by_id_index\` on \`offer\` (\`created_by_id\`);`);
    this.addSql(`create index \`offer_approved_by_id_index\` on \`offer\` (\`approved_by_id\`);`);
    this.addSql(`create unique index \`offer_token_hash_unique\` on \`offer\` (\`token_hash\`);`);
    this.addSql(
      `create index \`offer_application_id_created_at_index\` on \`offer\` (\`application_id\`, \`created_at\`);`,
    );
  }
}
