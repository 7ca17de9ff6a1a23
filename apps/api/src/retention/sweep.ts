import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import {
  AUDIT_PRUNED_ACTION,
  alongPath,
  Candidate,
  deleteRows,
  deferSearchIndexPurge,
  type Em,
  type InferEntity,
  LegalHold,
  OutboxEmail,
  type Orm,
  ormDialectOfEm,
  PrivacyRequest,
  PrivacyRequestNote,
  pruneAuditChain,
  purgeSearchIndex,
  RetentionRun,
  selectValues,
  TENANT_FILTER,
  Tenant,
  type TOutboxStatus,
} from '@candor/db';
import {
  dayOf,
  holdActive,
  retentionCutoff,
  type TRetentionCounts,
  type TRetentionPolicy,
  type TRetentionPreview,
  type TRetentionRule,
  type TRetentionRun,
} from '@candor/schemas';
import { recordAudit } from '../audit/audit.service.js';
import type { FileStore } from '../files/file-store.js';
import type { KeyStore } from '../keys/key-store.js';
import { errorFields, type Logger } from '../logging/logger.js';
import { destroyErasedData, type ErasureSummary, eraseSubjects } from '../privacy/subject-erasure.js';
import type { Actor } from '../trpc/init.js';
import { anonymizeApplications } from './anonymize-application.js';
import { countAwaitingHrExport, countRenewalsDue, type DueItem, eachDue, findDue } from './find-due.js';
import { sweepLeftoversLogged } from './leftovers.js';
import { currentRetentionPolicy } from './retention-policy.service.js';

export const RETENTION_BATCH = 500;
/** Due items acted on in one transaction (see processPage). */
export const ITEMS_PER_TRANSACTION = 100;
/** Runs are kept this long for the backoffice, then pruned by the next sweep. */
const RUN_HISTORY_DAYS = 90;

export interface RetentionOptions {
  /** One tenant (by slug or id); absent: every tenant. */
  tenantSlug?: string;
  tenantId?: string;
  /** Count what would happen, change nothing (the run itself is recorded, marked as dry). */
  dryRun: boolean;
  now?: Date;
  /** Names this worker in runs and logs, e.g. host:pid. */
  workerId: string;
  /** Where the files of erased candidates are deleted, and their data keys destroyed, after each candidate's commit. */
  files: FileStore;
  keyStore: KeyStore;
  logger?: Logger;
  batchSize?: number;
  /** Transactions this worker runs at once (each on its own page of items); 1 on SQLite. */
  concurrency?: number;
  /** Items per transaction (default ITEMS_PER_TRANSACTION); 1 gives each its own. */
  itemsPerTransaction?: number;
  /** Stops between two items when aborted, leaving the run unfinished, as a killed process would. */
  signal?: AbortSignal;
  /** Called inside a page's transaction for each item after the action, before commit; a throw rolls the page back and it is retried item by item (tests). */
  beforeCommit?: (item: DueItem) => void | Promise<void>;
}

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

type Outcome = 'done' | 'held' | 'gone' | 'taken';
type HoldRow = Pick<InferEntity<typeof LegalHold>, 'application'>;

/** The worker's default name: which host and process ran a sweep. */
export function defaultWorkerId(suffix = ''): string {
  return `${hostname().slice(0, 40)}:${process.pid}${suffix}`;
}

/** A 64-bit key for pg_try_advisory_xact_lock, from a candidate's (or other target's) id. */
export function advisoryLockKey(id: string): string {
  return createHash('sha256').update(`candor/retention/${id}`).digest().readBigInt64BE(0).toString();
}

const zeroCounts = (): TRetentionCounts => ({ found: 0, done: 0, skippedHold: 0, failed: 0 });

/** Whether a hold keeps what this rule would act on: an application rule respects holds on that application or the whole candidate. */
function keptByHold(rule: TRetentionRule, item: DueItem, holds: HoldRow[]): boolean {
  if (rule.trigger !== 'application_decided') return holds.length > 0;
  return holds.some((h) => !h.application || h.application.id === item.targetId);
}

