import { Migration } from '@mikro-orm/migrations';

export class Migration20261122032344_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`tenant\` (\`id\` text not null, \`slug\` text not null, \`name\` text not null, \`primary_color\` text not null default '#1f6feb', \`about\` text not null default '', \`created_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(`create unique index \`tenant_slug_unique\` on \`tenant\` (\`slug\`);`);

    this.addSql(
      `create table \`outbox_email\` (\`id\` text not null, \`tenant_id\` text null, \`to\` text not null, \`subject\` text not null, \`text\` text not null, \`html\` text null, \`template\` text not null, \`status\` text not null default 'pending', \`attempts\` integer not null default 0, \`next_attempt_at\` datetime not null, \`last_error\` text null, \`created_at\` datetime not null, \`sent_at\` datetime null, constraint \`outbox_email_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`outbox_email_tenant_id_index\` on \`outbox_email\` (\`tenant_id\`);`);
    this.addSql(
      `create index \`outbox_email_status_next_attempt_at_index\` on \`outbox_email\` (\`status\`, \`next_attempt_at\`);`,
    );

    this.addSql(
      `create table \`audit_event\` (\`id\` text not null, \`tenant_id\` text null, \`actor_id\` text null, \`action\` text not null, \`target_type\` text not null, \`target_id\` text null, \`request_id\` text null, \`at\` datetime not null, constraint \`audit_event_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`audit_event_tenant_id_index\` on \`audit_event\` (\`tenant_id\`);`);
    this.addSql(
      `create index \`audit_event_tenant_id_at_index\` on \`audit_event\` (\`tenant_id\`, \`at\`);`,
    );

    this.addSql(
      `create table \`user\` (\`id\` text not null, \`email\` text not null, \`name\` text not null, \`password_hash\` text null, \`created_at\` datetime not null, \`last_sign_in_at\` datetime null, primary key (\`id\`));`,
    );
    this.addSql(`create unique index \`user_email_unique\` on \`user\` (\`email\`);`);

    this.addSql(
      `create table \`session\` (\`id\` text not null, \`user_id\` text not null, \`active_tenant_id\` text not null, \`expires_at\` datetime not null, \`created_at\` datetime not null, constraint \`session_user_id_foreign\` foreign key(\`user_id\`) references \`user\`(\`id\`) on update cascade, constraint \`session_active_tenant_id_foreign\` foreign key(\`active_tenant_id\`) references \`tenant\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`session_user_id_index\` on \`session\` (\`user_id\`);`);
    this.addSql(`create index \`session_active_tenant_id_index\` on \`session\` (\`active_tenant_id\`);`);

    this.addSql(
      `create table \`password_token\` (\`id\` text not null, \`token_hash\` text not null, \`user_id\` text not null, \`purpose\` text not null, \`expires_at\` datetime not null, \`used_at\` datetime null, \`created_at\` datetime not null, constraint \`password_token_user_id_foreign\` foreign key(\`user_id\`) references \`user\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create unique index \`password_token_token_hash_unique\` on \`password_token\` (\`token_hash\`);`,
    );
    this.addSql(`create index \`password_token_user_id_index\` on \`password_token\` (\`user_id\`);`);

    this.addSql(
      `create table \`membership\` (\`id\` text not null, \`tenant_id\` text not null, \`user_id\` text not null, \`role\` text not null, \`status\` text not null, \`created_at\` datetime not null, constraint \`membership_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, constraint \`membership_user_id_foreign\` foreign key(\`user_id\`) references \`user\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`membership_tenant_id_index\` on \`membership\` (\`tenant_id\`);`);
    this.addSql(`create index \`membership_user_id_index\` on \`membership\` (\`user_id\`);`);
    this.addSql(
      `create unique index \`membership_tenant_id_user_id_unique\` on \`membership\` (\`tenant_id\`, \`user_id\`);`,
    );
  }
}
