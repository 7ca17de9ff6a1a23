import {
  DEFAULT_HIRING_SETTINGS,
  nameKey,
  phoneKey,
  TALENT_POOL_PURPOSE,
  type TApplicationSource,
  type TApplicationStatus,
  type THiringSettings,
  type TJobQuestion,
  type TJobStatus,
  type TRole,
  type TStageKind,
} from '@candor/schemas';
import type { EntityMetadata, EntitySchema, InferEntity } from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/knex';
import { newId } from '../entities/ids.js';
import {
  Application,
  ApplicationTag,
  Candidate,
  ConsentEvent,
  HiringTeamMember,
  Job,
  JobStage,
  Membership,
  StageChange,
  TENANT_FILTER,
  Tenant,
  User,
} from '../entities/index.js';
import { type Orm, ormDialectOfEm } from '../orm.js';
import { hashPassword } from '../password.js';
import { DEMO_SECOND_TENANT, DEMO_TENANT } from './demo.js';
import { fillPhone, nameSlug, randomPerson } from './people.js';
import { SeededRandom } from './random.js';

/**
 * Bulk data for performance work: one tenant with many candidates and
 * applications. The tenant, its users and its jobs go through the ORM (a few
 * hundred rows); candidates, applications, stage changes and tags are written
 * with multi-row INSERTs, a transaction per chunk of candidates, bypassing the
 * unit of work. Each run adds the requested numbers to the tenant; the tenant
 * and its users are reused.
 *
 * The data has realistic volumes and distributions (names, emails, statuses,
 * stages, dates over two years), not a fully consistent history: each
 * application has one stage change, its latest move.
 */

export interface BulkSeedOptions {
  tenantSlug: string;
  candidates: number;
  applications: number;
  jobs: number;
  /** Progress lines (the CLI prints them). */
  log?: (line: string) => void;
  seed?: number;
}

export interface BulkSeedResult {
  tenantId: string;
  jobs: number;
  candidates: number;
  applications: number;
  stageChanges: number;
  tags: number;
  elapsedMs: number;
}

export const BENCH_PASSWORD = 'candor-bench-pass';
const BENCH_ROLES: ReadonlyArray<{ local: string; name: string; role: TRole }> = [
  { local: 'owner', name: 'Bench Owner', role: 'owner' },
  { local: 'recruiter', name: 'Bench Recruiter', role: 'recruiter' },
  { local: 'manager', name: 'Bench Manager', role: 'hiring_manager' },
];

/** A whitespace-separated list. */
function words(list: string): string[] {
  return list.trim().split(/\s+/);
}

const DAY = 86_400_000;
const SPAN = 730 * DAY;
/** Rows per INSERT statement: 1,000 rows x 14 columns stays far below both dialects' bind-parameter limits. */
const BATCH_ROWS = 1000;
/** Candidates (with their applications) per transaction. */
const CHUNK_CANDIDATES = 5000;
/** Nobody applies to more than this many jobs. */
const MAX_APPLICATIONS_PER_CANDIDATE = 8;

const SETTINGS: THiringSettings = {
  ...DEFAULT_HIRING_SETTINGS,
  departments: ['Engineering', 'Operations', 'Sales', 'People', 'Design', 'Finance', 'Customer Success'],
};