/** Active holds of many candidates at once (for dry runs and previews). */
async function holdsOf(em: Em, candidateIds: string[]): Promise<Map<string, HoldRow[]>> {
  const byCandidate = new Map<string, HoldRow[]>();
  if (candidateIds.length === 0) return byCandidate;
  const today = dayOf();
  const rows = await em.find(LegalHold, { candidate: { $in: candidateIds }, releasedAt: null }, { disableIdentityMap: true });
  for (const row of rows) {
    if (!holdActive({ releasedAt: null, endsOn: row.endsOn ?? null }, today)) continue;
    byCandidate.set(row.candidate.id, [...(byCandidate.get(row.candidate.id) ?? []), row]);
  }
  return byCandidate;
}

/** Deletes privacy requests kept past their period: their notes, their agents' proof files, the rows. */
async function erasePrivacyRequests(tx: Em, tenantId: string, ids: string[]): Promise<string[]> {
  const requests = alongPath(tx, PrivacyRequest.meta.className, [], ids);
  const fileKeys = (await selectValues(tx, PrivacyRequest.meta.className, tenantId, requests, 'agentProofKey')).map(String);
  await deleteRows(tx, PrivacyRequestNote.meta.className, tenantId, alongPath(tx, PrivacyRequestNote.meta.className, ['request'], ids));
  // The proofs of answering it (an erasure's answer and Art. 19 notices, addresses hashed) go with the request.
  await deleteRows(tx, OutboxEmail.meta.className, tenantId, alongPath(tx, OutboxEmail.meta.className, ['proofOf'], ids));
  await deleteRows(tx, PrivacyRequest.meta.className, tenantId, requests);
  return fileKeys;
}

/**
 * SQLite upkeep during a sweep. Erasure rewrites the search index so no
 * trace of a name stays in its pages; that costs the same for one candidate
 * as for many (0.2 s at 100k), so the sweep does it at most every
 * PURGE_EVERY_MS and at the end of a run, not per candidate (and once at the
 * start, for a run that was killed before). With it, `pragma optimize`
 * gives the planner statistics: without them SQLite reads an erased
 * candidate's stage changes through the tenant index, a scan of the whole
 * tenant (80 ms instead of 18 ms per erasure at 50k candidates).
 */
const PURGE_EVERY_MS = 10_000;

class SearchIndexPurger {
  private last = 0;
  constructor(
    private readonly orm: Orm,
    private pending: boolean,
  ) {}

  erased(): void {
    this.pending = true;
  }

  async purge(force: boolean): Promise<void> {
    if (!this.pending || (!force && Date.now() - this.last < PURGE_EVERY_MS)) return;
    this.pending = false;
    this.last = Date.now();
    const em = this.orm.em.fork();
    await purgeSearchIndex(em);
    if (ormDialectOfEm(em) === 'sqlite') await refreshSqliteStatistics(em);
  }
}

/** ANALYZE once when the database has no statistics yet; later `pragma optimize` renews those that went stale. */
async function refreshSqliteStatistics(em: Em): Promise<void> {
  const connection = em.getConnection();
  const stats: unknown[] = await connection.execute("select 1 from sqlite_master where name = 'sqlite_stat1'");
  const analyzed: unknown[] = stats.length ? await connection.execute('select 1 from sqlite_stat1 limit 1') : [];
  await connection.execute(analyzed.length ? 'pragma optimize' : 'analyze');
}

interface SweepContext {
  orm: Orm;
  purger: SearchIndexPurger;
  tenantId: string;
  runId: string;
  policy: TRetentionPolicy;
  now: Date;
  options: RetentionOptions;
  postgres: boolean;
}

/** Of `keys`, those whose transaction-scoped advisory lock this transaction got (PostgreSQL; never waits). */
async function tryLocks(tx: Em, keys: string[]): Promise<Set<string>> {
  const rows: Array<{ k: string; locked: boolean }> = await tx.execute(
    `select k, pg_try_advisory_xact_lock(k::bigint) as locked from (values ${keys.map(() => '(?)').join(', ')}) as t(k)`,
    keys,
  );
  return new Set(rows.filter((r) => r.locked).map((r) => String(r.k)));
}

