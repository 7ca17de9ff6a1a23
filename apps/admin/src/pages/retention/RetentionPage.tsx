import type { TRetentionPolicy, TRetentionPolicyResult } from '@candor/schemas';
import { Alert, Box, Button, Chip, CircularProgress, Skeleton, Stack, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useNotify } from 'react-admin';
import { Section } from '../../components/Section';
import { useUnsavedChangesWarning } from '../../components/UnsavedChanges';
import { dateTimeLabel } from '../../lib/dates';
import { toHttpError } from '../../providers/errors';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';
import { RetentionPreviewSection } from './RetentionPreview';
import { RetentionRunsSection } from './RetentionRuns';
import { RulesEditor } from './RulesEditor';
import {
  type Errors,
  errorsOf,
  isDirty,
  RETENTION_POLICY_KEY,
  type RetentionDraft,
  toRetentionDraft,
  toRetentionPolicy,
  versionLine,
} from './retentionDraft';

const RULES_HINT =
  'When data leaves Candor without anyone having to remember it: what starts each clock, how long it runs, then what happens. Every save is a new version; the hourly sweep uses the newest. Data under a legal hold is always skipped.';

/** The editor and the preview share the form: the preview shows the effect of unsaved changes. */
function RetentionPolicyEditor({ result }: { result: TRetentionPolicyResult }) {
  const dataProvider = useCandorDataProvider();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [draft, setDraft] = useState<RetentionDraft>(() => toRetentionDraft(result.current.policy));
  const [errors, setErrors] = useState<Errors>({});

  const save = useMutation({
    mutationFn: (policy: TRetentionPolicy) => dataProvider.saveRetentionPolicy(policy),
    onSuccess: (saved) => {
      queryClient.setQueryData(RETENTION_POLICY_KEY, saved);
      setDraft(toRetentionDraft(saved.current.policy));
      setErrors({});
      notify(`Retention policy saved as version ${saved.current.version}`, { type: 'success' });
    },
    onError: (error) => setErrors(errorsOf(error)),
  });

  const change = (next: RetentionDraft) => {
    setDraft(next);
    setErrors({});
  };
  const disabled = save.isPending;
  const dirty = isDirty(draft, result.current.policy);
  useUnsavedChangesWarning(dirty);

  return (
    <>
      <Section id="retention-rules" title="Rules" hint={RULES_HINT}>
        <Stack spacing={2}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {versionLine(result.current, dateTimeLabel)}
            </Typography>
            {dirty && <Chip size="small" color="warning" variant="outlined" label="Unsaved changes" />}
          </Stack>
          {errors.form && (
            <Alert severity="error" role="alert">
              {errors.form}
            </Alert>
          )}
          <RulesEditor draft={draft} onChange={change} errors={errors} disabled={disabled} />
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
            <Button
              variant="contained"
              onClick={() => save.mutate(toRetentionPolicy(draft))}
              disabled={disabled}
              startIcon={
                save.isPending ? <CircularProgress size={16} color="inherit" aria-hidden /> : undefined
              }
            >
              Save as new version
            </Button>
            <Button
              variant="outlined"
              onClick={() => {
                change(toRetentionDraft(result.defaults));
                notify('The default rules are in the form; save to use them', { type: 'info' });
              }}
              disabled={disabled}
            >
              Reset to defaults
            </Button>
            <Button
              onClick={() => change(toRetentionDraft(result.current.policy))}
              disabled={disabled || !dirty}
            >
              Discard changes
            </Button>
          </Stack>
        </Stack>
      </Section>
      <RetentionPreviewSection
        policy={() => toRetentionPolicy(draft)}
        dirty={dirty}
        rulesInvalid={Boolean(errors.form)}
        onInvalidPolicy={(error) => setErrors(errorsOf(error, 'policy.'))}
      />
    </>
  );
}

function LoadingSections() {
  return (
    <>
      <Section id="retention-rules" title="Rules" hint={RULES_HINT}>
        <Stack spacing={1.5} aria-busy="true" aria-label="Loading the retention rules">
          <Skeleton variant="text" width={240} />
          {[0, 1, 2].map((n) => (
            <Skeleton key={n} variant="rectangular" height={132} />
          ))}
        </Stack>
      </Section>
      <Section id="retention-preview" title="Preview" hint="What the sweep would do on a given day.">
        <Skeleton variant="rectangular" height={56} aria-hidden />
      </Section>
    </>
  );
}

/** The retention policy, a preview of its effect and the sweep's runs, for owners and admins (settings.manage). */
export function RetentionPage() {
  const dataProvider = useCandorDataProvider();
  const { data, isPending, error } = useQuery({
    queryKey: RETENTION_POLICY_KEY,
    queryFn: () => dataProvider.retentionPolicy(),
  });
  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 4, maxWidth: 1200 }}>
      <Title title="Retention" />
      <Box>
        <Typography variant="h5" component="h1">
          Retention
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Personal data is kept only as long as it is needed, then anonymized or erased automatically.
        </Typography>
      </Box>
      {isPending ? (
        <LoadingSections />
      ) : error ? (
        <Alert severity="error">Could not load the retention policy: {toHttpError(error).message}</Alert>
      ) : (
        <RetentionPolicyEditor result={data} />
      )}
      <RetentionRunsSection />
    </Stack>
  );
}
