import { Migration } from '@mikro-orm/migrations';

export class Migration20261207131332_webhooks extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`webhook_subscription\` (\`id\` text not null, \`tenant_id\` text not null, \`name\` text not null, \`url\` text not null, \`events\` json not null, \`scopes\` json not null, \`secret_wrapped\` text not null, \`active\` integer not null default true, \`created_by_id\` text null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`webhook_subscription_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, constraint \`webhook_subscription_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`webhook_subscription_tenant_id_index\` on \`webhook_subscription\` (\`tenant_id\`);`,
    );
    this.addSql(
      `create index \`webhook_subscription_created_by_id_index\` on \`webhook_subscription\` (\`created_by_id\`);`,
    );
    this.addSql(
      `create index \`webhook_subscription_tenant_id_active_index\` on \`webhook_subscription\` (\`tenant_id\`, \`active\`);`,
    );

    this.addSql(
      `create table \`webhook_delivery\` (\`id\` text not null, \`tenant_id\` text not null, \`subscription_id\` text not null, \`candidate_id\` text null, \`application_id\` text null, \`event\` text not null, \`event_id\` text not null, \`payload\` json not null, \`categories\` json not null, \`status\` text not null default 'pending', \`attempts\` integer not null default 0, \`next_attempt_at\` datetime not null, \`last_http_status\` integer null, \`last_error\` text null, \`delivered_at\` datetime null, \`created_at\` datetime not null, constraint \`webhook_delivery_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, constraint \`webhook_delivery_subscription_id_foreign\` foreign key(\`subscription_id\`) references \`webhook_subscription\`(\`id\`) on delete cascade on update cascade, constraint \`webhook_delivery_candidate_id_foreign\` foreign key(\`candidate_id\`) references \`candidate\`(\`id\`) on delete cascade on update cascade, constraint \`webhook_delivery_application_id_foreign\` foreign key(\`application_id\`) references \`application\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`webhook_delivery_tenant_id_index\` on \`webhook_delivery\` (\`tenant_id\`);`);
    this.addSql(
      `create index \`webhook_delivery_subscription_id_index\` on \`webhook_delivery\` (\`subscription_id\`);`,
    );
    this.addSql(
      `create index \`webhook_delivery_status_next_attempt_at_index\` on \`webhook_delivery\` (\`status\`, \`next_attempt_at\`);`,
    );
    this.addSql(
      `create index \`webhook_delivery_subscription_id_created_at_index\` on \`webhook_delivery\` (\`subscription_id\`, \`created_at\`);`,
    );
    this.addSql(
      `create index \`webhook_delivery_candidate_id_index\` on \`webhook_delivery\` (\`candidate_id\`);`,
    );
    this.addSql(
      `create index \`webhook_delivery_application_id_index\` on \`webhook_delivery\` (\`application_id\`);`,
    );
  }
}
