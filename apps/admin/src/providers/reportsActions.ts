import { ZReportsCsvInput, ZReportsFilter } from '@candor/schemas';
import { trpc } from '../trpc';

/** The hiring reports (reports.read), parsed here first so a bad date is reported at its field. */
export const reportsActions = {
  /** Every report for a filter; hidden counts are null. */
  hiringReports: (input: Parameters<typeof trpc.reports.all.query>[0]) =>
    trpc.reports.all.query(ZReportsFilter.parse(input)),
  /** One report as CSV text, made by the API. */
  hiringReportCsv: (input: Parameters<typeof trpc.reports.csv.query>[0]) =>
    trpc.reports.csv.query(ZReportsCsvInput.parse(input)),
};

export type ReportsActions = typeof reportsActions;
