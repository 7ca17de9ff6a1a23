import { Migration } from '@mikro-orm/migrations';

export class Migration20261206070925_request_received_on extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "privacy_request" add column "received_on" varchar(10) not null default '';`);
    // The day (UTC) of the moment recorded so far: noon UTC of the day staff entered, or when the portal took it.
    this.addSql(
      `update "privacy_request" set "received_on" = to_char("received_at" at time zone 'UTC', 'YYYY-MM-DD');`,
    );
    // A portal request was verified by the emailed code; it no longer waits in "received" for a staff click.
    this.addSql(
      `update "privacy_request" set "status" = 'verified' where "channel" = 'portal' and "status" = 'received' and "verification" = 'verified';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "privacy_request" drop column "received_on";`);
  }
}
