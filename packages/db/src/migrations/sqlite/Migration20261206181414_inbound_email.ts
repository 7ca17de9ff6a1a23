import { Migration } from '@mikro-orm/migrations';

export class Migration20261206181414_inbound_email extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`inbound_email\` (\`id\` text not null, \`tenant_id\` text not null, \`candidate_id\` text not null, \`application_id\` text null, \`in_reply_to_id\` text null, \`from_address\` text not null, \`from_name\` text null, \`subject\` text not null, \`text\` text not null, \`message_id\` text null, \`attachments_left_out\` integer not null default 0, \`received_at\` datetime not null, constraint \`inbound_email_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, constraint \`inbound_email_candidate_id_foreign\` foreign key(\`candidate_id\`) references \`candidate\`(\`id\`) on update cascade, constraint \`inbound_email_application_id_foreign\` foreign key(\`application_id\`) references \`application\`(\`id\`) on delete set null on update cascade, constraint \`inbound_email_in_reply_to_id_foreign\` foreign key(\`in_reply_to_id\`) references \`outbox_email\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`inbound_email_tenant_id_index\` on \`inbound_email\` (\`tenant_id\`);`);
    this.addSql(`create index \`inbound_email_candidate_id_index\` on \`inbound_email\` (\`candidate_id\`);`);
    this.addSql(
      `create index \`inbound_email_application_id_index\` on \`inbound_email\` (\`application_id\`);`,
    );
    this.addSql(
      `create index \`inbound_email_in_reply_to_id_index\` on \`inbound_email\` (\`in_reply_to_id\`);`,
    );
    this.addSql(
      `create index \`inbound_email_candidate_id_received_at_index\` on \`inbound_email\` (\`candidate_id\`, \`received_at\`);`,
    );
    this.addSql(
      `create index \`inbound_email_tenant_id_received_at_index\` on \`inbound_email\` (\`tenant_id\`, \`received_at\`);`,
    );

    this.addSql(
      `alter table \`attachment\` add column \`inbound_email_id\` text null constraint \`attachment_inbound_email_id_foreign\` references \`inbound_email\` (\`id\`) on update cascade on delete set null;`,
    );
    this.addSql(
      `create index \`attachment_inbound_email_id_index\` on \`attachment\` (\`inbound_email_id\`);`,
    );
  }
}
