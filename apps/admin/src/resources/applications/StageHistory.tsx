import type { TApplication } from '@candor/schemas';
import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import { Box, Typography } from '@mui/material';
import { dateTimeLabel } from '../../lib/dates';

/** Every stage change, newest first: who moved the application, when, from where to where. */
export function StageHistory({ history }: { history: TApplication['stageHistory'] }) {
  const newestFirst = [...history].reverse();
  if (newestFirst.length === 0) return <Typography color="text.secondary">No stage changes yet.</Typography>;
  return (
    <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {newestFirst.map((change, index) => (
        <Box
          component="li"
          key={change.id}
          sx={{
            position: 'relative',
            pl: 3,
            pb: index === newestFirst.length - 1 ? 0 : 2,
            // The timeline's line and dot.
            '&::before': {
              content: '""',
              position: 'absolute',
              left: 5,
              top: 6,
              width: 10,
              height: 10,
              borderRadius: '50%',
              bgcolor: index === 0 ? 'primary.main' : 'grey.400',
            },
            '&::after':
              index === newestFirst.length - 1
                ? undefined
                : {
                    content: '""',
                    position: 'absolute',
                    left: 9,
                    top: 18,
                    bottom: 0,
                    width: 2,
                    bgcolor: 'grey.300',
                  },
          }}
        >
          <Typography
            variant="body2"
            sx={{ display: 'flex', alignItems: 'center', gap: 0.5, flexWrap: 'wrap', fontWeight: 500 }}
          >
            {change.from ? (
              <>
                {change.from.name}
                <ArrowForwardIcon sx={{ fontSize: 16 }} aria-label="to" />
                {change.to.name}
              </>
            ) : (
              `Entered ${change.to.name}`
            )}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {dateTimeLabel(change.at)} · {change.by ? change.by.name : 'Careers site'}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
