import { ROLE_LABELS, type TSignInRules } from '@candor/schemas';
import {
  Alert,
  FormControlLabel,
  Skeleton,
  Stack,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useNotify } from 'react-admin';
import { LoadingBlock } from '../../components/LoadingBlock';
import { Section } from '../../components/Section';
import { toHttpError } from '../../providers/errors';
import { trpc } from '../../trpc';
import { SecondFactorChips } from './SecondFactorChips';

const RULES_KEY = ['signInRules'] as const;

const HINT =
  'When on, everyone must sign in with a second factor (an authenticator app or a passkey) or through single sign-on. Members who have none are asked to set one up before they can go on, from their next click.';

/** The owner's "require a second factor" switch and who has which factor. */
export function RequireSecondFactorSection() {
  const notify = useNotify();
  const queryClient = useQueryClient();
  const rules = useQuery({ queryKey: RULES_KEY, queryFn: () => trpc.signInRules.get.query() });
  const change = useMutation({
    mutationFn: (required: boolean) => trpc.signInRules.setRequireSecondFactor.mutate({ required }),
    onSuccess: (next: TSignInRules) => {
      queryClient.setQueryData(RULES_KEY, next);
      notify(
        next.requireSecondFactor
          ? 'A second factor is now required'
          : 'A second factor is no longer required',
        {
          type: 'info',
        },
      );
    },
    onError: (error) => notify(toHttpError(error).message, { type: 'error' }),
  });

  let body: ReactNode;
  if (rules.error) body = <Alert severity="error">{toHttpError(rules.error).message}</Alert>;
  else if (!rules.data) body = <LoadingBlock label="Loading" height={160} variant="rounded" />;
  else {
    const without = rules.data.members.filter((m) => m.secondFactors.length === 0).length;
    body = (
      <Stack spacing={2}>
        <FormControlLabel
          control={
            <Switch
              checked={rules.data.requireSecondFactor}
              disabled={change.isPending}
              onChange={(event) => change.mutate(event.target.checked)}
            />
          }
          label="Require a second factor for everyone"
        />
        <Typography variant="body2" aria-live="polite">
          {without === 0
            ? 'Every member has a second factor.'
            : `${without} of ${rules.data.members.length} members have no second factor${
                rules.data.requireSecondFactor ? ' and will be asked to set one up.' : '.'
              }`}
        </Typography>
        <Table size="small" aria-label="Members and their second factors">
          <TableHead>
            <TableRow>
              <TableCell>Member</TableCell>
              <TableCell>Role</TableCell>
              <TableCell>Second factor</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rules.data.members.map((member) => (
              <TableRow key={member.userId}>
                <TableCell>
                  <Typography variant="body2">{member.name}</Typography>
                  <Typography variant="caption" color="text.secondary">
                    {member.email}
                  </Typography>
                </TableCell>
                <TableCell>{ROLE_LABELS[member.role]}</TableCell>
                <TableCell>
                  <SecondFactorChips factors={member.secondFactors} passkeys={member.passkeys} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Stack>
    );
  }
  return (
    <Section id="require-second-factor-heading" title="Second factor" hint={HINT}>
      {body}
    </Section>
  );
}
