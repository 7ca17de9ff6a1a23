import type { Em } from '@candor/db';
import {
  periodFor,
  retentionCutoff,
  TALENT_POOL_PURPOSE,
  type TRetentionPolicy,
  type TRetentionRule,
  type TRetentionTrigger,
} from '@candor/schemas';

/**
 * Finding what a retention rule says must go, in pages: one SQL query per
 * page of `limit` rows, keyset-paginated by the id of what the rule acts on,
 * so a sweep over 100k due records never holds more than one page. The same
 * query, narrowed to one id, is the re-check inside each item's transaction.
 */

export interface DueItem {
  ruleId: string;
  /** What the rule acts on: an application, a candidate, a privacy request or an audit event. */
  targetId: string;
  /** The candidate concerned: locked, checked for holds and named (pseudonymously) in the audit log; null when none. */
  candidateId: string | null;
  /** The job's (or request's) country, which may override the rule's period. */
  country: string | null;
  /** When the rule's clock started. */
  anchor: Date;
}

export interface DuePage {
  items: DueItem[];
  /** Pass as `after` for the next page; null when this was the last one. */
  next: string | null;
}

/** Erasure leaves the candidate row with this address (RFC 2606 .invalid): it is done with. */
export const ERASED_EMAIL_SUFFIX = '@erased.invalid';

type Row = {
  target_id: string;
  candidate_id: string | null;
  anchor: Date | number | string;
  country: string | null;
};

/** The latest talent-pool decision of candidate `c` is `e` (no later one for the purpose). */
const LATEST_TALENT_POOL = `e.purpose = '${TALENT_POOL_PURPOSE}'
  and not exists (select 1 from consent_event l where l.candidate_id = e.candidate_id and l.purpose = e.purpose and l.occurred_at > e.occurred_at)`;

/** The country of the job a candidate applied to most recently: where their data is governed, as in the portal. */
const CANDIDATE_COUNTRY = `(select j2.country from application a2 join job j2 on j2.id = a2.job_id
  where a2.candidate_id = c.id order by a2.applied_at desc, a2.id desc limit 1)`;

const NOT_ERASED = `c.email not like '%${ERASED_EMAIL_SUFFIX}'`;

/** `a` is candidate `c`'s latest hire. */
const LATEST_HIRE = `not exists (select 1 from application h where h.candidate_id = c.id and h.status = 'hired' and h.decided_at > a.decided_at)`;

/** When a hire's retention clock starts: the later of the hire and its export to HR. */
const HIRE_CLOCK = 'case when a.hr_exported_at > a.decided_at then a.hr_exported_at else a.decided_at end';

/**
 * Per trigger: the select (ids, anchor, country), the key column for paging
 * and the anchor column for the cutoff. Audit events are not items: the
 * sweep cuts a prefix of the hash chain (pruneAuditChain).
 */
const QUERIES: Record<
  Exclude<TRetentionTrigger, 'audit_event'>,
  { from: string; key: string; anchor: string }
> = {
  application_decided: {
    from: `select a.id as target_id, a.candidate_id as candidate_id, a.decided_at as anchor, j.country as country
      from application a join job j on j.id = a.job_id
      where a.tenant_id = ? and a.status in ('rejected', 'withdrawn') and a.anonymized_at is null`,
    key: 'a.id',
    anchor: 'a.decided_at',
  },
  candidate_inactive: {
    from: `select c.id as target_id, c.id as candidate_id, c.last_activity_at as anchor, ${CANDIDATE_COUNTRY} as country
      from candidate c
      where c.tenant_id = ? and ${NOT_ERASED}
        and not exists (select 1 from consent_event e where e.candidate_id = c.id and e.decision = 'given' and ${LATEST_TALENT_POOL})`,
    key: 'c.id',
    anchor: 'c.last_activity_at',
  },
  talent_pool_consent: {
    from: `select c.id as target_id, c.id as candidate_id, e.occurred_at as anchor, ${CANDIDATE_COUNTRY} as country
      from candidate c join consent_event e on e.candidate_id = c.id and e.decision = 'given' and ${LATEST_TALENT_POOL}
      where c.tenant_id = ? and ${NOT_ERASED}`,
    key: 'c.id',
    anchor: 'e.occurred_at',
  },
  // The latest hire counts, and only once HR has it: from the later of the hire and the HR export.
  candidate_hired: {
    from: `select c.id as target_id, c.id as candidate_id, ${HIRE_CLOCK} as anchor, j.country as country
      from candidate c join application a on a.candidate_id = c.id and a.status = 'hired' and a.hr_exported_at is not null
        join job j on j.id = a.job_id
      where c.tenant_id = ? and ${NOT_ERASED} and ${LATEST_HIRE}`,
    key: 'c.id',
    anchor: HIRE_CLOCK,
  },
  request_completed: {
    from: `select r.id as target_id, r.candidate_id as candidate_id, r.completed_at as anchor, r.country as country
      from privacy_request r
      where r.tenant_id = ? and r.status in ('completed', 'refused')`,
    key: 'r.id',
    anchor: 'r.completed_at',
  },
  // Emails in a candidate's thread: ours once sent (or given up), and their replies from when they came.
  email_sent: {
    from: `select e.target_id as target_id, e.candidate_id as candidate_id, e.anchor as anchor, null as country
      from (
        select o.id as target_id, o.tenant_id, o.candidate_id, coalesce(o.sent_at, o.created_at) as anchor
        from outbox_email o where o.status in ('sent', 'failed') and o.proof_of_id is null
        union all
        select i.id, i.tenant_id, i.candidate_id, i.received_at from inbound_email i
      ) e
      where e.tenant_id = ?`,
    key: 'e.target_id',
    anchor: 'e.anchor',
  },
};

