import type { TApplication } from '@candor/schemas';
import { Box, Typography } from '@mui/material';

/** Whether the application carries anything the applicant sent besides the answers. */
export function hasApplicantDetails(application: TApplication): boolean {
  return (
    application.coverLetter !== null ||
    application.salaryExpectation !== null ||
    application.noticeVersion !== null
  );
}

function Entry({ term, children }: { term: string; children: string }) {
  return (
    <Box sx={{ mb: 1.5 }}>
      <Typography component="dt" variant="body2" color="text.secondary">
        {term}
      </Typography>
      <Typography
        component="dd"
        variant="body1"
        sx={{ m: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
      >
        {children}
      </Typography>
    </Box>
  );
}

/** The cover letter, salary expectation and privacy notice version of an application from the careers site. */
export function FromApplicant({ application }: { application: TApplication }) {
  return (
    <Box component="dl" sx={{ m: 0 }}>
      {application.coverLetter !== null && (
        <Entry term="Cover letter">{application.coverLetter || '—'}</Entry>
      )}
      {application.salaryExpectation !== null && (
        <Entry term="Salary expectation">{application.salaryExpectation || '—'}</Entry>
      )}
      {application.noticeVersion !== null && (
        <Entry term="Privacy notice">{`Version ${application.noticeVersion}, as shown when applying`}</Entry>
      )}
    </Box>
  );
}
