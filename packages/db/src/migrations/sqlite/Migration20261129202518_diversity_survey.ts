import { Migration } from '@mikro-orm/migrations';

export class Migration20261129202518_diversity_survey extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`diversity_response\` (\`id\` text not null, \`tenant_id\` text not null, \`candidate_id\` text not null, \`application_id\` text not null, \`template\` text not null, \`gender\` text null, \`ethnicity\` text null, \`age_band\` text null, \`disability\` text null, \`veteran_status\` text null, \`sexual_orientation\` text null, \`answered_at\` datetime not null, constraint \`diversity_response_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, constraint \`diversity_response_candidate_id_foreign\` foreign key(\`candidate_id\`) references \`candidate\`(\`id\`) on update cascade, constraint \`diversity_response_application_id_foreign\` foreign key(\`application_id\`) references \`application\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`diversity_response_tenant_id_index\` on \`diversity_response\` (\`tenant_id\`);`,
    );
    this.addSql(
      `create index \`diversity_response_application_id_index\` on \`diversity_response\` (\`application_id\`);`,
    );
    this.addSql(
      `create index \`diversity_response_candidate_id_index\` on \`diversity_response\` (\`candidate_id\`);`,
    );
    this.addSql(
      `create index \`diversity_response_tenant_id_answered_at_index\` on \`diversity_response\` (\`tenant_id\`, \`answered_at\`);`,
    );
    this.addSql(
      `create unique index \`diversity_response_application_id_unique\` on \`diversity_response\` (\`application_id\`);`,
    );

    this.addSql(`alter table \`tenant\` add column \`diversity_settings\` json null;`);
  }
}
