import GppMaybeOutlinedIcon from '@mui/icons-material/GppMaybeOutlined';
import { Box, Card, CardActionArea, CardContent, Skeleton, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useLogoutIfAccessDenied } from 'react-admin';
import { Link as RouterLink } from 'react-router';
import { toHttpError } from '../../providers/errors';
import { trpc } from '../../trpc';

export const REQUEST_COUNTS_KEY = ['privacy-requests', 'counts'] as const;

function Count({ label, value, color }: { label: string; value: number | undefined; color?: string }) {
  return (
    <Box>
      <Typography
        variant="h4"
        component="p"
        sx={{ color: value ? color : undefined, fontWeight: 600, lineHeight: 1.2 }}
      >
        {value === undefined ? <Skeleton width={32} /> : value}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
    </Box>
  );
}

/**
 * The dashboard's view of the privacy-request queue: how many are open, due
 * within a week, overdue. It asks the API itself rather than the dataProvider,
 * whose first call loads the real provider and every Zod schema (issue 16's
 * first-load budget); a refusal signs out as the dataProvider's would.
 */
export function RequestCountsCard() {
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const { data, error } = useQuery({
    queryKey: REQUEST_COUNTS_KEY,
    queryFn: async () => {
      try {
        return await trpc.requests.counts.query();
      } catch (failure) {
        const httpError = toHttpError(failure);
        await logoutIfAccessDenied(httpError);
        throw httpError;
      }
    },
  });
  return (
    <Card variant="outlined" sx={{ mt: 3, maxWidth: 480 }}>
      <CardActionArea
        component={RouterLink}
        to="/privacy-requests"
        aria-label="Data requests: open the queue"
      >
        <CardContent>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1.5 }}>
            <GppMaybeOutlinedIcon color="action" aria-hidden />
            <Typography variant="h6" component="h2">
              Data requests
            </Typography>
          </Stack>
          {error ? (
            <Typography color="error">Could not load the counts.</Typography>
          ) : (
            <Stack direction="row" spacing={4}>
              <Count label="Open" value={data?.open} />
              <Count label="Due within a week" value={data?.dueSoon} color="warning.dark" />
              <Count label="Overdue" value={data?.overdue} color="error.main" />
            </Stack>
          )}
        </CardContent>
      </CardActionArea>
    </Card>
  );
}
