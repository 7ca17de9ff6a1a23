import { Migration } from '@mikro-orm/migrations';

export class Migration20261206070924_request_received_on extends Migration {
  override async up(): Promise<void> {
    // SQLite adds a NOT NULL column only with a default; every row gets its day below, and new rows always name one.
    this.addSql(`alter table \`privacy_request\` add column \`received_on\` text not null default '';`);
    // The day (UTC) of the moment recorded so far: noon UTC of the day staff entered, or when the portal took it.
    // Dates are stored as milliseconds since the epoch; ISO text is handled too.
    this.addSql(
      `update \`privacy_request\` set \`received_on\` = case when typeof(\`received_at\`) in ('integer', 'real') then strftime('%Y-%m-%d', \`received_at\` / 1000, 'unixepoch') else substr(\`received_at\`, 1, 10) end;`,
    );
    // A portal request was verified by the emailed code; it no longer waits in "received" for a staff click.
    this.addSql(
      `update \`privacy_request\` set \`status\` = 'verified' where \`channel\` = 'portal' and \`status\` = 'received' and \`verification\` = 'verified';`,
    );
  }
}
