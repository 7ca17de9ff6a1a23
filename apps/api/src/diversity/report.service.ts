import { DiversityResponse, type Em, Job, Offer, StageChange, Tenant } from '@candor/db';
import {
  monthsOf,
  REPORT_STAGES,
  SURVEY_TEMPLATES,
  type TDiversityReport,
  type TDiversityReportInput,
} from '@candor/schemas';
import { recordAudit } from '../audit/audit.service.js';
import { candidateKey, type DataKeys, openText, UNREADABLE } from '../keys/data-keys.js';
import { AppError } from '../trpc/app-error.js';
import type { Actor } from '../trpc/init.js';
import { ANSWER_COLUMNS, diversitySettingsOf } from './survey.service.js';
import { type CountTable, suppress } from './suppression.js';

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

function table(atoms: readonly Atom[], options: readonly string[], inScope: Scope, months: ReadonlySet<string>): number[][] {
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

/** How far each application got: interviewed (an interview stage or later), offered (an offer, or its stage), hired. */
async function stagesReached(em: Em, applications: Array<{ id: string; status: string }>): Promise<Map<string, number>> {
  const ids = applications.map((a) => a.id);
  const kinds = new Map<string, Set<string>>();
  for (const change of ids.length ? await em.find(StageChange, { application: { $in: ids } }, { populate: ['toStage'] }) : []) {
    const set = kinds.get(change.application.id) ?? new Set<string>();
    set.add(change.toStage.kind);
    kinds.set(change.application.id, set);
  }
  const offered = new Set((ids.length ? await em.find(Offer, { application: { $in: ids } }, { fields: ['application'] }) : []).map((o) => o.application.id));
  const reached = new Map<string, number>();
  for (const app of applications) {
    const seen = kinds.get(app.id) ?? new Set<string>();
    const hired = app.status === 'hired' || seen.has('hired');
    const wasOffered = hired || offered.has(app.id) || seen.has('offer');
    const interviewed = wasOffered || seen.has('interview');
    reached.set(app.id, hired ? 4 : wasOffered ? 3 : interviewed ? 2 : 1);
  }
  return reached;
}

/**
 * A diversity report for owners and admins: for one question, scope and
 * month range, the respondents at each stage by answer, with every count
 * that could single out fewer than k people hidden (suppression.ts). The
 * answers are opened here, on the server, and never leave it one by one.
 */
export async function diversityReport(em: Em, actor: Actor, keys: DataKeys, input: TDiversityReportInput): Promise<TDiversityReport> {
  const tenant = await em.findOneOrFail(Tenant, actor.tenantId);
  const settings = diversitySettingsOf(tenant);
  const template = SURVEY_TEMPLATES[settings.template];
  const question = template.questions.find((q) => q.id === input.question);
  if (!question) throw new AppError('BAD_REQUEST', 'The survey has no such question', { question: ['Unknown question'] });
  const months = monthsOf(input.from, input.to);
  const job = input.jobId ? await em.findOne(Job, input.jobId) : null;
  if (input.jobId && !job) throw new AppError('NOT_FOUND', 'No such job');

  const start = new Date(`${input.from}-01T00:00:00.000Z`);
  const end = new Date(`${months.at(-1)}-01T00:00:00.000Z`);
  end.setUTCMonth(end.getUTCMonth() + 1);
  const responses = await em.find(
    DiversityResponse,
    // A candidate who restricted processing is only stored, not counted (Art. 18).
    { application: { appliedAt: { $gte: start, $lt: end } }, candidate: { restrictedAt: null } },
    { populate: ['application', 'application.job'] },
  );
  const reached = await stagesReached(em, responses.map((r) => r.application));
  const keyOf = new Map<string, Buffer | null>();
  const column = ANSWER_COLUMNS[question.id];
  const atoms: Atom[] = [];
  for (const response of responses) {
    const candidateId = response.candidate.id;
    if (!keyOf.has(candidateId)) keyOf.set(candidateId, await candidateKey(em, keys, { tenantId: actor.tenantId, candidateId }));
    // Answers given under another template's wording, or no longer readable, count as not answered.
    const answer = openText(keyOf.get(candidateId) ?? null, response[column] ?? null);
    const option = response.template === settings.template && answer && answer !== UNREADABLE ? answer : NOT_ANSWERED;
    atoms.push({
      jobId: response.application.job.id,
      month: response.application.appliedAt.toISOString().slice(0, 7),
      option,
      reached: reached.get(response.application.id) ?? 1,
    });
  }

  const departmentOf = new Map(responses.map((r) => [r.application.job.id, r.application.job.department ?? '']));
  const department = job ? (job.department ?? '') : input.department;
  const inScope: Scope = job ? (a) => a.jobId === job.id : department !== undefined ? (a) => departmentOf.get(a.jobId) === department : () => true;
  // The parent scope minus this one: what subtracting this report from its parent's would isolate.
  const complement: Scope | null = job
    ? (a) => departmentOf.get(a.jobId) === department && a.jobId !== job.id
    : department !== undefined
      ? (a) => departmentOf.get(a.jobId) !== department
      : null;

  const options = [...question.options.map((o) => o.id), NOT_ANSWERED];
  const labels = new Map([...question.options.map((o) => [o.id, o.label] as const), [NOT_ANSWERED, 'Did not answer']]);
  const all = new Set(months);
  const related: CountTable[] = peelings(months).map((part) => table(atoms, options, inScope, part));
  if (complement) for (const part of [all, ...peelings(months)]) related.push(table(atoms, options, complement, part));
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
    scopeLabel: job ? job.title : department !== undefined ? `${department || 'No department'} (department)` : 'All jobs',
    from: input.from,
    to: input.to,
    k: settings.k,
    stages: [...REPORT_STAGES],
    rows: options.map((option, o) => {
      const counts = shown.cells[o] ?? [];
      return { option, label: labels.get(option) ?? option, counts, rates: REPORT_STAGES.slice(1).map((_, s) => rate(counts, s + 1)) };
    }),
    totals: shown.totals,
    hiddenCells: shown.cells.flat().filter((c) => c === null).length,
  };
}
