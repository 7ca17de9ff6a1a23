/**
 * `pnpm tenants:create --name <name> --slug <slug> --owner-email <address> --owner-name <name>`:
 * a new organisation with its first owner invited; prints the invitation link
 * (see create-tenant.ts).
 */
import { parseArgs } from 'node:util';
import { createOrm, migrate } from '@candor/db';
import { publicUrlOf, readEnv } from '../env.js';
import { createTenantCommand } from './create-tenant.js';

const { values } = parseArgs({
  options: {
    name: { type: 'string' },
    slug: { type: 'string' },
    'owner-email': { type: 'string' },
    'owner-name': { type: 'string' },
  },
});
const env = readEnv();
const orm = await createOrm(env.DATABASE_URL, { poolMax: 2 });
try {
  // An empty database gets its tables first, as the server would make them.
  await migrate(orm);
  const { ok, lines } = await createTenantCommand(
    orm.em.fork(),
    {
      name: values.name,
      slug: values.slug,
      ownerEmail: values['owner-email'],
      ownerName: values['owner-name'],
    },
    publicUrlOf(env),
  );
  if (!ok)
    lines.push(
      '',
      'Usage: pnpm tenants:create --name <name> --slug <slug> --owner-email <address> --owner-name <name>',
    );
  (ok ? process.stdout : process.stderr).write(`${lines.join('\n')}\n`);
  process.exitCode = ok ? 0 : 1;
} finally {
  await orm.close();
}
