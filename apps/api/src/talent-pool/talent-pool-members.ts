import { candidateIdsMatching, type Em } from '@candor/db';
import {
  periodFor,
  retentionCutoff,
  TALENT_POOL_PURPOSE,
  type TRetentionPolicy,
  type TTalentPoolListParams,
} from '@candor/schemas';
import { privacySettingsOf } from '../privacy/privacy-settings.service.js';
import { ERASED_EMAIL_SUFFIX } from '../retention/find-due.js';
import { currentRetentionPolicy } from '../retention/retention-policy.service.js';

/** `e` is the latest decision of its candidate on its purpose (no later one). */
const LATEST = (e: string) =>
  `not exists (select 1 from consent_event later where later.candidate_id = ${e}.candidate_id and later.purpose = ${e}.purpose and later.occurred_at > ${e}.occurred_at)`;

/** The country of the job the candidate applied to most recently: it sets how long their consent lasts, as the retention sweep decides. */
const COUNTRY = `(select j2.country from application a2 join job j2 on j2.id = a2.job_id
  where a2.candidate_id = c.id order by a2.applied_at desc, a2.id desc limit 1)`;

const LATEST_JOB_TITLE = `(select j3.title from application a3 join job j3 on j3.id = a3.job_id
  where a3.candidate_id = c.id order by a3.applied_at desc, a3.id desc limit 1)`;

export interface PoolFilter {
  q?: string | undefined;
  jobAlerts?: boolean | undefined;
  notAppliedTo?: string | undefined;
  /** Only members who joined (or renewed) after this instant: a repeated job alert. */
  joinedAfter?: Date | undefined;
  ids?: string[] | undefined;
}

/** What deciding membership needs from the tenant's settings, read once per request. */
export interface PoolRules {
  tenantId: string;
  policy: TRetentionPolicy;
  marketingPurposes: string[];
  now: Date;
}

export async function poolRulesOf(em: Em, tenantId: string, now = new Date()): Promise<PoolRules> {
  const [{ policy }, settings] = await Promise.all([
    currentRetentionPolicy(em, tenantId),
    privacySettingsOf(em, tenantId),
  ]);
  return {
    tenantId,
    policy,
    marketingPurposes: settings.consentPurposes.filter((p) => p.marketing).map((p) => p.key),
    now,
  };
}

/**
 * The members of the tenant's talent pool as a query (columns id, name,
 * email, joined_at, country, latest_job_title): the latest talent-pool
 * decision is "given" and its term has not ended, per the country of their
 * latest job as the retention sweep counts it (a consent past its end waits
 * only for the next sweep to be erased, and must not be used meanwhile);
 * not restricted, not erased. Raw SQL skips the ORM's tenant filter, so the
 * tenant is named here.
 */
export function poolQuery(em: Em, rules: PoolRules, filter: PoolFilter) {
  const knex = em.getKnex();
  // The dialect's own representation of an instant (a number on SQLite), as the ORM writes it.
  const date = (d: Date) => em.getPlatform().processDateProperty(d) as string;
  const query = knex('candidate as c')
    // The tenant named on the consent events too: the database then reads the tenant's talent-pool decisions
    // newest first from their (tenant, purpose, date) index, instead of every candidate (100 ms at 100k on SQLite).
    .join('consent_event as e', (on) =>
      on
        .on('e.candidate_id', 'c.id')
        .andOnVal('e.tenant_id', rules.tenantId)
        .andOnVal('e.purpose', TALENT_POOL_PURPOSE)
        .andOnVal('e.decision', 'given'),
    )
    .where('c.tenant_id', rules.tenantId)
    .whereNull('c.restricted_at')
    .whereNot('c.email', 'like', `%${ERASED_EMAIL_SUFFIX}`)
    .whereRaw(LATEST('e'));

  const rule = rules.policy.rules.find((r) => r.trigger === 'talent_pool_consent' && r.enabled);
  if (rule) {
    const overrides = rules.policy.overrides.filter((o) => o.ruleId === rule.id);
    const cutoff = (country: string | null) =>
      date(retentionCutoff(rules.now, periodFor(rules.policy, rule, country)));
    // Each overridden country with its own cutoff, the rest with the rule's (comparisons, not a CASE: PostgreSQL types a parameter by its column).
    const countries = overrides.map((o) => o.country);
    const others = countries.length
      ? `(upper(${COUNTRY}) is null or upper(${COUNTRY}) not in (${countries.map(() => '?').join(', ')}))`
      : '1 = 1';
    query.whereRaw(
      `(${[...countries.map(() => `(upper(${COUNTRY}) = ? and e.occurred_at >= ?)`), `(${others} and e.occurred_at >= ?)`].join(' or ')})`,
      [...overrides.flatMap((o) => [o.country, cutoff(o.country)]), ...countries, cutoff(null)],
    );
  }
  if (filter.jobAlerts !== undefined) {
    const purposes = rules.marketingPurposes;
    const consented = purposes.length
      ? `exists (select 1 from consent_event m where m.candidate_id = c.id and m.decision = 'given'
          and m.purpose in (${purposes.map(() => '?').join(', ')}) and ${LATEST('m')})`
      : '1 = 0';
    query.whereRaw(filter.jobAlerts ? consented : `not (${consented})`, purposes);
  }
  if (filter.q) query.whereIn('c.id', candidateIdsMatching(em, rules.tenantId, filter.q));
  if (filter.notAppliedTo) {
    query.whereNotExists(
      knex('application as x').whereRaw('x.candidate_id = c.id').andWhere('x.job_id', filter.notAppliedTo),
    );
  }
  if (filter.joinedAfter) query.where('e.occurred_at', '>', date(filter.joinedAfter));
  if (filter.ids) query.whereIn('c.id', filter.ids);
  return query;
}

export interface PoolRow {
  id: string;
  name: string;
  email: string;
  joinedAt: Date;
  country: string | null;
  latestJobTitle: string | null;
}

/** Dates come back as numbers or strings on SQLite, as Dates on PostgreSQL. */
function dateOf(value: unknown): Date {
  if (value instanceof Date) return value;
  return new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as string));
}

type PoolQuery = ReturnType<typeof poolQuery>;

export async function poolRows(
  query: PoolQuery,
  order?: { sort: NonNullable<TTalentPoolListParams['sort']>; limit: number; offset: number },
): Promise<PoolRow[]> {
  const select = query
    .clone()
    .select('c.id', 'c.name', 'c.email', 'e.occurred_at as joined_at')
    .select(query.client.raw(`${COUNTRY} as country`))
    .select(query.client.raw(`${LATEST_JOB_TITLE} as latest_job_title`));
  if (order) {
    const direction = order.sort.order === 'DESC' ? 'desc' : 'asc';
    select
      .orderBy(order.sort.field === 'name' ? 'c.name' : 'e.occurred_at', direction)
      .orderBy('c.id', direction)
      .limit(order.limit)
      .offset(order.offset);
  } else select.orderBy('c.id');
  const rows = (await select) as Array<Record<string, unknown>>;
  return rows.map((row) => ({
    id: String(row.id),
    name: String(row.name),
    email: String(row.email),
    joinedAt: dateOf(row.joined_at),
    country: (row.country as string | null) ?? null,
    latestJobTitle: (row.latest_job_title as string | null) ?? null,
  }));
}

export async function poolCount(query: PoolQuery): Promise<number> {
  const [row] = (await query.clone().count('c.id as n')) as Array<{ n: number | string }>;
  return Number(row?.n ?? 0);
}