const ROLES: ReadonlyArray<[string, string]> = [
  ['Backend Engineer', 'Engineering'],
  ['Frontend Engineer', 'Engineering'],
  ['Robotics Software Engineer', 'Engineering'],
  ['Embedded Engineer', 'Engineering'],
  ['Site Reliability Engineer', 'Engineering'],
  ['Data Engineer', 'Engineering'],
  ['Machine Learning Engineer', 'Engineering'],
  ['QA Engineer', 'Engineering'],
  ['Engineering Manager', 'Engineering'],
  ['Mechanical Engineer', 'Engineering'],
  ['Electronics Engineer', 'Engineering'],
  ['Warehouse Operator', 'Operations'],
  ['Field Service Technician', 'Operations'],
  ['Operations Lead', 'Operations'],
  ['Supply Chain Planner', 'Operations'],
  ['Account Executive', 'Sales'],
  ['Sales Development Representative', 'Sales'],
  ['Solutions Engineer', 'Sales'],
  ['Customer Success Manager', 'Customer Success'],
  ['Support Specialist', 'Customer Success'],
  ['People Partner', 'People'],
  ['Talent Acquisition Partner', 'People'],
  ['Product Designer', 'Design'],
  ['UX Researcher', 'Design'],
  ['Financial Controller', 'Finance'],
];
const LEVELS = ['', 'Senior ', 'Junior ', 'Staff ', 'Working Student: '];
const OFFICES: ReadonlyArray<[string | null, string | null, 'onsite' | 'hybrid' | 'remote']> = [
  ['Berlin', 'DE', 'hybrid'],
  ['Lisbon', 'PT', 'onsite'],
  ['Munich', 'DE', 'onsite'],
  ['Porto', 'PT', 'hybrid'],
  [null, 'DE', 'remote'],
];
const HUBS = ['Berlin', 'Lisbon', 'Munich', 'Porto', 'Hamburg', 'Amsterdam'];
/** Reserved domains (RFC 2606), so no generated address can ever reach a real person. */
const EMAIL_DOMAINS = words('example.com example.org example.net mail.example post.example inbox.example');
const TAGS =
  words(`python java typescript ros2 rust relocation referral-bonus german-speaker portuguese-speaker
  strong-portfolio silver-medalist visa-needed part-time talent-pool`);
const QUESTIONS: Array<TJobQuestion & { id: string }> = [
  {
    id: 'work-permit',
    label: 'Do you have the right to work in the EU?',
    kind: 'yes_no',
    required: true,
    options: [],
    knockoutAnswer: 'no',
  },
  {
    id: 'notice',
    label: 'What is your notice period?',
    kind: 'short_text',
    required: false,
    options: [],
    knockoutAnswer: null,
  },
];
const NOTICE_ANSWERS = ['Immediately', '2 weeks', '1 month', '6 weeks', '3 months'];

interface BenchJob {
  id: string;
  /** Relative share of the applications (0: a draft, which has none). */
  weight: number;
  stageOfKind: Map<TStageKind, string[]>;
  applied: string;
}