/**
 * A page of due items of one rule in one transaction, acted on with
 * set-based statements (one per entity for the whole page; see
 * eraseSubjects), so a candidate costs a fraction of a millisecond rather
 * than a transaction of its own. Everything commits together or not at
 * all: a killed process leaves no item half-processed, and a page that
 * fails is retried item by item (processItems) so one bad item cannot keep
 * the others. On PostgreSQL each candidate's advisory lock comes first:
 * another worker holding it is processing them, so this one leaves them.
 * Then the items are checked again (another worker may have finished them
 * a moment ago, a hold may have been placed), acted on and audited. Files
 * and data keys go after commit.
 */
async function processPage(ctx: SweepContext, rule: TRetentionRule, items: DueItem[]): Promise<Map<DueItem, Outcome>> {
  const outcomes = new Map<DueItem, Outcome>();
  const lockKey = (item: DueItem) => advisoryLockKey(item.candidateId ?? item.targetId);
  const em = ctx.orm.em.fork();
  em.setFilterParams(TENANT_FILTER, { tenantId: ctx.tenantId });
  let fileKeys: string[] = [];
  let erased: ErasureSummary | null = null;
  await em.transactional(async (tx) => {
    let mine = items;
    if (ctx.postgres) {
      const locked = await tryLocks(tx, [...new Set(items.map(lockKey))]);
      mine = items.filter((item) => locked.has(lockKey(item)));
    }
    const again = await findDue(tx, ctx.tenantId, ctx.policy, rule, ctx.now, { ids: mine.map((i) => i.targetId) });
    const stillDue = new Set(again.items.map((i) => i.targetId));
    const holds = await holdsOf(tx, [...new Set(mine.flatMap((i) => (i.candidateId ? [i.candidateId] : [])))]);
    const act: DueItem[] = [];
    for (const item of items) {
      if (!mine.includes(item)) outcomes.set(item, 'taken');
      else if (!stillDue.has(item.targetId)) outcomes.set(item, 'gone');
      else if (item.candidateId && keptByHold(rule, item, holds.get(item.candidateId) ?? [])) outcomes.set(item, 'held');
      else act.push(item);
    }
    if (act.length === 0) return;
    const requestId = `retention-run:${ctx.runId}`;
    const actor = { tenantId: ctx.tenantId, userId: null, requestId };
    const targetIds = act.map((i) => i.targetId);
    if (rule.trigger === 'application_decided') {
      fileKeys = (await anonymizeApplications(tx, ctx.tenantId, targetIds)).fileKeys;
      for (const item of act) recordAudit(tx, actor, { action: 'retention.anonymize', targetType: 'Application', targetId: item.targetId, subjectId: item.candidateId });
    } else if (rule.trigger === 'request_completed') {
      fileKeys = await erasePrivacyRequests(tx, ctx.tenantId, targetIds);
      for (const item of act) recordAudit(tx, actor, { action: 'retention.erase', targetType: 'PrivacyRequest', targetId: item.targetId, subjectId: item.candidateId });
    } else if (rule.trigger === 'email_sent') {
      await deleteRows(tx, OutboxEmail.meta.className, ctx.tenantId, alongPath(tx, OutboxEmail.meta.className, [], targetIds));
      for (const item of act) recordAudit(tx, actor, { action: 'retention.erase', targetType: 'OutboxEmail', targetId: item.targetId, subjectId: item.candidateId });
    } else {
      deferSearchIndexPurge(tx);
      erased = await eraseSubjects(tx, targetIds);
      for (const item of act) recordAudit(tx, actor, { action: 'retention.erase', targetType: 'Candidate', targetId: item.targetId, subjectId: item.targetId });
    }
    await tx.flush();
    for (const item of act) {
      await ctx.options.beforeCommit?.(item);
      outcomes.set(item, 'done');
    }
  });
  // After commit, as executeErasure does: files and the candidates' data keys (crypto-shredding) cannot be rolled back.
  const destroyed = erased as ErasureSummary | null;
  if (destroyed) {
    ctx.purger.erased();
    await destroyErasedData(ctx.options, destroyed).catch((error: unknown) =>
      ctx.options.logger?.error('retention: erased data not destroyed after commit', { tenantId: ctx.tenantId, ...errorFields(error) }),
    );
  }
  for (const key of fileKeys) {
    await ctx.options.files.remove(key).catch((error: unknown) => ctx.options.logger?.warn('retention: file not removed', errorFields(error)));
  }
  return outcomes;
}