/** The most lenient cutoff of a rule over its default and overridden periods: nothing before it can be due anywhere. */
function loosestCutoff(policy: TRetentionPolicy, rule: TRetentionRule, now: Date): Date {
  const periods = [rule.period, ...policy.overrides.filter((o) => o.ruleId === rule.id).map((o) => o.period)];
  return new Date(Math.max(...periods.map((p) => retentionCutoff(now, p).getTime())));
}

export function isDueAt(
  policy: TRetentionPolicy,
  rule: TRetentionRule,
  item: Pick<DueItem, 'anchor' | 'country'>,
  now: Date,
): boolean {
  return item.anchor.getTime() < retentionCutoff(now, periodFor(policy, rule, item.country)).getTime();
}

/**
 * One page of what `rule` finds due at `now` for the tenant: targets with an
 * id after `after`, or exactly `ids`. Periods overridden for a country are
 * applied to each row (the query itself uses the most lenient one).
 */
export async function findDue(
  em: Em,
  tenantId: string,
  policy: TRetentionPolicy,
  rule: TRetentionRule,
  now: Date,
  page: { after?: string | null; limit?: number; ids?: string[] } = {},
): Promise<DuePage> {
  const limit = page.limit ?? 500;
  if (rule.trigger === 'audit_event')
    throw new Error('audit events are pruned as a chain, not found as items');
  const query = QUERIES[rule.trigger];
  const date = (d: Date) => em.getPlatform().processDateProperty(d) as unknown;
  const params: unknown[] = [tenantId, date(loosestCutoff(policy, rule, now))];
  let sql = `${query.from} and ${query.anchor} < ?`;
  if (page.ids) {
    if (page.ids.length === 0) return { items: [], next: null };
    sql += ` and ${query.key} in (${page.ids.map(() => '?').join(', ')})`;
    params.push(...page.ids);
  }
  if (page.after) {
    sql += ` and ${query.key} > ?`;
    params.push(page.after);
  }
  // Exact ids bound the result themselves (a page of them is re-checked at once).
  sql += ` order by ${query.key}${page.ids ? '' : ` limit ${Number(limit)}`}`;
  const rows: Row[] = await em.execute(sql, params);
  const items: DueItem[] = [];
  let last: string | null = null;
  for (const row of rows) {
    if (row.target_id === last) continue; // a candidate hired twice at the same instant
    last = row.target_id;
    const item: DueItem = {
      ruleId: rule.id,
      targetId: row.target_id,
      candidateId: row.candidate_id ?? null,
      country: row.country ?? null,
      anchor: new Date(
        typeof row.anchor === 'string' && /^\d+$/.test(row.anchor) ? Number(row.anchor) : row.anchor,
      ),
    };
    if (isDueAt(policy, rule, item, now)) items.push(item);
  }
  return { items, next: !page.ids && rows.length === limit ? (last ?? null) : null };
}

/** Every due item of a rule, page by page, without holding more than one page. */
export async function* eachDue(
  em: Em,
  tenantId: string,
  policy: TRetentionPolicy,
  rule: TRetentionRule,
  now: Date,
  limit = 500,
): AsyncGenerator<DueItem[]> {
  let after: string | null = null;
  do {
    const page: DuePage = await findDue(em, tenantId, policy, rule, now, { after, limit });
    if (page.items.length) yield page.items;
    after = page.next;
  } while (after);
}

/**
 * Talent-pool consents that run out within the rule's renewal notice: the
 * people to ask to renew. Counted for the preview; the renewal email itself
 * is not sent yet (see sendConsentRenewals in retention.service.ts).
 */
export async function countRenewalsDue(
  em: Em,
  tenantId: string,
  policy: TRetentionPolicy,
  rule: TRetentionRule,
  now: Date,
): Promise<number> {
  if (rule.trigger !== 'talent_pool_consent' || rule.renewalNoticeDays <= 0) return 0;
  const soon = new Date(now.getTime() + rule.renewalNoticeDays * 86_400_000);
  // Due by `soon` but not yet by `now`: the notice window.
  let count = 0;
  let after: string | null = null;
  do {
    const page: DuePage = await findDue(em, tenantId, policy, rule, soon, { after, limit: 1000 });
    for (const item of page.items) if (!isDueAt(policy, rule, item, now)) count += 1;
    after = page.next;
  } while (after);
  return count;
}

/**
 * Hired candidates the hired-candidates rule would erase by now if HR had
 * their record: past the period since the hire, latest hire not exported.
 * Shown in the preview, so a hire nobody exported is not kept unnoticed.
 */
export async function countAwaitingHrExport(
  em: Em,
  tenantId: string,
  policy: TRetentionPolicy,
  rule: TRetentionRule,
  now: Date,
): Promise<number> {
  if (rule.trigger !== 'candidate_hired') return 0;
  const cutoff = em.getPlatform().processDateProperty(loosestCutoff(policy, rule, now)) as unknown;
  const rows: Array<{ n: number | string }> = await em.execute(
    `select count(distinct c.id) as n from candidate c join application a on a.candidate_id = c.id and a.status = 'hired' and a.hr_exported_at is null
      where c.tenant_id = ? and ${NOT_ERASED} and ${LATEST_HIRE} and a.decided_at < ?`,
    [tenantId, cutoff],
  );
  return Number(rows[0]?.n ?? 0);
}