export async function seedBulk(orm: Orm, options: BulkSeedOptions): Promise<BulkSeedResult> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const { tenantSlug, candidates, applications } = options;
  if (tenantSlug === DEMO_TENANT.slug || tenantSlug === DEMO_SECOND_TENANT.slug) {
    throw new Error(`The bulk seeder never writes into the demo tenant "${tenantSlug}"`);
  }
  for (const [name, value] of Object.entries({ candidates, applications, jobs: options.jobs })) {
    if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number >= 0`);
  }
  let jobsTakingApplications = 0;
  for (let i = 0; i < options.jobs; i++) if (jobStatus(i) !== 'draft') jobsTakingApplications++;
  const perCandidateCap = Math.min(jobsTakingApplications, MAX_APPLICATIONS_PER_CANDIDATE);
  if (applications > candidates * perCandidateCap) {
    throw new Error(`${applications} applications do not fit: at most ${perCandidateCap} per candidate`);
  }
  const random = new SeededRandom(options.seed ?? 42);

  const setup = await setUpTenant(orm, options, random);
  const eligible = setup.jobs.filter((j) => j.weight > 0);
  log(`tenant ${tenantSlug}: ${setup.jobs.length} jobs ready (${ms(started)})`);

  const knex = orm.em.getKnex();
  const platform = orm.em.getPlatform();
  // Dates as the entities store them: epoch milliseconds on SQLite, timestamptz on PostgreSQL.
  const date = (epochMs: number) => platform.processDateProperty(new Date(epochMs));
  // JSON columns take their text form on both dialects (jsonb parses it on PostgreSQL).
  const json = (value: unknown) => JSON.stringify(value);
  const sqlite = ormDialectOfEm(orm.em) === 'sqlite';

  // Emails are unique per tenant: start from the ones a previous run wrote.
  const emails = new Set<string>(
    (
      await knex(tableOf(orm, Candidate))
        .where(columnOf(orm, Candidate, 'tenant'), setup.tenantId)
        .select('email')
    ).map((row: { email: string }) => row.email),
  );
  const counts = applicationCounts(random, candidates, applications, perCandidateCap);
  const pickJob = weightedPicker(random, eligible);
  const now = Date.now();
  const totals = { candidates: 0, applications: 0, stageChanges: 0, tags: 0 };

  for (let first = 0; first < candidates; first += CHUNK_CANDIDATES) {
    const last = Math.min(candidates, first + CHUNK_CANDIDATES);
    const candidateRows: unknown[][] = [];
    const applicationRows: unknown[][] = [];
    const changeRows: unknown[][] = [];
    const tagRows: unknown[][] = [];
    const consentRows: unknown[][] = [];

    for (let c = first; c < last; c++) {
      const person = randomPerson(random);
      let name = person.name;
      if (random.chance(0.12)) {
        // Some people give two family names (or a middle name).
        const second = random.pick(person.origin.last);
        if (second !== person.last) name = `${name} ${second}`;
      }
      const email = uniqueEmail(random, emails, person.first, person.last);
      const phone = random.chance(0.75) ? fillPhone(random, person.origin.phone) : null;
      const links: string[] = [];
      const slug = `${nameSlug(person.first)}-${nameSlug(person.last)}`;
      if (random.chance(0.3)) links.push(`https://www.linkedin.com/in/${slug}-${random.int(100, 99_999)}`);
      if (random.chance(0.08))
        links.push(`https://github.com/${nameSlug(person.first)}${random.int(1, 999)}`);
      const location = random.chance(0.15)
        ? null
        : random.pick(random.chance(0.5) ? HUBS : person.origin.cities);
      const source = random.weighted<TApplicationSource>([
        ['careers_site', 70],
        ['sourced', 15],
        ['referral', 10],
        ['imported', 5],
      ]);
      // Denser towards now: the company (and its hiring) grew over the two years.
      const createdAt = now - SPAN + Math.round(Math.sqrt(random.next()) * (SPAN - 60_000));
      const candidateId = newId();
      let lastActivity = createdAt;

      const appliedJobs = new Set<BenchJob>();
      for (let a = 0; a < counts[c]!; a++) {
        let job = pickJob();
        while (appliedJobs.has(job)) job = eligible[(eligible.indexOf(job) + 1) % eligible.length]!;
        appliedJobs.add(job);
        const appliedAt = a === 0 ? createdAt : Math.min(now - 60_000, createdAt + random.int(1, 120) * DAY);
        const plan = planApplication(random, job, now - appliedAt);
        const activityAt = Math.min(
          now - 1000,
          appliedAt + Math.round(plan.progress * random.next() * 45 * DAY) + 60_000,
        );
        lastActivity = Math.max(lastActivity, activityAt);
        const decided = plan.status !== 'active';
        const applicationId = newId();
        applicationRows.push([
          applicationId,
          setup.tenantId,
          candidateId,
          job.id,
          plan.stageId,
          plan.status,
          source,
          json(
            QUESTIONS.map((q) => ({
              questionId: q.id,
              label: q.label,
              answer:
                q.kind === 'yes_no' ? (random.chance(0.96) ? 'yes' : 'no') : random.pick(NOTICE_ANSWERS),
            })),
          ),
          date(appliedAt),
          date(activityAt),
          plan.status === 'rejected' ? random.pick(SETTINGS.rejectionReasons).id : null,
          null,
          decided ? date(activityAt) : null,
          decided ? setup.recruiterId : null,
        ]);
        // The latest move: into the current stage (from Applied), or the entry into Applied.
        const moved = plan.stageId !== job.applied;
        changeRows.push([
          newId(),
          setup.tenantId,
          applicationId,
          moved ? job.applied : null,
          plan.stageId,
          moved || source !== 'careers_site' ? setup.recruiterId : null,
          date(moved ? activityAt : appliedAt),
        ]);
        if (random.chance(0.1)) {
          const tags = new Set([random.pick(TAGS)]);
          if (random.chance(0.3)) tags.add(random.pick(TAGS));
          for (const tag of tags) tagRows.push([newId(), setup.tenantId, applicationId, tag]);
        }
      }

      // A fifth of those who applied on the careers site joined the talent pool when they did.
      if (source === 'careers_site' && random.chance(0.2))
        consentRows.push([
          newId(),
          setup.tenantId,
          candidateId,
          TALENT_POOL_PURPOSE,
          'Keep my profile in the talent pool and contact me about future roles',
          'given',
          1,
          'careers_apply',
          false,
          date(createdAt),
        ]);
      candidateRows.push([
        candidateId,
        setup.tenantId,
        name,
        email,
        phone,
        phoneKey(phone),
        nameKey(name),
        location,
        json(links),
        source,
        random.chance(0.01),
        date(createdAt),
        date(lastActivity),
      ]);
    }

    await knex.transaction(async (trx) => {
      if (sqlite) {
        // A larger page cache for this connection: inserting random uuids into a dozen indexes
        // otherwise spends most of its time reading and writing pages (the default cache is 2 MB).
        await trx.raw('pragma cache_size = -262144');
      }
      await insertRows(trx, orm, Candidate, CANDIDATE_COLUMNS, candidateRows);
      await insertRows(trx, orm, Application, APPLICATION_COLUMNS, applicationRows);
      await insertRows(trx, orm, StageChange, STAGE_CHANGE_COLUMNS, changeRows);
      await insertRows(trx, orm, ApplicationTag, TAG_COLUMNS, tagRows);
      await insertRows(trx, orm, ConsentEvent, CONSENT_COLUMNS, consentRows);
    });
    totals.candidates += candidateRows.length;
    totals.applications += applicationRows.length;
    totals.stageChanges += changeRows.length;
    totals.tags += tagRows.length;
    log(
      `candidates ${totals.candidates}/${candidates}, applications ${totals.applications}/${applications}, ` +
        `tags ${totals.tags} (${ms(started)})`,
    );
  }

  if (!sqlite) {
    // Fresh planner statistics, so measurements do not depend on when autovacuum gets to it.
    await knex.raw('analyze candidate, application, stage_change, application_tag, consent_event');
  }
  return {
    tenantId: setup.tenantId,
    jobs: setup.jobs.length,
    ...totals,
    elapsedMs: performance.now() - started,
  };
}

