/**
 * `pnpm audit:verify [--tenant <slug>]`: recomputes the audit hash chains
 * (one tenant's, or all) and exits with 1 when a chain is broken.
 */
import { parseArgs } from 'node:util';
import { createOrm } from '@candor/db';
import { readEnv } from '../env.js';
import { verifyAuditChainsCommand } from './audit.service.js';

const { values } = parseArgs({ options: { tenant: { type: 'string' } } });
const env = readEnv();
const orm = await createOrm(env.DATABASE_URL, { poolMax: 2 });
try {
  const { ok, lines } = await verifyAuditChainsCommand(orm.em.fork(), { tenantSlug: values.tenant });
  process.stdout.write(`${lines.join('\n')}\n`);
  process.exitCode = ok ? 0 : 1;
} finally {
  await orm.close();
}
