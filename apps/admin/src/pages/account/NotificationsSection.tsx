import {
  NOTIFICATION_EMAIL_MODE_LABELS,
  NOTIFICATION_EMAIL_MODES,
  type TNotificationEmailMode,
} from '@candor/schemas';
import {
  Alert,
  Card,
  CardContent,
  FormControlLabel,
  Radio,
  RadioGroup,
  Skeleton,
  Stack,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify } from 'react-admin';
import { LoadingBlock } from '../../components/LoadingBlock';
import { toHttpError } from '../../providers/errors';
import { trpc } from '../../trpc';

const PREFERENCES_KEY = ['notifications', 'preferences'] as const;

/** How the member hears of notifications by email, in the organisation they are signed in to; saved on choosing. */
export function NotificationsSection() {
  const notify = useNotify();
  const queryClient = useQueryClient();
  const preferences = useQuery({
    queryKey: PREFERENCES_KEY,
    queryFn: () => trpc.notifications.preferences.query(),
  });
  // The choice shows at once, in the same render as the click; the mutation's own pending state
  // arrives a tick later, and meanwhile the radio would snap back to the saved value.
  const [choice, setChoice] = useState<TNotificationEmailMode | null>(null);
  const save = useMutation({
    mutationFn: (email: TNotificationEmailMode) => trpc.notifications.setPreferences.mutate({ email }),
    onSuccess: (saved) => {
      queryClient.setQueryData(PREFERENCES_KEY, saved);
      notify('Notification emails saved', { type: 'success' });
    },
    onError: (error) => notify(toHttpError(error).message, { type: 'error' }),
    onSettled: () => setChoice(null),
  });
  return (
    <Card component="section" aria-labelledby="notification-email-heading">
      <CardContent>
        <Stack spacing={1}>
          <Typography variant="h6" component="h2" id="notification-email-heading">
            Notification emails
          </Typography>
          <Typography variant="body2" color="text.secondary">
            Notifications always appear under the bell at the top. Choose whether they also reach you by email
            (for this organisation).
          </Typography>
          {preferences.isPending && <LoadingBlock label="Loading" height={96} variant="rounded" />}
          {preferences.isError && <Alert severity="error">{toHttpError(preferences.error).message}</Alert>}
          {preferences.data && (
            <RadioGroup
              aria-labelledby="notification-email-heading"
              value={choice ?? preferences.data.email}
              onChange={(event) => {
                const mode = event.target.value as TNotificationEmailMode;
                setChoice(mode);
                save.mutate(mode);
              }}
            >
              {NOTIFICATION_EMAIL_MODES.map((mode) => (
                <FormControlLabel
                  key={mode}
                  value={mode}
                  control={<Radio />}
                  label={NOTIFICATION_EMAIL_MODE_LABELS[mode]}
                  disabled={save.isPending}
                />
              ))}
            </RadioGroup>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}
