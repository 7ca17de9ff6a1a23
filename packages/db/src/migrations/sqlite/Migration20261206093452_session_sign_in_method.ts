import { Migration } from '@mikro-orm/migrations';

export class Migration20261206093452_session_sign_in_method extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table \`tenant\` add column \`require_second_factor\` integer not null default false;`,
    );

    this.addSql(`alter table \`session\` add column \`signed_in_with\` text not null default 'password';`);
  }
}
