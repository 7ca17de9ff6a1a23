import { Migration } from '@mikro-orm/migrations';

export class Migration20261129165258_request_agent_proof_file extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`privacy_request\` add column \`agent_proof_key\` text null;`);
    this.addSql(`alter table \`privacy_request\` add column \`agent_proof_filename\` text null;`);
    this.addSql(`alter table \`privacy_request\` add column \`agent_proof_content_type\` text null;`);
    this.addSql(`alter table \`privacy_request\` add column \`agent_proof_size\` integer null;`);
  }
}
