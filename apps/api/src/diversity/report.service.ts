import { DiversityResponse, type Em, Tenant } from '@candor/db';
import {
  monthsOf,
  REPORT_STAGES,
  SURVEY_TEMPLATES,
  type TDiversityReport,
  type TDiversityReportInput,
} from '@candor/schemas';
import { recordAudit } from '../audit/audit.service.js';
import { resolveJobScope } from '../jobs/job-scope.js';
import { candidateKeys, type DataKeys, openText, UNREADABLE } from '../keys/data-keys.js';
import { AppError } from '../trpc/app-error.js';
import type { Actor } from '../trpc/init.js';
import { type CountTable, suppress } from './suppression.js';
import { ANSWER_COLUMNS, diversitySettingsOf } from './survey.service.js';

const NOT_ANSWERED = 'not_answered';

/** One respondent's application, reduced to what the report counts: where, when, which answer, how far it got. */
interface Atom {
  jobId: string;
  month: string;
  option: string;
  /** How many of REPORT_STAGES it reached (1: applied only ... 4: hired). */
  reached: number;
}

type Scope = (atom: Atom) => boolean;

function table(
  atoms: readonly Atom[],
  options: readonly string[],
  inScope: Scope,
  months: ReadonlySet<string>,
): number[][] {
  const out = options.map(() => REPORT_STAGES.map(() => 0));
  for (const atom of atoms) {
    if (!inScope(atom) || !months.has(atom.month)) continue;
    const row = out[options.indexOf(atom.option)];
    if (!row) continue;
    for (let s = 0; s < atom.reached; s++) row[s] = (row[s] ?? 0) + 1;
  }
  return out;
}

/** Every proper prefix and suffix of the month range: what narrowing the period could peel off. */
function peelings(months: readonly string[]): Array<Set<string>> {
  const out: Array<Set<string>> = [];
  for (let i = 1; i < months.length; i++) {
    out.push(new Set(months.slice(0, i)));
    out.push(new Set(months.slice(i)));
  }
  return out;
}

/** A date as the database stores it (what `processDateProperty` gives). */
type SqlDate = string | number | Date;

/** One respondent's application as the report reads it: plain columns, no entities (a report reads thousands). */
interface ResponseRow {
  candidate_id: string;
  application_id: string;
  template: string;
  answer: string | null;
  job_id: string;
  department: string | null;
  applied_at: Date | number | string;
  status: string;
}

/**
 * The survey responses of applications made in [start, end), with their job
 * and outcome. Raw SQL skips the ORM's tenant filter, so the tenant is named.
 * A candidate who restricted processing is only stored, not counted (Art. 18).
 */
function responsesIn(
  em: Em,
  tenantId: string,
  column: string,
  start: SqlDate,
  end: SqlDate,
): Promise<ResponseRow[]> {
  const answerColumn = em.getMetadata().get(DiversityResponse.meta.className).properties[column]!
    .fieldNames[0]!;
  return em
    .getKnex()('diversity_response as r')
    .join('application as a', 'a.id', 'r.application_id')
    .join('job as j', 'j.id', 'a.job_id')
    .join('candidate as c', 'c.id', 'r.candidate_id')
    .where('r.tenant_id', tenantId)
    .where('a.applied_at', '>=', start)
    .where('a.applied_at', '<', end)
    .whereNull('c.restricted_at')
    .select(
      'r.candidate_id',
      'r.application_id',
      'r.template',
      `r.${answerColumn} as answer`,
      'a.job_id',
      'j.department',
      'a.applied_at',
      'a.status',
    );
}

/**
 * How far each application made in [start, end) got: interviewed (an
 * interview stage or later), offered (an offer, or its stage), hired. Two
 * grouped queries over the same range rather than lists of ids.
 */
async function stagesReached(
  em: Em,
  tenantId: string,
  start: SqlDate,
  end: SqlDate,
  rows: readonly ResponseRow[],
): Promise<Map<string, number>> {
  const knex = em.getKnex();
  const inRange = (q: ReturnType<typeof knex>) =>
    q
      .join('application as a', 'a.id', 'x.application_id')
      .where('a.tenant_id', tenantId)
      .where('a.applied_at', '>=', start)
      .where('a.applied_at', '<', end);
  const [moves, offers]: [
    Array<{ application_id: string; kind: string }>,
    Array<{ application_id: string }>,
  ] = await Promise.all([
    inRange(knex('stage_change as x'))
      .join('job_stage as s', 's.id', 'x.to_stage_id')
      .whereIn('s.kind', ['interview', 'offer', 'hired'])
      .distinct('x.application_id', 's.kind'),
    inRange(knex('offer as x')).distinct('x.application_id'),
  ]);
  const kinds = new Map<string, Set<string>>();
  for (const move of moves)
    kinds.set(move.application_id, (kinds.get(move.application_id) ?? new Set()).add(move.kind));
  const offered = new Set(offers.map((o) => o.application_id));
  const reached = new Map<string, number>();
  for (const row of rows) {
    const seen = kinds.get(row.application_id) ?? new Set<string>();
    const hired = row.status === 'hired' || seen.has('hired');
    const wasOffered = hired || offered.has(row.application_id) || seen.has('offer');
    const interviewed = wasOffered || seen.has('interview');
    reached.set(row.application_id, hired ? 4 : wasOffered ? 3 : interviewed ? 2 : 1);
  }
  return reached;
}

