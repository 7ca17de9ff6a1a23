import { Migration } from '@mikro-orm/migrations';

export class Migration20261207073444_candidate_profile extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`candidate_profile\` (\`id\` text not null, \`tenant_id\` text not null, \`candidate_id\` text not null, \`education\` json not null, \`work_history\` json not null, \`right_to_work\` json not null, \`salary_expectation\` json null, \`updated_at\` datetime not null, \`updated_by_id\` text null, constraint \`candidate_profile_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, constraint \`candidate_profile_candidate_id_foreign\` foreign key(\`candidate_id\`) references \`candidate\`(\`id\`) on update cascade, constraint \`candidate_profile_updated_by_id_foreign\` foreign key(\`updated_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`candidate_profile_tenant_id_index\` on \`candidate_profile\` (\`tenant_id\`);`,
    );
    this.addSql(
      `create index \`candidate_profile_candidate_id_index\` on \`candidate_profile\` (\`candidate_id\`);`,
    );
    this.addSql(
      `create index \`candidate_profile_updated_by_id_index\` on \`candidate_profile\` (\`updated_by_id\`);`,
    );
    this.addSql(
      `create unique index \`candidate_profile_candidate_id_unique\` on \`candidate_profile\` (\`candidate_id\`);`,
    );
  }
}
