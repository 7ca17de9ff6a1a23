/**
 * The bench tenant's documents in the search index. A seeded tenant holds
 * 300,000 applications whose answers nobody has indexed yet; a tenant that
 * grew to that size had them indexed as they arrived. So the seeding step
 * indexes them once, in this process and at full speed (the server's own
 * indexer paces a backfill to leave half of its time to requests, and would
 * take twice as long), and before each measurement the bench waits for the
 * server's indexer to have nothing left (documents stored since).
 */
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { createOrm, type Orm } from '@candor/db';
import { buildDeps } from '../src/build-deps.js';
import { readEnv } from '../src/env.js';
import { createLogger } from '../src/logging/logger.js';
import { indexPendingDocuments } from '../src/search/document-index.js';

/** Applications and files not read yet, leaving out restricted candidates' (they wait for the restriction to lift). */
async function unreadDocuments(orm: Orm): Promise<number> {
  const knex = orm.em.getKnex();
  const count = async (table: string) => {
    const rows = (await knex(`${table} as x`)
      .join('candidate as c', 'c.id', 'x.candidate_id')
      .whereNull('x.search_indexed_at')
      .whereNull('c.restricted_at')
      .count({ n: '*' })) as Array<{ n: number | string }>;
    return Number(rows[0]?.n ?? 0);
  };
  return (await count('application')) + (await count('attachment'));
}

/** Indexes what is unread with the server's own indexer code; says how long it took, or null when nothing was left. */
export async function indexBenchDocuments(
  url: string,
  dataDir: string,
  masterKey: string,
): Promise<string | null> {
  const env = readEnv({
    ...process.env,
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    DATABASE_URL: url,
    MASTER_KEY: masterKey,
    APP_ORIGIN: 'http://localhost',
    LOG_LEVEL: 'error',
  });
  const orm = await createOrm(url);
  try {
    const first = await unreadDocuments(orm);
    if (first === 0) return null;
    const deps = await buildDeps(env, orm, createLogger('error'));
    const started = performance.now();
    let read = 0;
    let told = started;
    for (
      let n = await indexPendingDocuments(orm, deps, 500);
      n > 0;
      n = await indexPendingDocuments(orm, deps, 500)
    ) {
      read += n;
      if (performance.now() - told > 30_000) {
        told = performance.now();
        console.error(
          `  indexing the bench tenant's documents: ${read.toLocaleString('en')} of ${first.toLocaleString('en')}`,
        );
      }
    }
    return `documents indexed in ${((performance.now() - started) / 1000).toFixed(0)} s`;
  } finally {
    await orm.close();
  }
}

/**
 * Waits while the server's search indexer reads documents it has not read
 * yet (all of them on a fresh seed, or after an upgrade): the views are
 * measured as they are every other day, and the backfill's own pace is a
 * figure worth knowing. A build from before the mark existed has nothing to wait for.
 */
export async function searchIndexBackfilled(label: string, url: string): Promise<void> {
  const orm = await createOrm(url);
  try {
    const unread = () => unreadDocuments(orm);
    const first = await unread().catch(() => 0);
    if (first === 0) return;
    const started = performance.now();
    for (let left = first; left > 0; left = await unread()) {
      const seconds = (performance.now() - started) / 1000;
      const pace = seconds > 0 ? ` (${((first - left) / seconds).toFixed(0)} documents/s)` : '';
      console.error(
        `  ${label}: search index backfill, ${left.toLocaleString('en')} documents to read${pace}`,
      );
      await sleep(30_000);
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${label}: the search indexer read ${first.toLocaleString('en')} documents in ${seconds.toFixed(0)} s (${(first / seconds).toFixed(0)}/s) before measuring\n`,
    );
  } finally {
    await orm.close();
  }
}
