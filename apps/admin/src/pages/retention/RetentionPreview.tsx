import { dayOf, type TRetentionPolicy, type TRetentionPreview } from '@candor/schemas';
import {
  Alert,
  Box,
  Button,
  Chip,
  CircularProgress,
  Link,
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
import { EmptyState } from '../../components/EmptyState';
import { Section } from '../../components/Section';
import { dayLabel } from '../../lib/dates';
import { toHttpError } from '../../providers/errors';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';
import { ACTION_TEXT } from './retentionDraft';

type PreviewRule = TRetentionPreview['rules'][number];

/** What the next sweep does with a rule: a preview runs nothing, so it says what would happen. */
function outcomeOf(rule: PreviewRule): { label: string; color: 'primary' | 'default' } {
  if (!rule.enabled) return { label: 'Off: skipped', color: 'default' };
  if (rule.count - rule.held === 0) return { label: 'Nothing to do', color: 'default' };
  return { label: `Would act on ${rule.count - rule.held}`, color: 'primary' };
}

/** Due items per rule as horizontal bars; the table below has the same numbers for screen readers. */
function CountsChart({ rules }: { rules: readonly PreviewRule[] }) {
  const max = Math.max(1, ...rules.map((r) => r.count));
  return (
    <Box component="figure" aria-hidden sx={{ m: 0, display: 'grid', gap: 0.75 }}>
      {rules.map((rule) => (
        <Box
          key={rule.ruleId}
          sx={{
            display: 'grid',
            gridTemplateColumns: { xs: '1fr', md: '280px 1fr 56px' },
            gap: 1,
            alignItems: 'center',
          }}
        >
          <Typography variant="body2" noWrap title={rule.label}>
            {rule.label}
          </Typography>
          <Box
            sx={{ bgcolor: 'action.hover', borderRadius: 1, height: 14, overflow: 'hidden', display: 'flex' }}
          >
            <Box
              sx={{
                width: `${((rule.count - rule.held) / max) * 100}%`,
                bgcolor: rule.enabled ? 'primary.main' : 'grey.500',
              }}
            />
            <Box sx={{ width: `${(rule.held / max) * 100}%`, bgcolor: 'warning.main' }} />
          </Box>
          <Typography variant="body2" sx={{ textAlign: { md: 'right' }, fontVariantNumeric: 'tabular-nums' }}>
            {rule.enabled ? rule.count : 'off'}
          </Typography>
        </Box>
      ))}
      <Typography component="figcaption" variant="caption" color="text.secondary">
        Due items per rule; amber: kept by a legal hold.
      </Typography>
    </Box>
  );
}

/** Candidates shown before "Show all": the preview lists up to 50. */
const FIRST_SHOWN = 10;

function PreviewResult({ preview, dirty }: { preview: TRetentionPreview; dirty: boolean }) {
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? preview.candidates : preview.candidates.slice(0, FIRST_SHOWN);
  const acted = preview.rules.filter((r) => r.enabled);
  const total = acted.reduce((sum, r) => sum + r.count - r.held, 0);
  const held = acted.reduce((sum, r) => sum + r.held, 0);
  const labelOf = new Map(preview.rules.map((r) => [r.ruleId, r.label]));
  return (
    <Stack spacing={3} sx={{ mt: 3 }}>
      <Alert severity={total > 0 ? 'warning' : 'success'}>
        At the end of {dayLabel(preview.date)} the sweep would act on {total} {total === 1 ? 'item' : 'items'}
        {held > 0 ? `, and skip ${held} under a legal hold` : ''}.{' '}
        {dirty ? 'This uses the rules in the form, unsaved changes included.' : 'This uses the saved rules.'}
      </Alert>
      <Box component="section" aria-labelledby="retention-preview-rules">
        <Typography
          id="retention-preview-rules"
          variant="subtitle1"
          component="h3"
          sx={{ fontWeight: 600, mb: 1 }}
        >
          Due per rule
        </Typography>
        <CountsChart rules={preview.rules} />
        <Box sx={{ overflowX: 'auto', mt: 2 }}>
          <Table size="small" aria-label="Due items per rule">
            <TableHead>
              <TableRow>
                <TableCell>Rule</TableCell>
                <TableCell>Action</TableCell>
                <TableCell align="right">Due</TableCell>
                <TableCell align="right">Held (skipped)</TableCell>
                <TableCell>Next sweep</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {preview.rules.map((rule) => {
                const outcome = outcomeOf(rule);
                return (
                  <TableRow key={rule.ruleId}>
                    <TableCell>{rule.label}</TableCell>
                    <TableCell>{ACTION_TEXT[rule.action]}</TableCell>
                    <TableCell align="right">{rule.enabled ? rule.count : '—'}</TableCell>
                    <TableCell align="right">{rule.enabled ? rule.held : '—'}</TableCell>
                    <TableCell>
                      <Chip size="small" variant="outlined" color={outcome.color} label={outcome.label} />
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Box>
        <Typography variant="body2" sx={{ mt: 1.5 }}>
          <strong>Renewal requests due: {preview.renewalsDue}.</strong>{' '}
          {preview.renewalsDue === 1 ? 'One talent-pool consent runs' : 'Talent-pool consents that run'} out
          within the renewal notice; the candidate is asked by email to renew.
        </Typography>
        {preview.awaitingHrExport > 0 && (
          <Alert severity="info" sx={{ mt: 1.5 }}>
            {preview.awaitingHrExport === 1
              ? 'One hired candidate is'
              : `${preview.awaitingHrExport} hired candidates are`}{' '}
            past the hired-candidates period but kept: HR has not received their record yet. Use “Export to
            HR” on the application; the period then counts from the export.
          </Alert>
        )}
      </Box>
      <Box component="section" aria-labelledby="retention-preview-candidates">
        <Typography
          id="retention-preview-candidates"
          variant="subtitle1"
          component="h3"
          sx={{ fontWeight: 600, mb: 1 }}
        >
          First affected candidates
        </Typography>
        {preview.candidates.length === 0 ? (
          <EmptyState
            title="Nobody is affected on this day"
            hint="No candidate’s data is due under these rules."
          />
        ) : (
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small" aria-label="First affected candidates">
              <TableHead>
                <TableRow>
                  <TableCell>Candidate</TableCell>
                  <TableCell>Rule</TableCell>
                  <TableCell>Action</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {shown.map((c) => (
                  <TableRow key={`${c.ruleId}/${c.targetId ?? c.candidateId}`}>
                    <TableCell>
                      <Link href={`#/candidates/${c.candidateId}/show`}>{c.name || 'Unnamed candidate'}</Link>
                    </TableCell>
                    <TableCell>{labelOf.get(c.ruleId) ?? c.ruleId}</TableCell>
                    <TableCell>
                      {ACTION_TEXT[c.action]}
                      {c.targetId && (
                        <Typography component="span" variant="body2" color="text.secondary">
                          {c.action === 'anonymize' ? ' one application' : ' one privacy request'}
                        </Typography>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <Stack direction="row" spacing={2} sx={{ mt: 1, alignItems: 'center' }}>
              {preview.candidates.length > FIRST_SHOWN && (
                <Button size="small" onClick={() => setShowAll((all) => !all)}>
                  {showAll ? `Show the first ${FIRST_SHOWN}` : `Show all ${preview.candidates.length}`}
                </Button>
              )}
              <Typography variant="caption" color="text.secondary">
                At most 50 are listed; candidates under a legal hold are not.
              </Typography>
            </Stack>
          </Box>
        )}
      </Box>
    </Stack>
  );
}

/**
 * What the sweep would do at the end of a day, for the rules in the form
 * (saved or not): counts per rule, holds, renewals and the first candidates.
 */
export function RetentionPreviewSection({
  policy,
  dirty,
  rulesInvalid,
  onInvalidPolicy,
}: {
  policy: () => TRetentionPolicy;
  dirty: boolean;
  /** Whether the rules form shows errors now: a refusal of the rules is shown here only while it does. */
  rulesInvalid: boolean;
  onInvalidPolicy: (error: unknown) => void;
}) {
  const dataProvider = useCandorDataProvider();
  const [date, setDate] = useState(() => dayOf());
  const [error, setError] = useState<{ date?: string; form?: string }>({});
  const [rulesRefused, setRulesRefused] = useState(false);
  /** Whether the shown preview used unsaved rules (the form may have changed since). */
  const [usedUnsaved, setUsedUnsaved] = useState(false);
  const preview = useMutation({
    mutationFn: (input: { date: string; policy: TRetentionPolicy }) => dataProvider.previewRetention(input),
    onMutate: () => setRulesRefused(false),
    onSuccess: () => setError({}),
    onError: (failure) => {
      const httpError = toHttpError(failure);
      const fields: Record<string, string> = httpError.body?.errors ?? {};
      if (Object.keys(fields).some((path) => path.startsWith('policy.'))) {
        onInvalidPolicy(failure);
        setRulesRefused(true);
        setError({ date: fields.date });
      } else {
        setError(fields.date ? { date: fields.date } : { form: httpError.message });
      }
    },
  });
  return (
    <Section
      id="retention-preview"
      title="Preview"
      hint="What the sweep would do at the end of a day, with the rules in the form, before you save them. Nothing is changed."
    >
      <Stack
        component="form"
        direction={{ xs: 'column', sm: 'row' }}
        spacing={2}
        sx={{ alignItems: { sm: 'flex-start' } }}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setUsedUnsaved(dirty);
          preview.mutate({ date, policy: policy() });
        }}
      >
        <TextField
          size="small"
          type="date"
          label="Day"
          value={date}
          onChange={(event) => {
            setDate(event.target.value);
            setError({});
          }}
          error={Boolean(error.date)}
          helperText={error.date}
          sx={{ width: { sm: 200 } }}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <Button
          type="submit"
          variant="contained"
          disabled={preview.isPending}
          startIcon={
            preview.isPending ? <CircularProgress size={16} color="inherit" aria-hidden /> : undefined
          }
          sx={{ height: 40 }}
        >
          Preview
        </Button>
      </Stack>
      {(error.form || (rulesRefused && rulesInvalid)) && (
        <Alert severity="error" role="alert" sx={{ mt: 2 }}>
          {error.form ?? 'The rules in the form are not valid; see the messages above.'}
        </Alert>
      )}
      {preview.data ? (
        <Box aria-busy={preview.isPending} sx={{ opacity: preview.isPending ? 0.6 : 1 }}>
          <PreviewResult key={preview.submittedAt} preview={preview.data} dirty={usedUnsaved} />
        </Box>
      ) : (
        !preview.isPending &&
        !error.form &&
        !(rulesRefused && rulesInvalid) && (
          <Typography color="text.secondary" sx={{ mt: 2 }}>
            Pick a day and press Preview to see how many items each rule would anonymize or erase.
          </Typography>
        )
      )}
    </Section>
  );
}
