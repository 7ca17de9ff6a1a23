import {
  defaultReportPeriod,
  REPORT_TITLES,
  type TJobScope,
  type TReportId,
  type TReports,
  type TReportsFilter,
} from '@candor/schemas';
import DownloadOutlinedIcon from '@mui/icons-material/DownloadOutlined';
import {
  Alert,
  Box,
  Button,
  FormControlLabel,
  Skeleton,
  Stack,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  type Theme,
  Typography,
  useMediaQuery,
} from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Title, useNotify } from 'react-admin';
import { EmptyState } from '../../components/EmptyState';
import { JobScopeSelect } from '../../components/JobScopeSelect';
import { PageHeading } from '../../components/PageHeading';
import { Section } from '../../components/Section';
import { downloadBlob } from '../../download';
import { toHttpError } from '../../providers/errors';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';
import { AssessmentReport } from '../../resources/assessments/AssessmentReport';

/** Okabe-Ito: told apart with every common colour-vision deficiency. */
const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442'] as const;

type Cell = string | number | null;
type Row = { key: string; cells: Cell[] };

const percent = (rate: number | null) => (rate === null ? '–' : `${(rate * 100).toFixed(1)}%`);
const days = (n: number | null) => (n === null ? '–' : `${n} d`);

/**
 * A hidden count, explained on hover. Not "< k": a count can also be hidden
 * because, subtracted from a total, it would give a smaller one away, and
 * then it may well be k or more.
 */
function Hidden({ k }: { k: number }) {
  return (
    <abbr
      title={`Hidden: it would show fewer than ${k} people, alone or taken from a total`}
      style={{ textDecoration: 'none' }}
    >
      hidden
    </abbr>
  );
}

