import {
  DIVERSITY_QUESTION_IDS,
  SURVEY_TEMPLATES,
  type TDiversityQuestionId,
  type TDiversityReport,
  type TDiversitySettings,
  type TJobScope,
  type TReportStage,
} from '@candor/schemas';
import DownloadOutlinedIcon from '@mui/icons-material/DownloadOutlined';
import {
  Alert,
  Box,
  Button,
  CircularProgress,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { JobScopeSelect } from '../../components/JobScopeSelect';
import { downloadBlob } from '../../download';
import { toHttpError } from '../../providers/errors';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';

const STAGE_LABELS: Record<TReportStage, string> = {
  applied: 'Applied',
  interviewed: 'Interviewed',
  offered: 'Offered',
  hired: 'Hired',
};
const HIDDEN = 'hidden';

const thisMonth = () => new Date().toISOString().slice(0, 7);
function monthsAgo(n: number): string {
  const date = new Date();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() - n);
  return date.toISOString().slice(0, 7);
}

/** The same suppressed table as CSV; a hidden count stays hidden. Cells that start like a formula are quoted. */
export function reportCsv(report: TDiversityReport): string {
  const cell = (value: string) => {
    const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
    return /[",\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  const header = ['answer', ...report.stages.map((s) => STAGE_LABELS[s])];
  const lines = [
    header,
    ...report.rows.map((r) => [r.label, ...r.counts.map((c) => (c === null ? HIDDEN : String(c)))]),
  ];
  lines.push(['Total', ...report.totals.map((t) => (t === null ? HIDDEN : String(t)))]);
  return `${lines.map((line) => line.map(cell).join(',')).join('\n')}\n`;
}

/** One bar per answer and stage, scaled to the largest shown count; hidden counts are drawn as hatched stubs. */
function StageChart({ report }: { report: TDiversityReport }) {
  const max = Math.max(1, ...report.rows.flatMap((r) => r.counts.map((c) => c ?? 0)));
  return (
    <Box
      component="figure"
      aria-hidden
      sx={{ m: 0, display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr', md: 'repeat(4, 1fr)' } }}
    >
      {report.stages.map((stage, s) => (
        <Box key={stage}>
          <Typography variant="subtitle2">{STAGE_LABELS[stage]}</Typography>
          {report.rows.map((row) => {
            const count = row.counts[s] ?? null;
            return (
              <Box
                key={row.option}
                sx={{
                  display: 'grid',
                  gridTemplateColumns: '110px 1fr 48px',
                  gap: 0.5,
                  alignItems: 'center',
                }}
              >
                <Typography variant="caption" noWrap title={row.label}>
                  {row.label}
                </Typography>
                <Box sx={{ height: 10, bgcolor: 'action.hover', borderRadius: 1, overflow: 'hidden' }}>
                  {count === null ? (
                    <Box
                      sx={{
                        width: 12,
                        height: '100%',
                        backgroundImage:
                          'repeating-linear-gradient(45deg, #9e9e9e 0 2px, transparent 2px 4px)',
                      }}
                    />
                  ) : (
                    <Box sx={{ width: `${(count / max) * 100}%`, height: '100%', bgcolor: 'primary.main' }} />
                  )}
                </Box>
                <Typography variant="caption" sx={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
                  {count ?? '–'}
                </Typography>
              </Box>
            );
          })}
        </Box>
      ))}
      <Typography
        component="figcaption"
        variant="caption"
        color="text.secondary"
        sx={{ gridColumn: '1 / -1' }}
      >
        Respondents per answer at each stage; hatched: hidden because fewer than k people (or a difference)
        would show.
      </Typography>
    </Box>
  );
}

function ReportTable({ report }: { report: TDiversityReport }) {
  const percent = (rate: number | null) => (rate === null ? '–' : `${Math.round(rate * 100)}%`);
  return (
    <Table size="small" aria-label={`Respondents by answer and stage: ${report.questionLabel}`}>
      <TableHead>
        <TableRow>
          <TableCell>Answer</TableCell>
          {report.stages.map((s) => (
            <TableCell key={s} align="right">
              {STAGE_LABELS[s]}
            </TableCell>
          ))}
          <TableCell align="right">Applied → hired</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {report.rows.map((row) => (
          <TableRow key={row.option}>
            <TableCell component="th" scope="row">
              {row.label}
            </TableCell>
            {row.counts.map((count, s) => (
              <TableCell key={report.stages[s]} align="right">
                {count ?? <span title="Hidden: too few people">hidden</span>}
                {s > 0 && row.rates[s - 1] !== null && (
                  <Typography component="span" variant="caption" color="text.secondary">
                    {' '}
                    ({percent(row.rates[s - 1] ?? null)})
                  </Typography>
                )}
              </TableCell>
            ))}
            <TableCell align="right">
              {row.counts[0] != null && row.counts[3] != null && row.counts[0] > 0
                ? percent((row.counts[3] ?? 0) / row.counts[0])
                : '–'}
            </TableCell>
          </TableRow>
        ))}
        <TableRow>
          <TableCell component="th" scope="row" sx={{ fontWeight: 600 }}>
            Total
          </TableCell>
          {report.totals.map((total, s) => (
            <TableCell key={report.stages[s]} align="right" sx={{ fontWeight: 600 }}>
              {total ?? 'hidden'}
            </TableCell>
          ))}
          <TableCell />
        </TableRow>
      </TableBody>
    </Table>
  );
}

/** The k-anonymous report: choose a question, a job or department and a range of months. */
export function DiversityReportSection({ settings }: { settings: TDiversitySettings }) {
  const dataProvider = useCandorDataProvider();
  const [question, setQuestion] = useState<TDiversityQuestionId>(settings.questions[0] ?? 'gender');
  const [scope, setScope] = useState<TJobScope>({});
  const [from, setFrom] = useState(monthsAgo(11));
  const [to, setTo] = useState(thisMonth());
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const report = useMutation({
    mutationFn: () =>
      dataProvider.diversityReport({
        question,
        from,
        to,
        ...scope,
      }),
    onMutate: () => setErrors({}),
    onError: (error) => {
      const httpError = toHttpError(error);
      setErrors({
        ...(httpError.body?.errors ?? {}),
        form: httpError.body?.errors ? undefined : httpError.message,
      });
    },
  });
  const questions = DIVERSITY_QUESTION_IDS.filter((id) => settings.questions.includes(id));
  const labelOf = (id: TDiversityQuestionId) =>
    SURVEY_TEMPLATES[settings.template].questions.find((q) => q.id === id)?.label ?? id;

  return (
    <Stack spacing={2}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'flex-start' } }}>
        <TextField
          select
          size="small"
          label="Question"
          value={question}
          onChange={(e) => setQuestion(e.target.value as TDiversityQuestionId)}
          sx={{ minWidth: 220 }}
        >
          {questions.map((id) => (
            <MenuItem key={id} value={id}>
              {labelOf(id)}
            </MenuItem>
          ))}
        </TextField>
        <JobScopeSelect value={scope} onChange={setScope} minWidth={240} />
        <TextField
          size="small"
          type="month"
          label="From"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          error={Boolean(errors.from)}
          helperText={errors.from}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          size="small"
          type="month"
          label="To"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          error={Boolean(errors.to)}
          helperText={errors.to}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <Button
          variant="contained"
          sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
          onClick={() => report.mutate()}
          disabled={report.isPending}
          startIcon={
            report.isPending ? <CircularProgress size={16} color="inherit" aria-hidden /> : undefined
          }
        >
          Show report
        </Button>
      </Stack>
      {errors.form && (
        <Alert severity="error" role="alert">
          {errors.form}
        </Alert>
      )}
      {report.data && (
        <Stack spacing={2}>
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
            {report.data.questionLabel} · {report.data.scopeLabel} · {report.data.from} to {report.data.to}
          </Typography>
          {report.data.hiddenCells > 0 && (
            <Alert severity="info">
              {report.data.hiddenCells === 1 ? 'One count is' : `${report.data.hiddenCells} counts are`}{' '}
              hidden: each would show fewer than {report.data.k} people, alone or subtracted from another
              report.
            </Alert>
          )}
          <StageChart report={report.data} />
          <ReportTable report={report.data} />
          <Box>
            <Button
              variant="outlined"
              startIcon={<DownloadOutlinedIcon />}
              onClick={() => {
                const data = report.data;
                if (data)
                  downloadBlob(
                    `diversity-${data.question}-${data.from}-${data.to}.csv`,
                    new Blob([reportCsv(data)], { type: 'text/csv' }),
                  );
              }}
            >
              Download CSV
            </Button>
          </Box>
        </Stack>
      )}
    </Stack>
  );
}
