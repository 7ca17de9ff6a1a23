import { Migration } from '@mikro-orm/migrations';

export class Migration20261129230922_agent_proof_sealed extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`privacy_request\` add column \`agent_proof_sealed_with\` text null;`);
  }
}
