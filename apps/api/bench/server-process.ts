/**
 * A real Candor server in a child process, for the benches that measure what
 * a client can make the server do: the bench knows its PID, so it can read
 * the server's own memory and CPU from /proc while it talks to it over HTTP.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export type ServerProcess = {
  base: string;
  port: number;
  pid: number;
  child: ChildProcess;
  stop(): Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Starts `node <args>` in `cwd` with `env` (which must set PORT to `port`)
 * and waits until /healthz answers. The server's stdout (its banner and
 * logs) goes to `logFile` or nowhere; its stderr shows, so a crash explains itself.
 */
export async function startServer(options: {
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  port: number;
  /** Where the server's stdout (banner and log lines) goes; dropped when absent. */
  logFile?: string;
}): Promise<ServerProcess> {
  const stdout = options.logFile ? openSync(options.logFile, 'a') : 'ignore';
  const child = spawn(process.execPath, options.args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', stdout, 'inherit'],
  });
  if (typeof stdout === 'number') closeSync(stdout);
  const base = `http://localhost:${options.port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  };
  try {
    await waitUntilUp(base, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, port: options.port, pid: child.pid ?? 0, child, stop };
}

/** /healthz answers whatever the Host, so this works for a server whose APP_ORIGIN is elsewhere too. */
async function waitUntilUp(base: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 3000; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start within 300 s');
}

function statusKilobytes(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) : Number.NaN;
}

/** The process's resident memory now, in MB. */
export function rssMegabytes(pid: number): number {
  return Math.round(statusKilobytes(pid, 'VmRSS') / 1024);
}

/** The highest resident memory the process ever had, in MB (the kernel's own peak, missed by no sampling). */
export function peakRssMegabytes(pid: number): number {
  return Math.round(statusKilobytes(pid, 'VmHWM') / 1024);
}

/** CPU time (user + system) the process has used so far, in seconds; /proc/<pid>/stat counts clock ticks of 1/100 s. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces: state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Samples the process's RSS every 20 ms until stopped, for the peak during one step (VmHWM only ever grows). */
export function sampleRss(pid: number): { stop(): number } {
  let peak = rssMegabytes(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMegabytes(pid));
  }, 20);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, rssMegabytes(pid));
    },
  };
}

/**
 * The slowest /healthz answer while `until` is pending (how long the server
 * stalled everyone else), and how many health checks failed outright.
 */
export async function slowestHealthCheck(
  base: string,
  until: Promise<unknown>,
): Promise<{ slowestMs: number; failed: number }> {
  let done = false;
  const finish = () => {
    done = true;
  };
  void until.then(finish, finish);
  let slowest = 0;
  let failed = 0;
  while (!done) {
    const started = performance.now();
    await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(30_000) })
      .then((r) => r.arrayBuffer())
      .catch(() => failed++);
    slowest = Math.max(slowest, performance.now() - started);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { slowestMs: Math.round(slowest), failed };
}

/** "slowest /healthz 12 ms" plus failures, for a table cell. */
export function describeStall(stall: { slowestMs: number; failed: number }): string {
  return `slowest /healthz ${stall.slowestMs} ms${stall.failed ? ` (${stall.failed} failed)` : ''}`;
}