// Property names in the order of the row arrays above; columns and table come from the entity metadata.
const CANDIDATE_COLUMNS = words(`id tenant name email phone phoneDigits nameKey location links source
  possibleDuplicate createdAt lastActivityAt`);
const APPLICATION_COLUMNS =
  words(`id tenant candidate job stage status source answers appliedAt lastActivityAt
  rejectionReasonId rejectionNote decidedAt decidedBy`);
const STAGE_CHANGE_COLUMNS = words('id tenant application fromStage toStage by at');
const TAG_COLUMNS = words('id tenant application tag');
const CONSENT_COLUMNS = words(
  'id tenant candidate purpose purposeLabel decision noticeVersion channel gpc occurredAt',
);

// biome-ignore lint/suspicious/noExplicitAny: any entity schema, whatever its entity type
type AnySchema = EntitySchema<any, any>;

function metaOf(orm: Orm, entity: AnySchema): EntityMetadata {
  return orm.getMetadata().get(entity.meta.className);
}

function tableOf(orm: Orm, entity: AnySchema): string {
  return metaOf(orm, entity).tableName;
}

function columnOf(orm: Orm, entity: AnySchema, property: string): string {
  const prop = metaOf(orm, entity).properties[property];
  if (!prop) throw new Error(`${entity.meta.className} has no property ${property}`);
  return prop.fieldNames[0]!;
}

