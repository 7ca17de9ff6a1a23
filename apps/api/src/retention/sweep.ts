import { hostname } from 'node:os';
import { type Orm, ormDialectOfEm, RetentionRun, TENANT_FILTER, Tenant } from '@candor/db';
import type { TRetentionCounts } from '@candor/schemas';
import { eraseExpiredChecks } from '../background-checks/background-checks.service.js';
import { errorFields } from '../logging/logger.js';
import { tenantChanged } from '../trpc/tenant-changes.js';
import { countAuditDue, pruneAudit } from './audit-pruning.js';
import { eachDue } from './find-due.js';
import { sweepLeftoversLogged } from './leftovers.js';
import { sumCounts, zeroCounts } from './retention-counts.js';
import { holdsOf, keptByHold } from './retention-holds.js';
import { currentRetentionPolicy } from './retention-policy.service.js';
import { SearchIndexPurger } from './search-index-purger.js';
import {
  ITEMS_PER_TRANSACTION,
  RETENTION_BATCH,
  type RetentionOptions,
  type SweepContext,
} from './sweep-context.js';
import { processItems } from './sweep-page.js';
import { sweepSystemEmails } from './system-emails.js';

/** Runs are kept this long for the backoffice, then pruned by the next sweep. */
const RUN_HISTORY_DAYS = 90;

export interface RetentionTenantReport extends TRetentionCounts {
  tenantId: string;
  slug: string;
  runId: string;
  dryRun: boolean;
  policyVersion: number;
  rules: Record<string, TRetentionCounts>;
  /** False when the run was stopped (aborted) before it got through every rule. */
  finished: boolean;
}

/** The worker's default name: which host and process ran a sweep. */
export function defaultWorkerId(suffix = ''): string {
  return `${hostname().slice(0, 40)}:${process.pid}${suffix}`;
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs `work` over `items` with at most `limit` at a time, in order of start. */
async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  });
  await Promise.all(lanes);
}

async function sweepTenant(
  orm: Orm,
  purger: SearchIndexPurger,
  tenant: { id: string; slug: string },
  options: RetentionOptions,
  now: Date,
): Promise<RetentionTenantReport> {
  const em = orm.em.fork();
  em.setFilterParams(TENANT_FILTER, { tenantId: tenant.id });
  const { version, policy } = await currentRetentionPolicy(em, tenant.id);
  await em.nativeDelete(RetentionRun, {
    tenant: tenant.id,
    startedAt: { $lt: new Date(Date.now() - RUN_HISTORY_DAYS * 86_400_000) },
  });
  const run = em.create(RetentionRun, {
    tenant: tenant.id,
    workerId: options.workerId.slice(0, 80),
    policyVersion: version,
    dryRun: options.dryRun,
    rules: {},
  });
  await em.flush();
  const postgres = ormDialectOfEm(em) === 'postgresql';
  const ctx: SweepContext = {
    orm,
    purger,
    tenantId: tenant.id,
    runId: run.id,
    policy,
    now,
    options,
    postgres,
  };
  const totals = zeroCounts();
  const rules: Record<string, TRetentionCounts> = {};
  const log = options.logger;
  const save = (finished: boolean) =>
    em.nativeUpdate(
      RetentionRun,
      { id: run.id },
      { ...totals, rules, ...(finished ? { finishedAt: new Date() } : {}) },
    );
  let aborted = false;

  for (const rule of policy.rules) {
    if (!rule.enabled || aborted) continue;
    const counts = zeroCounts();
    rules[rule.id] = counts;
    if (rule.trigger === 'audit_event') {
      if (options.dryRun) counts.found = counts.done = await countAuditDue(em, tenant.id, rule, now);
      else aborted = await pruneAudit(ctx, rule, counts);
      continue;
    }
    for await (const batch of eachDue(
      em,
      tenant.id,
      policy,
      rule,
      now,
      options.batchSize ?? RETENTION_BATCH,
    )) {
      if (options.dryRun) {
        const holds = await holdsOf(
          em,
          batch.flatMap((i) => (i.candidateId ? [i.candidateId] : [])),
        );
        for (const item of batch) {
          const held = item.candidateId ? keptByHold(rule, item, holds.get(item.candidateId) ?? []) : false;
          counts.found += 1;
          if (held) counts.skippedHold += 1;
          else counts.done += 1;
        }
      } else {
        const pages = chunk(batch, options.itemsPerTransaction ?? ITEMS_PER_TRANSACTION);
        await inParallel(pages, postgres ? (options.concurrency ?? 1) : 1, async (page) => {
          if (options.signal?.aborted) {
            aborted = true;
            return;
          }
          await processItems(ctx, rule, page, counts);
        });
      }
      Object.assign(totals, sumCounts(Object.values(rules)));
      await purger.purge(false);
      await save(false);
      log?.info('retention: batch', {
        tenantId: tenant.id,
        runId: run.id,
        ruleId: rule.id,
        dryRun: options.dryRun,
        ...counts,
      });
      if (aborted) break;
    }
  }
  Object.assign(totals, sumCounts(Object.values(rules)));
  await save(!aborted);
  log?.info(aborted ? 'retention: run stopped' : 'retention: run finished', {
    tenantId: tenant.id,
    runId: run.id,
    dryRun: options.dryRun,
    ...totals,
  });
  return {
    tenantId: tenant.id,
    slug: tenant.slug,
    runId: run.id,
    dryRun: options.dryRun,
    policyVersion: version,
    rules,
    finished: !aborted,
    ...totals,
  };
}

