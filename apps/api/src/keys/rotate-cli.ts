/**
 * `pnpm keys:rotate --tenant <slug> | --all`: a new tenant key, every
 * candidate key file of the tenant re-wrapped under it, the old key retired.
 * `pnpm keys:rotate-master`: every key stored under the master key re-wrapped
 * under NEW_MASTER_KEY (or a key generated into DATA_DIR/master.key.new);
 * then put the new key in MASTER_KEY and restart. Both run while the API
 * runs; see docs/keys.md.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createOrm, TENANT_FILTER, Tenant } from '@candor/db';
import { dataDir, readEnv } from '../env.js';
import { createLogger } from '../logging/logger.js';
import { openStorage } from '../storage/open-storage.js';
import { decodeMasterKey, loadMasterKey } from './master-key.js';
import { rotateMasterKey, rotateTenantKey } from './rotation.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { tenant: { type: 'string' }, all: { type: 'boolean', default: false } },
});
const command = positionals[0];
const env = readEnv();
const logger = createLogger(env.LOG_LEVEL);
const masterKey = loadMasterKey({
  fromEnv: env.MASTER_KEY,
  previous: env.MASTER_KEY_PREVIOUS,
  dataDir: dataDir(env),
  logger,
});

function newMasterKey(): { key: Buffer; where: string } {
  if (env.NEW_MASTER_KEY)
    return { key: decodeMasterKey(env.NEW_MASTER_KEY, 'NEW_MASTER_KEY'), where: 'NEW_MASTER_KEY' };
  const file = join(dataDir(env), 'master.key.new');
  // Kept when it exists: a repeated run (after a failure) must re-wrap under the same key.
  if (!existsSync(file))
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  return { key: decodeMasterKey(readFileSync(file, 'utf8'), file), where: file };
}

const orm = await createOrm(env.DATABASE_URL, { poolMax: 2 });
const lines: string[] = [];
try {
  const em = orm.em.fork();
  if (command === 'rotate') {
    if (!values.all && !values.tenant) throw new Error('usage: keys:rotate --tenant <slug> | --all');
    const tenants = await em.find(Tenant, values.all ? {} : { slug: values.tenant ?? '' }, {
      filters: { [TENANT_FILTER]: false },
      orderBy: { slug: 'asc' },
    });
    if (tenants.length === 0 && !values.all) throw new Error(`no tenant with the slug ${values.tenant}`);
    const storage = await openStorage(env);
    const keys = {
      masterKey,
      keyStore: storage.keyStore,
      files: storage.files,
    };
    for (const tenant of tenants) {
      const r = await rotateTenantKey(em.fork(), keys, tenant.id);
      lines.push(
        `${tenant.slug}: new key ${r.newKeyId}, ${r.rewrapped} candidate keys re-wrapped, ${r.resealedProofs} agent proofs re-sealed, ${r.retired} retired, ${r.deleted} unused retired keys deleted`,
      );
    }
  } else if (command === 'rotate-master') {
    const next = newMasterKey();
    const r = await rotateMasterKey(em, masterKey, next.key);
    lines.push(
      `re-wrapped ${r.tenantKeys} tenant keys and ${r.signingKeys} signing keys under the new master key (${r.alreadyRotated} were already)`,
      `now: put the key from ${next.where} in MASTER_KEY (or replace ${join(dataDir(env), 'master.key')}) and restart every instance`,
    );
  } else {
    throw new Error('usage: keys-cli rotate (--tenant <slug> | --all) | rotate-master');
  }
  process.stdout.write(`${lines.join('\n')}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await orm.close();
}
