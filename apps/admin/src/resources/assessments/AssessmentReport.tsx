import { Alert, Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { LoadingBlock } from '../../components/LoadingBlock';
import { Section } from '../../components/Section';
import { toHttpError } from '../../providers/errors';
import { trpc } from '../../trpc';

const HIDDEN = 'hidden';
const count = (n: number | null) => (n === null ? HIDDEN : String(n));
const share = (n: number | null) => (n === null ? HIDDEN : `${(n * 100).toFixed(0)}%`);

/**
 * The assessment report on the Reports page: per assessment and job over the
 * period, invited, completed, completion rate and median score; small counts
 * hidden as in the other reports (docs/assessments.md).
 */
export function AssessmentReport({
  from,
  to,
  jobId,
  department,
}: {
  from: string;
  to: string;
  jobId?: string;
  department?: string;
}) {
  const { data, error, isPending } = useQuery({
    queryKey: ['assessments', 'report', from, to, jobId ?? null, department ?? null],
    queryFn: async () => {
      try {
        return await trpc.assessments.report.query({
          from,
          to,
          ...(jobId ? { jobId } : {}),
          ...(department ? { department } : {}),
        });
      } catch (e) {
        throw toHttpError(e);
      }
    },
  });
  return (
    <Section
      id="report-assessments"
      title="Assessments"
      hint="Assessments sent in the period, per assessment and job: how many candidates completed them and their median score (share of the maximum, over scored ones)."
    >
      {isPending ? (
        <LoadingBlock label="Loading the assessment report" height={120} />
      ) : error || !data ? (
        <Alert severity="error">The assessment report could not be loaded.</Alert>
      ) : data.rows.length === 0 ? (
        <Typography color="text.secondary">No assessments were sent in this period.</Typography>
      ) : (
        <Box sx={{ overflowX: 'auto' }} tabIndex={0} role="group" aria-label="Assessments, table">
          <Table size="small" aria-label="Assessments">
            <TableHead>
              <TableRow>
                <TableCell>Assessment</TableCell>
                <TableCell>Job</TableCell>
                <TableCell align="right">Invited</TableCell>
                <TableCell align="right">Completed</TableCell>
                <TableCell align="right">Completion rate</TableCell>
                <TableCell align="right">Median score</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.rows.map((row) => (
                <TableRow key={`${row.assessmentId}/${row.jobId}`}>
                  <TableCell>{row.assessmentTitle}</TableCell>
                  <TableCell>{row.jobTitle}</TableCell>
                  <TableCell align="right">{count(row.invited)}</TableCell>
                  <TableCell align="right">{count(row.completed)}</TableCell>
                  <TableCell align="right">{share(row.completionRate)}</TableCell>
                  <TableCell align="right">{share(row.medianScore)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </Section>
  );
}
