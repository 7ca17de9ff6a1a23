import { REPORT_TITLES, type TReportId, type TReports, type TReportsCsv } from '@candor/schemas';
import { csvText } from '../csv.js';

type Cell = string | number | null;

/**
 * One report as CSV, the same numbers the page shows: a hidden count stays
 * hidden (written "hidden": not "< k", as a count hidden so that it does not
 * give a smaller one away can be larger), rates as percentages with one decimal.
 */
export function reportCsv(reports: TReports, id: TReportId): TReportsCsv {
  const hidden = 'hidden';
  const count = (n: number | null): Cell => (n === null ? hidden : n);
  const percent = (rate: number | null): Cell => (rate === null ? '' : `${(rate * 100).toFixed(1)}%`);
  const days = (n: number | null): Cell => (n === null ? '' : n);
  const tables: Record<TReportId, () => Cell[][]> = {
    funnel: () => [
      ['Stage', 'Applications', 'Of previous stage'],
      ...reports.funnel.map((s) => [s.label, count(s.count), percent(s.rate)]),
    ],
    timing: () => [
      ['Measure', 'Count', 'Median days', '75th percentile days'],
      [
        'Time to hire',
        count(reports.timeToHire.count),
        days(reports.timeToHire.median),
        days(reports.timeToHire.p75),
      ],
      ...reports.timeInStage.map((s) => [`Time in ${s.label}`, count(s.count), days(s.median), days(s.p75)]),
    ],
    sources: () => [
      ['Source', 'Applications', 'Hires', 'Conversion'],
      ...reports.sources.map((s) => [s.label, count(s.applications), count(s.hires), percent(s.conversion)]),
    ],
    offers: () => [
      ['Outcome', 'Offers'],
      ...reports.offers.outcomes.map((o) => [o.label, count(o.count)]),
      ['Sent', count(reports.offers.sent)],
      ['Acceptance rate', percent(reports.offers.acceptanceRate)],
    ],
    rejections: () => [
      ['Reason', 'Rejections'],
      ...reports.rejections.reasons.map((r) => [r.label, count(r.count)]),
      ['Total', count(reports.rejections.total)],
    ],
    openJobs: () => [
      ['Job', 'Department', 'Opened', 'Days open', 'Applications'],
      ...reports.openJobs.map((j) => [
        j.title,
        j.department,
        j.openedAt.slice(0, 10),
        j.daysOpen,
        j.applications,
      ]),
    ],
    interviewers: () => [
      ['Interviewer', 'Interviews', 'Scorecards on time', 'Late', 'Missing', 'Median hours to feedback'],
      ...reports.interviewers.map((i) => [
        i.name,
        i.interviews,
        i.onTime,
        i.late,
        i.missing,
        i.medianHoursToFeedback,
      ]),
    ],
  };
  const slug = REPORT_TITLES[id]
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return { filename: `${slug}-${reports.from}-${reports.to}.csv`, csv: csvText(tables[id]()) };
}
