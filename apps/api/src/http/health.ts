import type { Context } from 'hono';
import type { AppDeps } from '../deps.js';

/** Paths probed by load balancers and orchestrators: not logged per request, not rate limited, any Host. */
export const PROBE_PATHS = ['/healthz', '/readyz'];

const CHECK_TIMEOUT_MS = 3_000;

async function check(
  name: string,
  run: () => Promise<unknown>,
): Promise<{ name: string; ok: boolean; error?: string }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      run(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer in ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { name, ok: true };
  } catch (error) {
    // The error's name and a short reason only: no stack, no request details.
    const reason = error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 200) : 'failed';
    return { name, ok: false, error: reason };
  } finally {
    clearTimeout(timer);
  }
}

/** Liveness: the process answers. No I/O, so a slow database never gets a healthy instance restarted. */
export function healthz(c: Context) {
  return c.json({ status: 'ok' });
}

/**
 * Readiness: the database answers a trivial query and the file and key
 * stores are reachable. 503 with what failed, so a load balancer takes the
 * instance out of rotation until they are back.
 */
export function readyz(deps: Pick<AppDeps, 'orm' | 'files' | 'keyStore'>) {
  return async (c: Context) => {
    const checks = await Promise.all([
      check('database', () => deps.orm.em.fork().getConnection().execute('select 1')),
      check('files', () => deps.files.ping()),
      check('keys', () => deps.keyStore.ping()),
    ]);
    const failed = checks.filter((result) => !result.ok);
    const body = {
      status: failed.length ? 'unavailable' : 'ok',
      checks: Object.fromEntries(checks.map((r) => [r.name, r.ok ? 'ok' : r.error])),
      ...(failed.length ? { failed: failed.map((r) => r.name) } : {}),
    };
    c.header('Cache-Control', 'no-store');
    return c.json(body, failed.length ? 503 : 200);
  };
}