/**
 * Processes items a page per transaction; a page that fails is rolled back
 * and retried one item per transaction, so only the item at fault is left
 * (counted as failed, logged without personal data) and the rest are done.
 */
async function processItems(ctx: SweepContext, rule: TRetentionRule, items: DueItem[], counts: TRetentionCounts): Promise<void> {
  const tally = (outcomes: Map<DueItem, Outcome>) => {
    for (const outcome of outcomes.values()) {
      if (outcome === 'gone' || outcome === 'taken') continue;
      counts.found += 1;
      if (outcome === 'held') counts.skippedHold += 1;
      else counts.done += 1;
    }
  };
  try {
    tally(await processPage(ctx, rule, items));
    return;
  } catch (error) {
    if (items.length === 1) {
      counts.found += 1;
      counts.failed += 1;
      ctx.options.logger?.error('retention: item failed, rolled back', { tenantId: ctx.tenantId, runId: ctx.runId, ruleId: rule.id, ...errorFields(error) });
      return;
    }
  }
  for (const item of items) await processItems(ctx, rule, [item], counts);
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
  await em.nativeDelete(RetentionRun, { tenant: tenant.id, startedAt: { $lt: new Date(Date.now() - RUN_HISTORY_DAYS * 86_400_000) } });
  const run = em.create(RetentionRun, {
    tenant: tenant.id,
    workerId: options.workerId.slice(0, 80),
    policyVersion: version,
    dryRun: options.dryRun,
    rules: {},
  });
  await em.flush();
  const postgres = ormDialectOfEm(em) === 'postgresql';
  const ctx: SweepContext = { orm, purger, tenantId: tenant.id, runId: run.id, policy, now, options, postgres };
  const totals = zeroCounts();
  const rules: Record<string, TRetentionCounts> = {};
  const log = options.logger;
  const save = (finished: boolean) =>
    em.nativeUpdate(RetentionRun, { id: run.id }, { ...totals, rules, ...(finished ? { finishedAt: new Date() } : {}) });
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
    for await (const batch of eachDue(em, tenant.id, policy, rule, now, options.batchSize ?? RETENTION_BATCH)) {
      if (options.dryRun) {
        const holds = await holdsOf(em, batch.flatMap((i) => (i.candidateId ? [i.candidateId] : [])));
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
      log?.info('retention: batch', { tenantId: tenant.id, runId: run.id, ruleId: rule.id, dryRun: options.dryRun, ...counts });
      if (aborted) break;
    }
  }
  Object.assign(totals, sumCounts(Object.values(rules)));
  await save(!aborted);
  log?.info(aborted ? 'retention: run stopped' : 'retention: run finished', { tenantId: tenant.id, runId: run.id, dryRun: options.dryRun, ...totals });
  return { tenantId: tenant.id, slug: tenant.slug, runId: run.id, dryRun: options.dryRun, policyVersion: version, rules, finished: !aborted, ...totals };
}

function sumCounts(list: TRetentionCounts[]): TRetentionCounts {
  return list.reduce(
    (sum, c) => ({ found: sum.found + c.found, done: sum.done + c.done, skippedHold: sum.skippedHold + c.skippedHold, failed: sum.failed + c.failed }),
    zeroCounts(),
  );
}

