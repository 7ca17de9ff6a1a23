import { Migration } from '@mikro-orm/migrations';

export class Migration20261129165259_request_agent_proof_file extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "privacy_request" add column "agent_proof_key" varchar(80) null, add column "agent_proof_filename" varchar(200) null, add column "agent_proof_content_type" varchar(100) null, add column "agent_proof_size" int null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "privacy_request" drop column "agent_proof_key", drop column "agent_proof_filename", drop column "agent_proof_content_type", drop column "agent_proof_size";`,
    );
  }
}