/** The accessible alternative to each chart: the same numbers as a table. */
function DataTable({ label, head, rows, k }: { label: string; head: string[]; rows: Row[]; k: number }) {
  return (
    // Focusable, so a keyboard can scroll a table wider than its card.
    <Box sx={{ overflowX: 'auto' }} tabIndex={0} role="group" aria-label={`${label}, table`}>
      {/* Narrower cells on a phone: most tables then fit without scrolling sideways. */}
      <Table size="small" aria-label={label} sx={{ '& .MuiTableCell-root': { px: { xs: 1, sm: 2 } } }}>
        <TableHead>
          <TableRow>
            {head.map((h, i) => (
              <TableCell key={h} align={i === 0 ? 'left' : 'right'}>
                {h}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.key}>
              {row.cells.map((cell, i) =>
                i === 0 ? (
                  <TableCell key={head[i]} component="th" scope="row">
                    {cell}
                  </TableCell>
                ) : (
                  <TableCell key={head[i]} align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                    {cell === null ? <Hidden k={k} /> : cell}
                  </TableCell>
                ),
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

type Series = { key: string; label: string; values: Array<number | null> };

/**
 * Bars per category; a hidden count draws no bar (the table says "< k").
 * Inert (out of the tab order and the accessibility tree): the table below
 * carries the same numbers for keyboards and screen readers. On a phone
 * every chart lies on its side: the categories' names under upright bars
 * would not fit side by side, and the chart would drop every other one.
 */
function Bars({
  categories,
  series,
  horizontal = false,
  stacked = false,
  unit,
}: {
  categories: string[];
  series: Series[];
  horizontal?: boolean;
  stacked?: boolean;
  unit?: string;
}) {
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const sideways = horizontal || small;
  const band = { scaleType: 'band' as const, data: categories };
  // Room for the longest name (about 6.5 px a letter at the axis's size), within limits; longer ones end in "…".
  const longest = Math.max(...categories.map((c) => c.length));
  const labelWidth = Math.min(Math.max(60, Math.ceil(16 + 6.5 * longest)), small ? 130 : 200);
  if (!series.some((s) => s.values.some((v) => (v ?? 0) > 0)))
    return (
      <Typography variant="body2" color="text.secondary">
        No chart: every count here is zero or hidden. The table has the details.
      </Typography>
    );
  return (
    <Box inert data-testid="report-chart" sx={{ width: '100%' }}>
      <BarChart
        height={sideways ? Math.max(160, 44 * categories.length + (series.length > 1 ? 90 : 60)) : 260}
        layout={sideways ? 'horizontal' : 'vertical'}
        {...(sideways ? { yAxis: [{ ...band, width: labelWidth }] } : { xAxis: [band] })}
        series={series.map((s, i) => ({
          id: s.key,
          label: s.label,
          data: s.values,
          color: OKABE_ITO[i % OKABE_ITO.length],
          ...(stacked ? { stack: 'all' } : {}),
          valueFormatter: (v: number | null) => (v === null ? 'hidden' : unit ? `${v} ${unit}` : String(v)),
        }))}
        hideLegend={series.length < 2}
        skipAnimation
      />
    </Box>
  );
}

/** One report: its chart, the table (or the table only), and its CSV. */
function ReportCard({
  id,
  hint,
  filter,
  isEmpty,
  emptyHint,
  chart,
  table,
}: {
  id: TReportId;
  hint: string;
  filter: TReportsFilter;
  isEmpty: boolean;
  emptyHint: string;
  chart: ReactNode;
  table: ReactNode;
}) {
  const dataProvider = useCandorDataProvider();
  const notify = useNotify();
  const [tableOnly, setTableOnly] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const download = async () => {
    setDownloading(true);
    try {
      const { filename, csv } = await dataProvider.hiringReportCsv({ report: id, filter });
      downloadBlob(filename, new Blob([csv], { type: 'text/csv' }));
    } catch (error) {
      notify(`The CSV could not be made: ${toHttpError(error).message}`, { type: 'error' });
    } finally {
      setDownloading(false);
    }
  };
  return (
    <Section id={`report-${id}`} title={REPORT_TITLES[id]} hint={hint}>
      {isEmpty ? (
        <EmptyState title="Nothing to report for these filters" hint={emptyHint} />
      ) : (
        <Stack spacing={2}>
          <FormControlLabel
            control={<Switch checked={tableOnly} onChange={(e) => setTableOnly(e.target.checked)} />}
            label="Show as table only"
          />
          {!tableOnly && chart}
          {table}
        </Stack>
      )}
      <Box sx={{ mt: 2 }}>
        <Button
          variant="outlined"
          size="small"
          startIcon={<DownloadOutlinedIcon />}
          onClick={download}
          disabled={downloading}
          aria-label={`Download CSV: ${REPORT_TITLES[id]}`}
        >
          Download CSV
        </Button>
      </Box>
    </Section>
  );
}

function Reports({ data, filter }: { data: TReports; filter: TReportsFilter }) {
  const { k } = data;
  const timing = [
    { key: 'hire', label: 'Time to hire', ...data.timeToHire },
    ...data.timeInStage.map((s) => ({ ...s, key: s.kind, label: `In ${s.label}` })),
  ];
  const stacks: Array<{ key: 'onTime' | 'late' | 'missing'; label: string }> = [
    { key: 'onTime', label: 'On time' },
    { key: 'late', label: 'Late' },
    { key: 'missing', label: 'Missing' },
  ];
  return (
    <Box
      sx={{
        display: 'grid',
        gap: 2,
        gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' },
        // The last report, alone on its row, takes the whole row rather than leaving half of it blank.
        '& > :last-child:nth-of-type(odd)': { gridColumn: '1 / -1' },
      }}
    >
      <ReportCard
        id="funnel"
        filter={filter}
        hint="Applications of the period that reached each stage (or a later one), and the share of the stage before."
        isEmpty={data.funnel[0]?.count === 0}
        emptyHint="No applications in this period."
        chart={
          <Bars
            horizontal
            categories={data.funnel.map((s) => s.label)}
            series={[{ key: 'count', label: 'Applications', values: data.funnel.map((s) => s.count) }]}
          />
        }
        table={
          <DataTable
            label="Pipeline funnel"
            k={k}
            head={['Stage', 'Applications', 'Of previous stage']}
            rows={data.funnel.map((s) => ({
              key: s.step,
              cells: [s.label, s.count, s.step === 'applied' ? '' : percent(s.rate)],
            }))}
          />
        }
      />
      <ReportCard
        id="timing"
        filter={filter}
        hint="Days from applying to being hired (hires of the period), and days spent in each kind of stage (applications of the period). Fewer than k measurements show no median."
        isEmpty={timing.every((t) => t.count === 0)}
        emptyHint="No hires or stage moves in this period."
        chart={
          <Bars
            unit="days"
            categories={timing.map((t) => t.label)}
            series={[
              { key: 'median', label: 'Median', values: timing.map((t) => t.median) },
              { key: 'p75', label: '75th percentile', values: timing.map((t) => t.p75) },
            ]}
          />
        }
        table={
          <DataTable
            label="Time to hire and time in stage"
            k={k}
            head={['Measure', 'Measured', 'Median', '75th percentile']}
            rows={timing.map((t) => ({ key: t.key, cells: [t.label, t.count, days(t.median), days(t.p75)] }))}
          />
        }
      />
      <ReportCard
        id="sources"
        filter={filter}
        hint="Where applications of the period came from, and how many of them were hired."
        isEmpty={data.sources.length === 0}
        emptyHint="No applications in this period."
        chart={
          <Bars
            categories={data.sources.map((s) => s.label)}
            series={[
              { key: 'applications', label: 'Applications', values: data.sources.map((s) => s.applications) },
              { key: 'hires', label: 'Hires', values: data.sources.map((s) => s.hires) },
            ]}
          />
        }
        table={
          <DataTable
            label="Source effectiveness"
            k={k}
            head={['Source', 'Applications', 'Hires', 'Conversion']}
            rows={data.sources.map((s) => ({
              key: s.source,
              cells: [s.label, s.applications, s.hires, percent(s.conversion)],
            }))}
          />
        }
      />
      <ReportCard
        id="offers"
        filter={filter}
        hint="Offers sent in the period and what became of them. Acceptance: accepted of those answered."
        isEmpty={data.offers.sent === 0}
        emptyHint="No offers were sent in this period."
        chart={
          <Bars
            horizontal
            categories={data.offers.outcomes.map((o) => o.label)}
            series={[{ key: 'count', label: 'Offers', values: data.offers.outcomes.map((o) => o.count) }]}
          />
        }
        table={
          <DataTable
            label="Offer acceptance"
            k={k}
            head={['Outcome', 'Offers']}
            rows={[
              ...data.offers.outcomes.map((o) => ({ key: o.outcome, cells: [o.label, o.count] })),
              { key: 'sent', cells: ['Sent', data.offers.sent] },
              { key: 'rate', cells: ['Acceptance rate', percent(data.offers.acceptanceRate)] },
            ]}
          />
        }
      />
      <ReportCard
        id="rejections"
        filter={filter}
        hint="Applications rejected in the period, by the reason chosen."
        isEmpty={data.rejections.reasons.length === 0}
        emptyHint="No applications were rejected in this period."
        chart={
          <Bars
            horizontal
            categories={data.rejections.reasons.map((r) => r.label)}
            series={[
              { key: 'count', label: 'Rejections', values: data.rejections.reasons.map((r) => r.count) },
            ]}
          />
        }
        table={
          <DataTable
            label="Rejections by reason"
            k={k}
            head={['Reason', 'Rejections']}
            rows={[
              ...data.rejections.reasons.map((r) => ({ key: r.reasonId, cells: [r.label, r.count] })),
              { key: 'total', cells: ['Total', data.rejections.total] },
            ]}
          />
        }
      />
      <ReportCard
        id="openJobs"
        filter={filter}
        hint="Jobs open today, longest open first, with all their applications (not only the period's)."
        isEmpty={data.openJobs.length === 0}
        emptyHint="No open jobs match these filters."
        chart={
          <Bars
            horizontal
            unit="days"
            categories={data.openJobs.map((j) => j.title)}
            series={[{ key: 'days', label: 'Days open', values: data.openJobs.map((j) => j.daysOpen) }]}
          />
        }
        table={
          <DataTable
            label="Open jobs aging"
            k={k}
            head={['Job', 'Department', 'Days open', 'Applications']}
            rows={data.openJobs.map((j) => ({
              key: j.jobId,
              cells: [j.title, j.department, j.daysOpen, j.applications],
            }))}
          />
        }
      />
      <ReportCard
        id="interviewers"
        filter={filter}
        hint="Interviews held in the period per interviewer, and their scorecards: on time (within 48 hours of the end), late, or missing."
        isEmpty={data.interviewers.length === 0}
        emptyHint="No interviews were held in this period."
        chart={
          <Bars
            stacked
            categories={data.interviewers.map((i) => i.name)}
            series={stacks.map((s) => ({
              key: s.key,
              label: s.label,
              values: data.interviewers.map((i) => i[s.key]),
            }))}
          />
        }
        table={
          <DataTable
            label="Interviewer load and feedback"
            k={k}
            head={['Interviewer', 'Interviews', 'On time', 'Late', 'Missing', 'Median hours to feedback']}
            rows={data.interviewers.map((i) => ({
              key: i.userId,
              cells: [i.name, i.interviews, i.onTime, i.late, i.missing, i.medianHoursToFeedback ?? '–'],
            }))}
          />
        }
      />
    </Box>
  );
}

/** "at 09:42", or with the date when it was not today. */
function countedWhen(iso: string): string {
  const at = new Date(iso);
  const time = at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return at.toDateString() === new Date().toDateString()
    ? `at ${time}`
    : `on ${at.toLocaleDateString(undefined, { day: 'numeric', month: 'short' })} at ${time}`;
}

/** Hiring reports for a job, a department or all jobs over a period (reports.read). */
export function ReportsPage() {
  const dataProvider = useCandorDataProvider();
  const [period, setPeriod] = useState(() => defaultReportPeriod());
  const [scope, setScope] = useState<TJobScope>({});
  const filter: TReportsFilter = {
    ...(period.from ? { from: period.from } : {}),
    ...(period.to ? { to: period.to } : {}),
    ...scope,
  };
  const { data, error, isPending, isFetching } = useQuery({
    queryKey: ['reports', filter],
    queryFn: () => dataProvider.hiringReports(filter),
    placeholderData: keepPreviousData,
    // The API answers with its last count at once, and says when a newer one is being counted: ask again shortly.
    refetchInterval: (query) => (query.state.data?.recounting ? 2000 : false),
  });
  // The API may answer with its last count kept; "Count again" asks it to count now.
  const queryClient = useQueryClient();
  const recount = useMutation({
    mutationFn: () => dataProvider.hiringReports({ ...filter, fresh: true }),
    onSuccess: (counted) => queryClient.setQueryData(['reports', filter], counted),
  });
  const fieldErrors: Record<string, string | undefined> = error
    ? (toHttpError(error).body?.errors ?? {})
    : {};
  const hidden =
    data &&
    [
      ...data.funnel.map((s) => s.count),
      ...data.sources.flatMap((s) => [s.applications, s.hires]),
      ...data.offers.outcomes.map((o) => o.count),
      ...data.rejections.reasons.map((r) => r.count),
    ].some((c) => c === null);

  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 4 }}>
      <Title title="Reports" />
      <Box>
        <PageHeading>Reports</PageHeading>
        <Typography variant="body2" color="text.secondary">
          How hiring goes: where applicants come from, how far they get and how long it takes.
        </Typography>
      </Box>
      <Stack
        direction={{ xs: 'column', md: 'row' }}
        spacing={2}
        component="form"
        aria-label="Report filters"
        onSubmit={(e) => e.preventDefault()}
      >
        <TextField
          size="small"
          type="date"
          label="From"
          value={period.from}
          onChange={(e) => setPeriod((p) => ({ ...p, from: e.target.value }))}
          error={Boolean(fieldErrors.from)}
          helperText={fieldErrors.from}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          size="small"
          type="date"
          label="To"
          value={period.to}
          onChange={(e) => setPeriod((p) => ({ ...p, to: e.target.value }))}
          error={Boolean(fieldErrors.to)}
          helperText={fieldErrors.to}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <JobScopeSelect value={scope} onChange={setScope} minWidth={260} />
      </Stack>
      {error && Object.keys(fieldErrors).length === 0 && (
        <Alert severity="error" role="alert">
          The reports could not be loaded: {toHttpError(error).message}
        </Alert>
      )}
      {isPending ? (
        <Stack spacing={2} aria-busy="true" aria-label="Loading the reports">
          <Skeleton variant="rectangular" height={300} />
          <Skeleton variant="rectangular" height={300} />
        </Stack>
      ) : data ? (
        <Stack spacing={2} aria-busy={isFetching}>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography variant="subtitle1" component="p" sx={{ fontWeight: 600 }}>
              {data.scopeLabel} · {data.from} to {data.to}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              Counted {countedWhen(data.computedAt)}
              {data.recounting ? ' · counting again with the latest changes…' : ''}
            </Typography>
            <Button size="small" onClick={() => recount.mutate()} disabled={recount.isPending}>
              {recount.isPending ? 'Counting…' : 'Count again'}
            </Button>
          </Stack>
          <Alert severity="info">
            {hidden ? 'Some counts read “hidden”' : `Counts under ${data.k} are hidden`}: a group of fewer
            than {data.k} people could be singled out, so counts that small (and those that would give them
            away) are not shown, in the charts, the tables or the CSV files. Candidates who restricted the
            processing of their data are not counted.
          </Alert>
          <Reports data={data} filter={filter} />
          <AssessmentReport from={data.from} to={data.to} jobId={scope.jobId} department={scope.department} />
        </Stack>
      ) : null}
    </Stack>
  );
}
