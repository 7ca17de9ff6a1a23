import SearchOffIcon from '@mui/icons-material/SearchOff';
import { Alert, Box, Card, CardContent, Typography } from '@mui/material';
import { Button, Title, useShowContext } from 'react-admin';
import { Link as RouterLink } from 'react-router';
import { httpStatusOf } from '../providers/errors';

type Props = {
  /** "job", "application", ... */
  what: string;
  listPath: string;
  listLabel: string;
  /** The error; inside a <Show> it is read from the show context. */
  error?: unknown;
};

/**
 * A record that does not exist and one the user may not see look the same
 * (the API answers "not found" for both, so ids leak nothing); other errors
 * say what happened.
 */
export function NotFound(props: Props) {
  const context = useShowContext();
  return <NotFoundView {...props} error={props.error ?? context.error} />;
}

export function NotFoundView({ what, listPath, listLabel, error }: Props) {
  const status = httpStatusOf(error);
  const missing = status === 404 || status === 403;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={missing ? 'Not found' : 'Error'} />
      <CardContent>
        <Box sx={{ textAlign: 'center', py: 4 }} role={missing ? undefined : 'alert'}>
          <SearchOffIcon sx={{ fontSize: 48, color: 'text.secondary' }} aria-hidden />
          <Typography variant="h5" component="h1" gutterBottom>
            {missing ? `No such ${what}` : `Could not load this ${what}`}
          </Typography>
          {missing ? (
            <Typography color="text.secondary" gutterBottom>
              It does not exist, or you do not have access to it. Hiring managers see only the jobs whose
              hiring team they are on.
            </Typography>
          ) : (
            <Alert severity="error" sx={{ display: 'inline-flex', mb: 2 }}>
              {error instanceof Error ? error.message : 'Something went wrong'}
            </Alert>
          )}
          <Box sx={{ mt: 2 }}>
            <Button component={RouterLink} to={listPath} label={listLabel} variant="outlined" />
          </Box>
        </Box>
      </CardContent>
    </Card>
  );
}
