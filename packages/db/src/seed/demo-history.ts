import { DEFAULT_HIRING_SETTINGS, type TApplicationSource, type TApplicationStatus } from '@candor/schemas';
import type { SeededRandom } from './random.js';

/**
 * The demo's earlier months: applications that came in two to six months
 * ago, all decided by now (hired after an accepted offer, offers declined or
 * withdrawn, rejections at every stage with their reasons, withdrawals), so the reports
 * have half a year of history. Each one gets its dates step by step, a few
 * days per stage, inside the time its job was open.
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** What became of the offer, for applications that got one. */
export type OfferOutcome = 'pending' | 'sent' | 'accepted' | 'declined' | 'withdrawn';

/** The furthest step an application reached on the pipeline (before a rejection, if any). */
export type Outcome = {
  /** Index into the progress path: the template's stages without the rejected one. */
  reached: number;
  status: TApplicationStatus;
  reasonId?: string;
  offer?: OfferOutcome;
};

export const PROGRESS = DEFAULT_HIRING_SETTINGS.pipelineTemplate.filter((s) => s.kind !== 'rejected');
export const OFFER_STEP = PROGRESS.findIndex((s) => s.kind === 'offer');
export const HIRED_STEP = PROGRESS.findIndex((s) => s.kind === 'hired');

/** Applications of the history came in this many days ago (the last two months are the live pipeline). */
const HISTORY_DAYS: readonly [number, number] = [60, 176];
/** Days from one step to the next: to the phone screen, the interview, the final interview, the offer (sent), its answer. */
const STEP_DAYS: ReadonlyArray<readonly [number, number]> = [
  [2, 6],
  [4, 9],
  [5, 10],
  [4, 8],
  [2, 5],
];

export interface HistoryJob {
  openedAt: number | null;
  closedAt: number | null;
  historyWeight: number;
}

export interface PastApplication<J extends HistoryJob> {
  job: J;
  outcome: Outcome;
  source: TApplicationSource;
  appliedAt: number;
  /** One instant per stage move after applying, and for a withdrawal one more: when it was withdrawn. */
  times: number[];
}

/** The history's outcomes: nine hires (sources given), offers declined and withdrawn, and rejections. */
function historyOutcomes(hireSources: readonly TApplicationSource[]) {
  const out: Array<{ outcome: Outcome; source?: TApplicationSource }> = [];
  for (const source of hireSources)
    out.push({ outcome: { reached: HIRED_STEP, status: 'hired', offer: 'accepted' }, source });
  for (let i = 0; i < 5; i++)
    out.push({ outcome: { reached: OFFER_STEP, status: 'withdrawn', offer: 'declined' } });
  // Three offers withdrawn: with the two awaiting an answer now, the offers hidden below k sum to k,
  // so the accepted and declined ones of the half year show.
  for (let i = 0; i < 3; i++)
    out.push({ outcome: { reached: OFFER_STEP, status: 'withdrawn', offer: 'withdrawn' } });
  const rejected = (reached: number, count: number, reasons: string[]) => {
    for (let i = 0; i < count; i++)
      out.push({ outcome: { reached, status: 'rejected', reasonId: reasons[i % reasons.length]! } });
  };
  rejected(3, 12, ['experience', 'skills', 'compensation', 'skills']);
  rejected(2, 22, ['skills', 'experience', 'compensation', 'other', 'skills']);
  rejected(1, 35, ['experience', 'skills', 'location', 'compensation', 'experience']);
  rejected(0, 62, ['experience', 'location', 'skills', 'experience', 'other']);
  rejected(0, 6, ['position_filled']);
  rejected(1, 4, ['position_filled']);
  for (let i = 0; i < 10; i++) out.push({ outcome: { reached: 1 + (i % 2), status: 'withdrawn' } });
  return out;
}

const daysBetween = (random: SeededRandom, [min, max]: readonly [number, number]) =>
  random.int(min, max) * DAY + random.int(-4, 4) * HOUR;

/** Gaps from applying to each later point (the last one, for a position filled, is set by the job's closing). */
function gapsOf(random: SeededRandom, outcome: Outcome): number[] {
  const gaps = Array.from({ length: outcome.reached }, (_, i) => daysBetween(random, STEP_DAYS[i]!));
  if (outcome.offer === 'declined') gaps.push(daysBetween(random, [2, 5]));
  else if (outcome.offer === 'withdrawn') gaps.push(daysBetween(random, [3, 6]));
  else if (outcome.status === 'withdrawn') gaps.push(daysBetween(random, [2, 8]));
  else if (outcome.status === 'rejected' && outcome.reasonId !== 'position_filled')
    gaps.push(daysBetween(random, [1, 6]));
  return gaps;
}

/**
 * Plans the history's applications on the jobs open at the time, weighted by
 * `historyWeight`. Rejections because the position was filled go out when
 * the job closed; a closed job's hires come first, at least four days
 * before it closed.
 */
export function planHistory<J extends HistoryJob>(
  random: SeededRandom,
  jobs: readonly J[],
  now: number,
  hireSources: readonly TApplicationSource[],
): Array<PastApplication<J>> {
  const closedInHistory = jobs.filter((j) => j.closedAt !== null && j.closedAt < now - HISTORY_DAYS[0] * DAY);
  const planned = historyOutcomes(hireSources);
  const out: Array<PastApplication<J>> = [];
  planned.forEach(({ outcome, source }, index) => {
    const gaps = gapsOf(random, outcome);
    const span = gaps.reduce((sum, gap) => sum + gap, 0);
    const filled = outcome.reasonId === 'position_filled';
    // The first two hires and every "position filled" are on the job that closed in the history.
    const onClosed = filled || (outcome.status === 'hired' && index < 2);
    const windowOf = (job: J): [number, number] | null => {
      if (job.openedAt === null) return null;
      const earliest = Math.max(now - HISTORY_DAYS[1] * DAY, job.openedAt + DAY);
      // Early enough for its steps to end before the job closed (a hire four days before) and before now.
      const end = (job.closedAt ?? now) - (outcome.status === 'hired' ? 4 * DAY : DAY);
      const last = Math.min(now - HISTORY_DAYS[0] * DAY, end - span - (filled ? DAY : 0));
      return earliest <= last ? [earliest, last] : null;
    };
    // Other hires are on jobs still open: they hire more than one person.
    const candidates = onClosed
      ? closedInHistory
      : jobs.filter((j) => j.historyWeight > 0 && (outcome.status !== 'hired' || j.closedAt === null));
    const eligible = candidates.filter((j) => windowOf(j) !== null);
    if (eligible.length === 0) return;
    const job = random.weighted(eligible.map((j) => [j, Math.max(1, j.historyWeight)] as const));
    const [earliest, last] = windowOf(job)!;
    const appliedAt = earliest + Math.floor(random.next() * (last - earliest));
    const times: number[] = [];
    let at = appliedAt;
    for (const gap of gaps) {
      at += gap;
      times.push(at);
    }
    if (filled) times.push(Math.max(at + HOUR, job.closedAt! - random.int(2, 30) * HOUR));
    out.push({
      job,
      outcome,
      source:
        source ??
        random.weighted<TApplicationSource>([
          ['careers_site', 70],
          ['referral', 10],
          ['sourced', 20],
        ]),
      appliedAt,
      times,
    });
  });
  return out;
}