/**
 * A diversity report for owners and admins: for one question, scope and
 * month range, the respondents at each stage by answer, with every count
 * that could single out fewer than k people hidden (suppression.ts). The
 * answers are opened here, on the server, and never leave it one by one.
 */
export async function diversityReport(
  em: Em,
  actor: Actor,
  keys: DataKeys,
  input: TDiversityReportInput,
): Promise<TDiversityReport> {
  const tenant = await em.findOneOrFail(Tenant, actor.tenantId);
  const settings = diversitySettingsOf(tenant);
  const template = SURVEY_TEMPLATES[settings.template];
  const question = template.questions.find((q) => q.id === input.question);
  if (!question)
    throw new AppError('BAD_REQUEST', 'The survey has no such question', { question: ['Unknown question'] });
  const months = monthsOf(input.from, input.to);
  const { job, department: chosenDepartment, label } = await resolveJobScope(em, input);

  const start = new Date(`${input.from}-01T00:00:00.000Z`);
  const end = new Date(`${months.at(-1)}-01T00:00:00.000Z`);
  end.setUTCMonth(end.getUTCMonth() + 1);
  // Dates as the database stores them (epoch milliseconds in SQLite), for the raw queries.
  const [from, until] = [start, end].map((d) => em.getPlatform().processDateProperty(d) as SqlDate) as [
    SqlDate,
    SqlDate,
  ];
  const rows = await responsesIn(em, actor.tenantId, ANSWER_COLUMNS[question.id], from, until);
  const [reached, keyOf] = await Promise.all([
    stagesReached(em, actor.tenantId, from, until, rows),
    candidateKeys(
      em,
      keys,
      actor.tenantId,
      rows.map((r) => r.candidate_id),
    ),
  ]);
  const atoms: Atom[] = rows.map((row) => {
    // Answers given under another template's wording, or no longer readable, count as not answered.
    const answer = openText(keyOf.get(row.candidate_id) ?? null, row.answer);
    return {
      jobId: row.job_id,
      month: new Date(row.applied_at).toISOString().slice(0, 7),
      option: row.template === settings.template && answer && answer !== UNREADABLE ? answer : NOT_ANSWERED,
      reached: reached.get(row.application_id) ?? 1,
    };
  });

  const departmentOf = new Map(rows.map((r) => [r.job_id, r.department ?? '']));
  // A job's report is compared with the rest of its department's.
  const department = job ? (job.department ?? '') : chosenDepartment;
  const inScope: Scope = job
    ? (a) => a.jobId === job.id
    : department !== undefined
      ? (a) => departmentOf.get(a.jobId) === department
      : () => true;
  // The parent scope minus this one: what subtracting this report from its parent's would isolate.
  const complement: Scope | null = job
    ? (a) => departmentOf.get(a.jobId) === department && a.jobId !== job.id
    : department !== undefined
      ? (a) => departmentOf.get(a.jobId) !== department
      : null;

  const options = [...question.options.map((o) => o.id), NOT_ANSWERED];
  const labels = new Map([
    ...question.options.map((o) => [o.id, o.label] as const),
    [NOT_ANSWERED, 'Did not answer'],
  ]);
  const all = new Set(months);
  const related: CountTable[] = peelings(months).map((part) => table(atoms, options, inScope, part));
  if (complement)
    for (const part of [all, ...peelings(months)]) related.push(table(atoms, options, complement, part));
  const shown = suppress(settings.k, table(atoms, options, inScope, all), related);

  recordAudit(em, actor, { action: 'diversity.report', targetType: 'Tenant', targetId: actor.tenantId });
  await em.flush();
  const rate = (counts: Array<number | null>, s: number): number | null => {
    const [from, to] = [counts[s - 1], counts[s]];
    return from != null && to != null && from > 0 ? to / from : null;
  };
  return {
    question: question.id,
    questionLabel: question.label,
    scopeLabel: label,
    from: input.from,
    to: input.to,
    k: settings.k,
    stages: [...REPORT_STAGES],
    rows: options.map((option, o) => {
      const counts = shown.cells[o] ?? [];
      return {
        option,
        label: labels.get(option) ?? option,
        counts,
        rates: REPORT_STAGES.slice(1).map((_, s) => rate(counts, s + 1)),
      };
    }),
    totals: shown.totals,
    hiddenCells: shown.cells.flat().filter((c) => c === null).length,
  };
}
