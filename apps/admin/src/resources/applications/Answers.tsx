import type { TApplication } from '@candor/schemas';
import { Box, Typography } from '@mui/material';

/** The applicant's answers to the job's questions, as they gave them. */
export function Answers({ answers }: { answers: TApplication['answers'] }) {
  if (answers.length === 0) return <Typography color="text.secondary">No questions were asked.</Typography>;
  return (
    <Box component="dl" sx={{ m: 0 }}>
      {answers.map((answer) => (
        <Box key={answer.questionId} sx={{ mb: 1.5 }}>
          <Typography component="dt" variant="body2" color="text.secondary">
            {answer.label}
          </Typography>
          <Typography
            component="dd"
            variant="body1"
            sx={{ m: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
          >
            {answer.answer || '—'}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
