/**
 * `pnpm retention run [--dry-run] [--tenant <slug>]`: one retention sweep
 * (every tenant, or one), printing what each tenant's run found and did.
 * Exits with 1 when an item failed.
 */
import { parseArgs } from 'node:util';
import { createOrm } from '@candor/db';
import { setAuditSubjectKey } from '../audit/audit-subject.js';
import { dataDir, readEnv } from '../env.js';
import { loadHashKey } from '../keys/hash-key.js';
import { loadMasterKey } from '../keys/master-key.js';
import { createLogger } from '../logging/logger.js';
import { openStorage } from '../storage/open-storage.js';
import { defaultWorkerId, runRetention } from './sweep.js';

const { values, positionals } = parseArgs({
  options: { 'dry-run': { type: 'boolean', default: false }, tenant: { type: 'string' } },
  allowPositionals: true,
});
if (positionals[0] !== 'run' || positionals.length > 1) {
  process.stderr.write('usage: pnpm retention run [--dry-run] [--tenant <slug>]\n');
  process.exit(2);
}
const env = readEnv();
// Progress lines go to stderr as JSON (LOG_LEVEL), the summary to stdout.
const logger = createLogger(env.LOG_LEVEL, (line) => process.stderr.write(`${line}\n`));
const orm = await createOrm(env.DATABASE_URL, { poolMax: 4 });
// Audit pseudonyms are keyed like the server's, so the log names the same person the same way.
const masterKey = loadMasterKey({
  fromEnv: env.MASTER_KEY,
  previous: env.MASTER_KEY_PREVIOUS,
  dataDir: dataDir(env),
  logger,
});
setAuditSubjectKey(await loadHashKey(orm, masterKey));
const storage = await openStorage(env);
try {
  const started = performance.now();
  const reports = await runRetention(orm, {
    tenantSlug: values.tenant,
    dryRun: values['dry-run'],
    workerId: defaultWorkerId(':cli'),
    files: storage.files,
    keyStore: storage.keyStore,
    logger,
  });
  const lines = [
    `retention ${values['dry-run'] ? 'dry run (nothing changed)' : 'run'} in ${Math.round(performance.now() - started)} ms`,
  ];
  for (const r of reports) {
    lines.push(
      `${r.slug}: policy v${r.policyVersion}, found ${r.found}, done ${r.done}, skipped for hold ${r.skippedHold}, failed ${r.failed}`,
    );
    for (const [ruleId, c] of Object.entries(r.rules)) {
      lines.push(
        `  ${ruleId.padEnd(24)} found ${c.found}, done ${c.done}, held ${c.skippedHold}, failed ${c.failed}`,
      );
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  process.exitCode = reports.some((r) => r.failed > 0) ? 1 : 0;
} finally {
  await orm.close();
}