/**
 * The retention sweep: for each tenant (or the one asked for), every enabled
 * rule of its policy in force, page by page, each due item in its own
 * transaction (see processItem). Safe to run on any number of API instances
 * at once on PostgreSQL; a failed item is counted and rolled back, and the
 * run goes on. Returns what each tenant's run found and did.
 */
export async function runRetention(orm: Orm, options: RetentionOptions): Promise<RetentionTenantReport[]> {
  const now = options.now ?? new Date();
  const where = options.tenantId
    ? { id: options.tenantId }
    : options.tenantSlug
      ? { slug: options.tenantSlug }
      : {};
  const tenants = await orm.em.fork().find(Tenant, where, { orderBy: { slug: 'asc' } });
  if ((options.tenantId || options.tenantSlug) && tenants.length === 0)
    throw new Error(`No tenant "${options.tenantSlug ?? options.tenantId}"`);
  const reports: RetentionTenantReport[] = [];
  const purger = new SearchIndexPurger(orm, !options.dryRun);
  try {
    await purger.purge(true);
    for (const tenant of tenants) {
      if (options.signal?.aborted) break;
      try {
        reports.push(await sweepTenant(orm, purger, { id: tenant.id, slug: tenant.slug }, options, now));
        // Reports computed before the sweep may count people it has just anonymized.
        if (!options.dryRun) await tenantChanged(orm.em.fork(), tenant.id);
        // Background-check reports keep their own clock: erased a set time after the decision.
        if (!options.dryRun && !options.signal?.aborted) {
          const erased = await eraseExpiredChecks(orm.em.fork(), options.files, now, tenant.id);
          if (erased > 0)
            options.logger?.info('retention: background checks', { tenantId: tenant.id, count: erased });
        }
      } catch (error) {
        // One tenant's broken sweep (say, a policy that no longer parses) must not keep the others' data.
        options.logger?.error('retention: tenant sweep failed', {
          tenantId: tenant.id,
          ...errorFields(error),
        });
        if (tenants.length === 1) throw error;
      }
    }
    // A sweep of every tenant also sweeps what belongs to none.
    if (!options.tenantId && !options.tenantSlug && !options.signal?.aborted) {
      const deleted = await sweepSystemEmails(orm, now, options.dryRun);
      if (deleted > 0)
        options.logger?.info('retention: system emails', { count: deleted, dryRun: options.dryRun });
      // Pending files and data keys a killed process left without a row; aged by the clock, not by `now`
      // (which may be a day the policy is evaluated for).
      await sweepLeftoversLogged(orm, options, { dryRun: options.dryRun });
    }
  } finally {
    await purger.purge(true);
  }
  return reports;
}