/** Multi-row INSERTs of `rows` (values in the order of `properties`), BATCH_ROWS at a time. */
async function insertRows(
  trx: Knex.Transaction,
  orm: Orm,
  entity: AnySchema,
  properties: string[],
  rows: unknown[][],
): Promise<void> {
  const columns = properties.map((p) => `"${columnOf(orm, entity, p)}"`).join(', ');
  const tuple = `(${properties.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += BATCH_ROWS) {
    const batch = rows.slice(i, i + BATCH_ROWS);
    const sql = `insert into "${tableOf(orm, entity)}" (${columns}) values ${batch.map(() => tuple).join(', ')}`;
    await trx.raw(sql, batch.flat() as Knex.RawBinding[]);
  }
}

/** How many applications each candidate makes: every one (or `applications` of them) at least one. */
function applicationCounts(
  random: SeededRandom,
  candidates: number,
  applications: number,
  cap: number,
): Uint8Array {
  const counts = new Uint8Array(candidates);
  if (applications <= candidates) {
    // Selection sampling: exactly `applications` candidates get one each; the rest were sourced and wait.
    let needed = applications;
    for (let c = 0; c < candidates && needed > 0; c++) {
      if (random.next() * (candidates - c) < needed) {
        counts[c] = 1;
        needed--;
      }
    }
    return counts;
  }
  counts.fill(1);
  for (let extra = applications - candidates; extra > 0; extra--) {
    let c = random.int(0, candidates - 1);
    while (counts[c]! >= cap) c = (c + 1) % candidates;
    counts[c]!++;
  }
  return counts;
}

function weightedPicker(random: SeededRandom, jobs: BenchJob[]): () => BenchJob {
  const cumulative: number[] = [];
  let total = 0;
  for (const job of jobs) {
    total += job.weight;
    cumulative.push(total);
  }
  return () => {
    const r = random.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return jobs[lo]!;
  };
}

function uniqueEmail(random: SeededRandom, taken: Set<string>, first: string, last: string): string {
  const f = nameSlug(first);
  const l = nameSlug(last);
  const local = random.weighted([
    [`${f}.${l}`, 50],
    [`${f}${l}`, 15],
    [`${f[0]}.${l}`, 10],
    [`${f}_${l}`, 10],
    [`${l}.${f}`, 10],
    [f, 5],
  ]);
  const domain = random.pick(EMAIL_DOMAINS);
  let email = `${local}@${domain}`;
  // Common names are taken quickly; people then add a number, as they do.
  for (let digits = 2; taken.has(email); digits = Math.min(digits + 1, 6)) {
    email = `${local}${random.int(1, 10 ** digits - 1)}@${domain}`;
  }
  taken.add(email);
  return email;
}

interface ApplicationPlan {
  status: TApplicationStatus;
  stageId: string;
  /** 0..1: how far along the pipeline, to spread the last activity after the application. */
  progress: number;
}

/** Status and stage, by age: recent applications are mostly active, older ones mostly decided. */
function planApplication(random: SeededRandom, job: BenchJob, ageMs: number): ApplicationPlan {
  const days = ageMs / DAY;
  const activeShare = days < 30 ? 80 : days < 120 ? 35 : 8;
  const status = random.weighted<TApplicationStatus>([
    ['active', activeShare],
    ['rejected', 100 - activeShare - 6],
    ['withdrawn', 5],
    ['hired', 1],
  ]);
  const stage = (kind: TStageKind) => random.pick(job.stageOfKind.get(kind)!);
  if (status === 'rejected') return { status, stageId: stage('rejected'), progress: random.next() };
  if (status === 'hired') return { status, stageId: stage('hired'), progress: 1 };
  const kind = random.weighted<TStageKind>([
    ['applied', 45],
    ['screening', 25],
    ['interview', 22],
    ['offer', status === 'withdrawn' ? 2 : 8],
  ]);
  const progress = { applied: 0.05, screening: 0.3, interview: 0.6, offer: 0.9 }[kind as string] ?? 0.5;
  return { status, stageId: stage(kind), progress };
}

/** Mostly open; every seventh job closed, every twentieth a draft (drafts get no applications). */
function jobStatus(index: number): TJobStatus {
  return index % 20 === 7 ? 'draft' : index % 7 === 3 ? 'closed' : 'open';
}

function ms(started: number): string {
  return `${((performance.now() - started) / 1000).toFixed(1)} s`;
}

/** Finds or creates the tenant and its users; creates `jobs` jobs with their pipelines and teams. */
async function setUpTenant(
  orm: Orm,
  options: BulkSeedOptions,
  random: SeededRandom,
): Promise<{ tenantId: string; recruiterId: string; jobs: BenchJob[] }> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  return orm.em.fork().transactional(async (em) => {
    const tenant =
      (await em.findOne(Tenant, { slug: options.tenantSlug })) ??
      em.create(Tenant, {
        slug: options.tenantSlug,
        name: `Bench ${options.tenantSlug}`,
        about: 'Generated data for performance work.',
        hiringSettings: SETTINGS,
      });
    em.setFilterParams(TENANT_FILTER, { tenantId: tenant.id });
    const users = new Map<TRole, InferEntity<typeof User>>();
    for (const spec of BENCH_ROLES) {
      const email = `${spec.local}@${options.tenantSlug}.example`;
      const user =
        (await em.findOne(User, { email })) ?? em.create(User, { email, name: spec.name, passwordHash });
      if (!(await em.findOne(Membership, { tenant, user }))) {
        em.create(Membership, { tenant, user, role: spec.role, status: 'active' });
      }
      users.set(spec.role, user);
    }
    const recruiter = users.get('recruiter')!;
    const manager = users.get('hiring_manager')!;

    const now = Date.now();
    const openedAt = new Date(now - SPAN - 10 * DAY);
    const created: Array<{
      job: InferEntity<typeof Job>;
      stages: Array<InferEntity<typeof JobStage>>;
      weight: number;
    }> = [];
    for (let i = 0; i < options.jobs; i++) {
      const [role, department] = ROLES[i % ROLES.length]!;
      const level = i < ROLES.length ? '' : LEVELS[1 + (Math.floor(i / ROLES.length) % (LEVELS.length - 1))]!;
      const [city, country, workplace] = OFFICES[i % OFFICES.length]!;
      const status = jobStatus(i);
      const salary = random.chance(0.8) ? random.int(35, 90) * 1000 : null;
      const job = em.create(Job, {
        tenant,
        title: `${level}${role}`,
        department,
        city,
        country,
        workplace,
        employmentType: level === 'Working Student: ' ? 'part_time' : 'full_time',
        descriptionMd: `Join our ${department} team as ${level}${role}.\n\n## What you will do\n\n- Build things\n- Help the team\n`,
        salaryMin: salary,
        salaryMax: salary && salary + random.int(5, 25) * 1000,
        salaryCurrency: salary ? 'EUR' : null,
        salaryPeriod: salary ? 'year' : null,
        status,
        statusChangedAt: status === 'closed' ? new Date(now - random.int(5, 90) * DAY) : openedAt,
        statusChangedBy: recruiter,
        openedAt: status === 'draft' ? null : openedAt,
        closedAt: status === 'closed' ? new Date(now - random.int(5, 90) * DAY) : null,
        questions: QUESTIONS,
        criteria: [
          { id: 'skills', name: 'Skills', description: 'Has done this kind of work before' },
          { id: 'communication', name: 'Communication', description: 'Explains clearly' },
          { id: 'motivation', name: 'Motivation', description: 'Knows why this role' },
        ],
        createdAt: openedAt,
        updatedAt: openedAt,
      });
      const stages = SETTINGS.pipelineTemplate.map((template, position) =>
        em.create(JobStage, { tenant, job, name: template.name, kind: template.kind, position }),
      );
      em.create(HiringTeamMember, { tenant, job, user: recruiter, role: 'recruiter' });
      if (i % 5 === 0) em.create(HiringTeamMember, { tenant, job, user: manager, role: 'hiring_manager' });
      created.push({
        job,
        stages,
        weight: status === 'draft' ? 0 : status === 'closed' ? 1 : random.int(1, 6),
      });
    }
    // Ids are assigned on flush (the entities' onCreate hooks run then), so read them afterwards.
    await em.flush();
    const jobs = created.map(({ job, stages, weight }): BenchJob => {
      const stageOfKind = new Map<TStageKind, string[]>();
      for (const stage of stages)
        stageOfKind.set(stage.kind, [...(stageOfKind.get(stage.kind) ?? []), stage.id]);
      return { id: job.id, weight, stageOfKind, applied: stageOfKind.get('applied')![0]! };
    });
    return { tenantId: tenant.id, recruiterId: recruiter.id, jobs };
  });
}
