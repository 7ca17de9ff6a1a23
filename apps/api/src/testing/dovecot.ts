import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/**
 * A real Dovecot IMAP server (Debian's `dovecot-imapd`) for the IMAP poller's
 * tests: its own configuration on a free port, plain-text passwd-file users,
 * maildirs in a temporary folder, no TLS. Run as root (CI) it uses the
 * package's unprivileged users; run as anyone else, that user. Without the
 * program the tests skip, except where CANDOR_REQUIRE_DOVECOT is set (CI).
 */
export interface Dovecot {
  host: string;
  port: number;
  stop(): Promise<void>;
}

const DOVECOT = '/usr/sbin/dovecot';

export function dovecotInstalled(): boolean {
  try {
    execFileSync(DOVECOT, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    if (process.env.CANDOR_REQUIRE_DOVECOT)
      throw new Error(
        'Dovecot is required (CANDOR_REQUIRE_DOVECOT) and not installed: apt-get install dovecot-imapd',
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

async function listening(port: number): Promise<boolean> {
  const { connect } = await import('node:net');
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('data', (chunk) => {
      socket.destroy();
      resolve(String(chunk).startsWith('* OK'));
    });
    socket.once('error', () => resolve(false));
  });
}

/** Starts Dovecot with one user per `users` entry (name -> password). */
export async function startDovecot(users: Record<string, string>): Promise<Dovecot> {
  const dir = mkdtempSync(join(tmpdir(), 'candor-dovecot-'));
  // The mail processes run as an unprivileged user, who must reach the maildirs.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const root = process.getuid?.() === 0;
  const me = userInfo();
  const home = join(dir, 'home');
  mkdirSync(home);
  if (root) chownSync(home, 65534, 65534);
  writeFileSync(
    join(dir, 'users'),
    Object.entries(users)
      .map(([user, password]) => `${user}:{PLAIN}${password}`)
      .join('\n'),
  );
  const conf = join(dir, 'dovecot.conf');
  writeFileSync(
    conf,
    [
      'protocols = imap',
      'listen = 127.0.0.1',
      `base_dir = ${join(dir, 'run')}`,
      `state_dir = ${join(dir, 'state')}`,
      `log_path = ${join(dir, 'dovecot.log')}`,
      'ssl = no',
      'disable_plaintext_auth = no',
      'auth_mechanisms = plain login',
      root ? 'default_login_user = dovenull' : `default_login_user = ${me.username}`,
      root ? 'default_internal_user = dovecot' : `default_internal_user = ${me.username}`,
      'passdb {',
      '  driver = passwd-file',
      `  args = scheme=PLAIN username_format=%u ${join(dir, 'users')}`,
      '}',
      'userdb {',
      '  driver = static',
      `  args = uid=${root ? 65534 : me.uid} gid=${root ? 65534 : me.gid} home=${home}/%u`,
      '}',
      'mail_location = maildir:~/Maildir',
      'namespace inbox {',
      '  inbox = yes',
      '  mailbox Processed {',
      '    auto = create',
      '  }',
      '}',
      'service imap-login {',
      ...(root ? [] : ['  chroot =']),
      '  inet_listener imap {',
      '    address = 127.0.0.1',
      `    port = ${port}`,
      '  }',
      '  inet_listener imaps {',
      '    port = 0',
      '  }',
      '}',
      ...(root ? [] : ['service anvil {', '  chroot =', '}']),
      '',
    ].join('\n'),
  );
  for (const sub of ['run', 'state']) mkdirSync(join(dir, sub));
  const child: ChildProcess = spawn(DOVECOT, ['-F', '-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Dovecot exited: ${stderr}`);
    if (await listening(port)) break;
    if (Date.now() > deadline) throw new Error(`Dovecot did not start: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    host: '127.0.0.1',
    port,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
