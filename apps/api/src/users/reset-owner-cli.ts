/**
 * `pnpm users:reset-owner --tenant <slug> [--email <owner's address>]`:
 * prints a single-use password reset link for a tenant's owner who is locked
 * out (see reset-owner.ts for why it prints rather than emails).
 */
import { parseArgs } from 'node:util';
import { createOrm } from '@candor/db';
import { publicUrlOf, readEnv } from '../env.js';
import { resetOwnerCommand } from './reset-owner.js';

const { values } = parseArgs({ options: { tenant: { type: 'string' }, email: { type: 'string' } } });
if (!values.tenant) {
  process.stderr.write('Usage: pnpm users:reset-owner --tenant <slug> [--email <owner email>]\n');
  process.exit(2);
}
const env = readEnv();
const orm = await createOrm(env.DATABASE_URL, { poolMax: 2 });
try {
  const { ok, lines } = await resetOwnerCommand(orm.em.fork(), {
    tenantSlug: values.tenant,
    email: values.email,
    publicUrl: publicUrlOf(env),
  });
  (ok ? process.stdout : process.stderr).write(`${lines.join('\n')}\n`);
  process.exitCode = ok ? 0 : 1;
} finally {
  await orm.close();
}
