import { Migration } from '@mikro-orm/migrations';

export class Migration20261123211324_legal_holds extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`legal_hold\` (\`id\` text not null, \`tenant_id\` text not null, \`candidate_id\` text not null, \`application_id\` text null, \`reason\` text not null, \`ends_on\` text null, \`placed_by_id\` text null, \`placed_at\` datetime not null, \`released_by_id\` text null, \`released_at\` datetime null, constraint \`legal_hold_tenant_id_foreign\` foreign key(\`tenant_id\`) references \`tenant\`(\`id\`) on update cascade, constraint \`legal_hold_candidate_id_foreign\` foreign key(\`candidate_id\`) references \`candidate\`(\`id\`) on update cascade, constraint \`legal_hold_application_id_foreign\` foreign key(\`application_id\`) references \`application\`(\`id\`) on delete set null on update cascade, constraint \`legal_hold_placed_by_id_foreign\` foreign key(\`placed_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, constraint \`legal_hold_released_by_id_foreign\` foreign key(\`released_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`legal_hold_tenant_id_index\` on \`legal_hold\` (\`tenant_id\`);`);
    this.addSql(`create index \`legal_hold_candidate_id_index\` on \`legal_hold\` (\`candidate_id\`);`);
    this.addSql(`create index \`legal_hold_application_id_index\` on \`legal_hold\` (\`application_id\`);`);
    this.addSql(`create index \`legal_hold_placed_by_id_index\` on \`legal_hold\` (\`placed_by_id\`);`);
    this.addSql(`create index \`legal_hold_released_by_id_index\` on \`legal_hold\` (\`released_by_id\`);`);
    this.addSql(
      `create index \`legal_hold_tenant_id_released_at_index\` on \`legal_hold\` (\`tenant_id\`, \`released_at\`);`,
    );
  }
}