/** The tenant's audit events past the rule's period (for dry runs and the preview). */
async function countAuditDue(em: Em, tenantId: string, rule: TRetentionRule, now: Date): Promise<number> {
  const cutoff = em.getPlatform().processDateProperty(retentionCutoff(now, rule.period)) as unknown;
  const rows: Array<{ n: number | string }> = await em.execute('select count(*) as n from audit_event where tenant_id = ? and at < ?', [tenantId, cutoff]);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Deletes the tenant's audit events past the rule's period, oldest first,
 * up to 10k per transaction, each cut recorded in the chain (see
 * pruneAuditChain). Audit events name candidates only by pseudonym and
 * legal holds do not reach them: the chain can only lose a prefix.
 * Returns whether the run was stopped meanwhile.
 */
async function pruneAudit(ctx: SweepContext, rule: TRetentionRule, counts: TRetentionCounts): Promise<boolean> {
  const before = retentionCutoff(ctx.now, rule.period);
  const actor = { tenantId: ctx.tenantId, userId: null, requestId: `retention-run:${ctx.runId}` };
  for (;;) {
    if (ctx.options.signal?.aborted) return true;
    const em = ctx.orm.em.fork();
    em.setFilterParams(TENANT_FILTER, { tenantId: ctx.tenantId });
    try {
      const { pruned } = await em.transactional((tx) =>
        pruneAuditChain(tx, ctx.tenantId, before, (targetId) =>
          recordAudit(tx, actor, { action: AUDIT_PRUNED_ACTION, targetType: 'AuditEvent', targetId }),
        ),
      );
      counts.found += pruned;
      counts.done += pruned;
      if (pruned === 0) return false;
    } catch (error) {
      counts.failed += 1;
      ctx.options.logger?.error('retention: audit events not pruned, rolled back', { tenantId: ctx.tenantId, runId: ctx.runId, ...errorFields(error) });
      return false;
    }
  }
}

/**
 * The retention sweep: for each tenant (or the one asked for), every enabled
 * rule of its policy in force, page by page, each due item in its own
 * transaction (see processItem). Safe to run on any number of API instances
 * at once on PostgreSQL; a failed item is counted and rolled back, and the
 * run goes on. Returns what each tenant's run found and did.
 */
/**
 * Emails that belong to no tenant are the privacy portal's sign-in codes,
 * sent before anyone is known to be whose subject. Their code is dead within
 * the hour; the copy is kept a week for delivery questions, then deleted
 * (no tenant's policy governs them).
 */
export const SYSTEM_EMAIL_DAYS = 7;

/** Deletes (or, dry, counts) sent tenant-less emails older than SYSTEM_EMAIL_DAYS; returns how many. */
async function sweepSystemEmails(orm: Orm, now: Date, dryRun: boolean): Promise<number> {
  const em = orm.em.fork();
  const cutoff = new Date(now.getTime() - SYSTEM_EMAIL_DAYS * 86_400_000);
  const where = {
    tenant: null,
    status: { $in: ['sent', 'failed'] as TOutboxStatus[] },
    $or: [{ sentAt: { $lt: cutoff } }, { sentAt: null, createdAt: { $lt: cutoff } }],
  };
  const options = { filters: { [TENANT_FILTER]: false } };
  return dryRun ? em.count(OutboxEmail, where, options) : em.nativeDelete(OutboxEmail, where, options);
}

export async function runRetention(orm: Orm, options: RetentionOptions): Promise<RetentionTenantReport[]> {
  const now = options.now ?? new Date();
  const where = options.tenantId ? { id: options.tenantId } : options.tenantSlug ? { slug: options.tenantSlug } : {};
  const tenants = await orm.em.fork().find(Tenant, where, { orderBy: { slug: 'asc' } });
  if ((options.tenantId || options.tenantSlug) && tenants.length === 0) throw new Error(`No tenant "${options.tenantSlug ?? options.tenantId}"`);
  const reports: RetentionTenantReport[] = [];
  const purger = new SearchIndexPurger(orm, !options.dryRun);
  try {
    await purger.purge(true);
    for (const tenant of tenants) {
      if (options.signal?.aborted) break;
      try {
        reports.push(await sweepTenant(orm, purger, { id: tenant.id, slug: tenant.slug }, options, now));
      } catch (error) {
        // One tenant's broken sweep (say, a policy that no longer parses) must not keep the others' data.
        options.logger?.error('retention: tenant sweep failed', { tenantId: tenant.id, ...errorFields(error) });
        if (tenants.length === 1) throw error;
      }
    }
    // A sweep of every tenant also sweeps what belongs to none.
    if (!options.tenantId && !options.tenantSlug && !options.signal?.aborted) {
      const deleted = await sweepSystemEmails(orm, now, options.dryRun);
      if (deleted > 0) options.logger?.info('retention: system emails', { count: deleted, dryRun: options.dryRun });
      // Pending files and data keys a killed process left without a row; aged by the clock, not by `now`
      // (which may be a day the policy is evaluated for).
      await sweepLeftoversLogged(orm, options, { dryRun: options.dryRun });
    }
  } finally {
    await purger.purge(true);
  }
  return reports;
}

const PREVIEW_LIST = 50;

/**
 * What the sweep would do at the end of `date`, for the given (unsaved)
 * policy or the one in force: counts per rule, how many of those a hold
 * keeps today, and the first affected candidates. Changes nothing.
 */
export async function previewRetention(
  em: Em,
  actor: Actor,
  input: { date: string; policy?: TRetentionPolicy },
): Promise<TRetentionPreview> {
  const now = new Date(`${input.date}T23:59:59.999Z`);
  const policy = input.policy ?? (await currentRetentionPolicy(em, actor.tenantId)).policy;
  const rules: TRetentionPreview['rules'] = [];
  const listed: Array<{ candidateId: string; ruleId: string; action: TRetentionRule['action']; targetId: string | null }> = [];
  let renewalsDue = 0;
  let awaitingHrExport = 0;
  for (const rule of policy.rules) {
    const entry = { ruleId: rule.id, label: rule.label, action: rule.action, enabled: rule.enabled, count: 0, held: 0 };
    rules.push(entry);
    if (!rule.enabled) continue;
    if (rule.trigger === 'audit_event') {
      entry.count = await countAuditDue(em, actor.tenantId, rule, now);
      continue;
    }
    for await (const batch of eachDue(em, actor.tenantId, policy, rule, now)) {
      const holds = await holdsOf(em, batch.flatMap((i) => (i.candidateId ? [i.candidateId] : [])));
      for (const item of batch) {
        entry.count += 1;
        if (item.candidateId && keptByHold(rule, item, holds.get(item.candidateId) ?? [])) entry.held += 1;
        else if (item.candidateId && listed.length < PREVIEW_LIST) {
          listed.push({
            candidateId: item.candidateId,
            ruleId: rule.id,
            action: rule.action,
            targetId: item.targetId === item.candidateId ? null : item.targetId,
          });
        }
      }
    }
    renewalsDue += await countRenewalsDue(em, actor.tenantId, policy, rule, now);
    awaitingHrExport += await countAwaitingHrExport(em, actor.tenantId, policy, rule, now);
  }
  const ids = [...new Set(listed.map((l) => l.candidateId))];
  const names = new Map(
    (ids.length ? await em.find(Candidate, { id: { $in: ids } }, { fields: ['id', 'name'], disableIdentityMap: true }) : []).map((c) => [c.id, c.name]),
  );
  recordAudit(em, actor, { action: 'retention.preview', targetType: 'RetentionPolicyVersion' });
  await em.flush();
  return {
    date: input.date,
    rules,
    renewalsDue,
    awaitingHrExport,
    candidates: listed.map((l) => ({ ...l, name: names.get(l.candidateId) ?? '' })),
  };
}

function toRunDto(row: InferEntity<typeof RetentionRun>): TRetentionRun {
  return {
    id: row.id,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    dryRun: row.dryRun,
    workerId: row.workerId,
    policyVersion: row.policyVersion,
    found: row.found,
    done: row.done,
    skippedHold: row.skippedHold,
    failed: row.failed,
    rules: row.rules,
  };
}

export async function listRetentionRuns(em: Em, actor: Actor, limit = 20): Promise<TRetentionRun[]> {
  const rows = await em.find(RetentionRun, { tenant: actor.tenantId }, { orderBy: { startedAt: 'desc', id: 'desc' }, limit });
  return rows.map(toRunDto);
}

/** A sweep of the actor's tenant now, from the backoffice (audited as theirs; the items' events are the system's). */
export async function runRetentionNow(
  em: Em,
  actor: Actor,
  deps: { orm: Orm; files: FileStore; keyStore: KeyStore; logger: Logger },
  input: { dryRun: boolean },
): Promise<TRetentionRun> {
  recordAudit(em, actor, { action: input.dryRun ? 'retention.run_dry' : 'retention.run', targetType: 'RetentionRun' });
  await em.flush();
  const [report] = await runRetention(deps.orm, {
    tenantId: actor.tenantId,
    dryRun: input.dryRun,
    workerId: defaultWorkerId(':manual'),
    files: deps.files,
    keyStore: deps.keyStore,
    logger: deps.logger,
  });
  if (!report) throw new Error('the tenant has no run');
  return toRunDto(await em.findOneOrFail(RetentionRun, report.runId, { refresh: true }));
}
