import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real Radicale (Debian's `radicale` package) for CalDAV tests, on a free
 * port with its own config, plain htpasswd users and a temporary storage
 * folder. Without the program the tests skip, except where
 * CANDOR_REQUIRE_RADICALE is set (CI), where they fail.
 */
export interface Radicale {
  url: string;
  /** Adds a user with a calendar at `<url>/<user>/calendar/`; returns its URL. */
  addUser(user: string, password: string): Promise<string>;
  /** Puts a busy event straight into a user's calendar, as their own calendar app would. */
  putEvent(
    user: string,
    password: string,
    event: { uid: string; start: Date; end: Date; summary?: string },
  ): Promise<void>;
  /** The events a user's calendar holds (raw iCalendar per object). */
  eventsOf(user: string, password: string): Promise<string[]>;
  stop(): Promise<void>;
}

export function radicaleInstalled(): boolean {
  try {
    execFileSync('radicale', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    if (process.env.CANDOR_REQUIRE_RADICALE)
      throw new Error(
        'Radicale is required (CANDOR_REQUIRE_RADICALE) and not installed: apt-get install radicale',
      );
    return false;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function utc(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export async function startRadicale(): Promise<Radicale> {
  const dir = mkdtempSync(join(tmpdir(), 'candor-radicale-'));
  const port = await freePort();
  const users: string[] = [];
  const writeUsers = () => writeFileSync(join(dir, 'users'), `${users.join('\n')}\n`);
  writeUsers();
  writeFileSync(
    join(dir, 'config'),
    [
      '[server]',
      `hosts = 127.0.0.1:${port}`,
      '[auth]',
      'type = htpasswd',
      `htpasswd_filename = ${join(dir, 'users')}`,
      'htpasswd_encryption = plain',
      '[rights]',
      'type = owner_only',
      '[storage]',
      `filesystem_folder = ${join(dir, 'collections')}`,
      '[web]',
      'type = none',
      '[logging]',
      'level = warning',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn('radicale', ['--config', join(dir, 'config')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Radicale exited: ${stderr}`);
    const up = await fetch(`${url}/`, { method: 'OPTIONS' }).then(
      () => true,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error(`Radicale did not start: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const auth = (user: string, password: string) => ({
    Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
  });
  return {
    url,
    async addUser(user, password) {
      users.push(`${user}:${password}`);
      writeUsers();
      const calendar = `${url}/${user}/calendar/`;
      // The principal collection is made on first access; then the calendar inside it.
      await fetch(`${url}/${user}/`, {
        method: 'PROPFIND',
        headers: { ...auth(user, password), Depth: '0' },
      });
      const res = await fetch(calendar, {
        method: 'MKCALENDAR',
        headers: { ...auth(user, password), 'Content-Type': 'application/xml' },
        body: `<?xml version="1.0" encoding="utf-8"?><C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop><D:displayname>Work</D:displayname><C:supported-calendar-component-set><C:comp name="VEVENT"/></C:supported-calendar-component-set></D:prop></D:set></C:mkcalendar>`,
      });
      if (res.status !== 201) throw new Error(`MKCALENDAR failed: ${res.status} ${await res.text()}`);
      return calendar;
    },
    async putEvent(user, password, event) {
      const body = [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Test//Own calendar//EN',
        'BEGIN:VEVENT',
        `UID:${event.uid}`,
        `DTSTAMP:${utc(new Date())}`,
        `DTSTART:${utc(event.start)}`,
        `DTEND:${utc(event.end)}`,
        `SUMMARY:${event.summary ?? 'Busy'}`,
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n');
      const res = await fetch(`${url}/${user}/calendar/${event.uid}.ics`, {
        method: 'PUT',
        headers: { ...auth(user, password), 'Content-Type': 'text/calendar; charset=utf-8' },
        body,
      });
      if (res.status >= 300) throw new Error(`PUT failed: ${res.status}`);
    },
    async eventsOf(user, password) {
      const res = await fetch(`${url}/${user}/calendar/`, {
        method: 'REPORT',
        headers: { ...auth(user, password), Depth: '1', 'Content-Type': 'application/xml' },
        body: `<?xml version="1.0" encoding="utf-8"?><C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:prop><C:calendar-data/></D:prop><C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT"/></C:comp-filter></C:filter></C:calendar-query>`,
      });
      const xml = await res.text();
      return [...xml.matchAll(/BEGIN:VCALENDAR[\s\S]*?END:VCALENDAR/g)].map((m) =>
        m[0].replace(/&#13;/g, '').replace(/\r?\n /g, ''),
      );
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
