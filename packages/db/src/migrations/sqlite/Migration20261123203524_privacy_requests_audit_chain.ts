import { Migration } from '@mikro-orm/migrations';

export class Migration20261123203524_privacy_requests_audit_chain extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`audit_chain_head\` (\`id\` text not null, \`seq\` integer not null, \`hash\` text not null, primary key (\`id\`));`,
    );

    this.addSql(
      `create table \`portal_session\` (\`id\` text not null, \`tenant_id\` text not null, \`email\` text not null, \`expires_at\` datetime not null, \`created_at\` datetime not null, constraint \`portal_session_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`portal_session_tenant_id_index\` on \`portal_session\` (\`tenant_id\`);`);

    this.addSql(
      `create table \`portal_code\` (\`id\` text not null, \`tenant_id\` text not null, \`email_hash\` text not null, \`code_hash\` text not null, \`attempts\` integer not null default 0, \`expires_at\` datetime not null, \`used_at\` datetime null, \`created_at\` datetime not null, constraint \`portal_code_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`portal_code_tenant_id_index\` on \`portal_code\` (\`tenant_id\`);`);
    this.addSql(
      `create index \`portal_code_tenant_id_email_hash_created_at_index\` on \`portal_code\` (\`tenant_id\`, \`email_hash\`, \`created_at\`);`,
    );

    this.addSql(
      `create table \`privacy_request\` (\`id\` text not null, \`tenant_id\` text not null, \`candidate_id\` text null, \`type\` text not null, \`channel\` text not null, \`requester_name\` text null, \`requester_email\` text not null, \`agent_name\` text null, \`agent_proof\` text null, \`details\` text not null default '', \`country\` text null, \`jurisdiction\` text not null, \`verification\` text not null default 'unverified', \`status\` text not null default 'received', \`received_at\` datetime not null, \`due_on\` text not null, \`extended_at\` datetime null, \`extension_reason\` text null, \`acknowledged_at\` datetime null, \`assignee_id\` text null, \`refusal_reason\` text null, \`answer\` text null, \`actions\` json not null, \`last_error\` text null, \`completed_at\` datetime null, constraint \`privacy_request_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, constraint \`privacy_request_candidate_id_foreign\` foreign key(\`candidate_id\`) references \`candidate\`(\`id\`) on delete set null on update cascade, constraint \`privacy_request_assignee_id_foreign\` foreign key(\`assignee_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`privacy_request_tenant_id_index\` on \`privacy_request\` (\`tenant_id\`);`);
    this.addSql(
      `create index \`privacy_request_candidate_id_index\` on \`privacy_request\` (\`candidate_id\`);`,
    );
    this.addSql(
      `create index \`privacy_request_assignee_id_index\` on \`privacy_request\` (\`assignee_id\`);`,
    );
    this.addSql(
      `create index \`privacy_request_tenant_id_status_due_on_index\` on \`privacy_request\` (\`tenant_id\`, \`status\`, \`due_on\`);`,
    );
    this.addSql(
      `create index \`privacy_request_tenant_id_received_at_id_index\` on \`privacy_request\` (\`tenant_id\`, \`received_at\`, \`id\`);`,
    );

    this.addSql(
      `create table \`privacy_request_note\` (\`id\` text not null, \`tenant_id\` text not null, \`request_id\` text not null, \`author_id\` text null, \`body\` text not null, \`created_at\` datetime not null, constraint \`privacy_request_note_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, constraint \`privacy_request_note_request_id_foreign\` foreign key(\`request_id\`) references \`privacy_request\`(\`id\`) on delete cascade on update cascade, constraint \`privacy_request_note_author_id_foreign\` foreign key(\`author_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`privacy_request_note_tenant_id_index\` on \`privacy_request_note\` (\`tenant_id\`);`,
    );
    this.addSql(
      `create index \`privacy_request_note_request_id_index\` on \`privacy_request_note\` (\`request_id\`);`,
    );
    this.addSql(
      `create index \`privacy_request_note_author_id_index\` on \`privacy_request_note\` (\`author_id\`);`,
    );
    this.addSql(
      `create index \`privacy_request_note_request_id_created_at_index\` on \`privacy_request_note\` (\`request_id\`, \`created_at\`);`,
    );

    this.addSql(`alter table \`candidate\` add column \`restricted_at\` datetime null;`);

    this.addSql(`alter table \`audit_event\` add column \`subject_ref\` text null;`);
    this.addSql(`alter table \`audit_event\` add column \`chain\` text null;`);
    this.addSql(`alter table \`audit_event\` add column \`seq\` integer null;`);
    this.addSql(`alter table \`audit_event\` add column \`prev_hash\` text null;`);
    this.addSql(`alter table \`audit_event\` add column \`hash\` text null;`);
    this.addSql(`create index \`audit_event_chain_seq_index\` on \`audit_event\` (\`chain\`, \`seq\`);`);
    this.addSql(`create index \`audit_event_subject_ref_index\` on \`audit_event\` (\`subject_ref\`);`);
    this.addSql(
      `create unique index \`audit_event_chain_seq_unique\` on \`audit_event\` (\`chain\`, \`seq\`);`,
    );
  }
}
