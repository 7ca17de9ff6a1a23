/**
 * Runs once per vitest run: finds out whether the PostgreSQL half of the
 * integration tests can run, and says so loudly when it cannot.
 */
import { Socket } from 'node:net';

const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1500);
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
    socket.connect(Number(port || 5432), hostname);
  });
}

export default async function setup({ provide }: { provide: (key: string, value: unknown) => void }) {
  const url = process.env.TEST_POSTGRES_URL ?? DEFAULT_ADMIN_URL;
  const ok = await reachable(url);
  if (!ok) {
    const message = `PostgreSQL is not reachable at ${new URL(url).host}: the PostgreSQL half of the integration tests is SKIPPED.`;
    if (process.env.CANDOR_REQUIRE_POSTGRES === '1')
      throw new Error(`${message} (CANDOR_REQUIRE_POSTGRES=1)`);
    console.warn(
      `\n${'!'.repeat(100)}\n!! ${message}\n!! Start PostgreSQL or set TEST_POSTGRES_URL to run it.\n${'!'.repeat(100)}\n`,
    );
  }
  provide('postgresAdminUrl', ok ? url : null);
}
