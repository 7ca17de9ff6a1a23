import { Migration } from '@mikro-orm/migrations';

export class Migration20261206175808_notifications extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`notification\` (\`id\` text not null, \`tenant_id\` text not null, \`user_id\` text not null, \`actor_id\` text null, \`candidate_id\` text null, \`application_id\` text null, \`kind\` text not null, \`text\` text not null, \`blind_text\` text null, \`link\` text not null, \`event_key\` text null, \`read_at\` datetime null, \`emailed_at\` datetime null, \`created_at\` datetime not null, constraint \`notification_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, constraint \`notification_user_id_foreign\` foreign key(\`user_id\`) references \`user\`(\`id\`) on delete cascade on update cascade, constraint \`notification_actor_id_foreign\` foreign key(\`actor_id\`) references \`user\`(\`id\`) on delete set null on update cascade, constraint \`notification_candidate_id_foreign\` foreign key(\`candidate_id\`) references \`candidate\`(\`id\`) on delete cascade on update cascade, constraint \`notification_application_id_foreign\` foreign key(\`application_id\`) references \`application\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`notification_tenant_id_index\` on \`notification\` (\`tenant_id\`);`);
    this.addSql(`create index \`notification_user_id_index\` on \`notification\` (\`user_id\`);`);
    this.addSql(`create index \`notification_actor_id_index\` on \`notification\` (\`actor_id\`);`);
    this.addSql(
      `create index \`notification_user_id_tenant_id_created_at_id_index\` on \`notification\` (\`user_id\`, \`tenant_id\`, \`created_at\`, \`id\`);`,
    );
    this.addSql(
      `create index \`notification_user_id_tenant_id_read_at_index\` on \`notification\` (\`user_id\`, \`tenant_id\`, \`read_at\`);`,
    );
    this.addSql(`create index \`notification_candidate_id_index\` on \`notification\` (\`candidate_id\`);`);
    this.addSql(
      `create index \`notification_application_id_index\` on \`notification\` (\`application_id\`);`,
    );
    this.addSql(
      `create unique index \`notification_tenant_id_user_id_event_key_unique\` on \`notification\` (\`tenant_id\`, \`user_id\`, \`event_key\`);`,
    );

    this.addSql(
      `alter table \`membership\` add column \`notification_email\` text not null default 'digest';`,
    );
    this.addSql(`alter table \`membership\` add column \`digest_sent_at\` datetime null;`);
  }
}
