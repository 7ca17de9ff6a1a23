import { Migration } from '@mikro-orm/migrations';

export class Migration20261207163013_application_intake extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`application_intake\` (\`id\` text not null, \`tenant_id\` text not null, \`job_id\` text not null, \`email\` text not null, \`candidate_key_id\` text not null, \`form\` text not null, \`resume\` blob not null, \`received_at\` datetime not null, \`claimed_until\` datetime null, \`attempts\` integer not null default 0, \`last_error\` text null, constraint \`application_intake_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, constraint \`application_intake_job_id_foreign\` foreign key(\`job_id\`) references \`job\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`application_intake_tenant_id_index\` on \`application_intake\` (\`tenant_id\`);`,
    );
    this.addSql(`create index \`application_intake_job_id_index\` on \`application_intake\` (\`job_id\`);`);
    this.addSql(
      `create index \`application_intake_claimed_until_received_at_index\` on \`application_intake\` (\`claimed_until\`, \`received_at\`);`,
    );
    this.addSql(
      `create index \`application_intake_tenant_id_email_index\` on \`application_intake\` (\`tenant_id\`, \`email\`);`,
    );
  }
}
