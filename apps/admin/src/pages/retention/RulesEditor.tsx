import AddIcon from '@mui/icons-material/Add';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import {
  Box,
  Button,
  Chip,
  FormControlLabel,
  FormHelperText,
  IconButton,
  MenuItem,
  Paper,
  Stack,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import { removeItem, replaceItem } from '../../lib/listEditing';
import {
  ACTION_TEXT,
  allowedActions,
  type DraftOverride,
  type DraftPeriod,
  type DraftRule,
  type Errors,
  newOverride,
  type RetentionDraft,
  TRIGGER_TEXT,
  UNIT_TEXT,
  withPeriod,
} from './retentionDraft';

export const MAX_OVERRIDES = 100;

type Props = {
  draft: RetentionDraft;
  onChange: (draft: RetentionDraft) => void;
  errors: Errors;
  disabled: boolean;
};

function PeriodFields({
  period,
  onChange,
  amountError,
  unitError,
  amountHelp,
  disabled,
}: {
  period: DraftPeriod;
  onChange: (period: DraftPeriod) => void;
  amountError: string | undefined;
  unitError: string | undefined;
  amountHelp?: string;
  disabled: boolean;
}) {
  return (
    <>
      <TextField
        size="small"
        type="number"
        label="Keep for"
        value={period.amount}
        onChange={(event) => onChange({ ...period, amount: event.target.value })}
        error={Boolean(amountError)}
        helperText={amountError ?? amountHelp}
        disabled={disabled}
        sx={{ width: { md: 130 } }}
        slotProps={{ htmlInput: { min: 1, max: 1200, step: 1 } }}
      />
      <TextField
        size="small"
        select
        label="Unit"
        value={period.unit}
        onChange={(event) => onChange({ ...period, unit: event.target.value === 'days' ? 'days' : 'months' })}
        error={Boolean(unitError)}
        helperText={unitError}
        disabled={disabled}
        sx={{ width: { md: 130 } }}
      >
        {(['days', 'months'] as const).map((unit) => (
          <MenuItem key={unit} value={unit}>
            {UNIT_TEXT[unit]}
          </MenuItem>
        ))}
      </TextField>
    </>
  );
}

function RuleCard({
  rule,
  index,
  onChange,
  errors,
  disabled,
}: {
  rule: DraftRule;
  index: number;
  onChange: (rule: DraftRule) => void;
  errors: Errors;
  disabled: boolean;
}) {
  const at = (path: string) => errors[`rules.${index}.${path}`];
  const headingId = `retention-rule-${rule.id}`;
  return (
    <Paper
      component="li"
      variant="outlined"
      aria-labelledby={headingId}
      sx={{ p: 2, opacity: rule.enabled ? 1 : 0.85 }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', mb: 1 }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography id={headingId} variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
            {rule.label.trim() || rule.id}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            Starts: {TRIGGER_TEXT[rule.trigger]}
          </Typography>
        </Box>
        {!rule.enabled && <Chip size="small" label="Off" />}
        <FormControlLabel
          control={
            <Switch
              checked={rule.enabled}
              onChange={(event) => onChange({ ...rule, enabled: event.target.checked })}
              disabled={disabled}
            />
          }
          label="Enabled"
          sx={{ mr: 0 }}
        />
      </Stack>
      <Stack spacing={2}>
        <TextField
          size="small"
          label="Label"
          value={rule.label}
          onChange={(event) => onChange({ ...rule, label: event.target.value })}
          error={Boolean(at('label'))}
          helperText={at('label')}
          disabled={disabled}
          fullWidth
          slotProps={{ htmlInput: { maxLength: 120 } }}
        />
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'flex-start' } }}>
          <PeriodFields
            period={rule.period}
            onChange={(period) => onChange(withPeriod(rule, period))}
            amountError={at('period.amount')}
            unitError={at('period.unit')}
            disabled={disabled}
          />
          <TextField
            size="small"
            select
            label="Then"
            value={rule.action}
            onChange={(event) => {
              const action = allowedActions(rule.trigger).find((a) => a === event.target.value);
              if (action) onChange({ ...rule, action });
            }}
            error={Boolean(at('action'))}
            helperText={at('action')}
            disabled={disabled}
            sx={{ width: { md: 160 } }}
          >
            {allowedActions(rule.trigger).map((action) => (
              <MenuItem key={action} value={action}>
                {ACTION_TEXT[action]}
              </MenuItem>
            ))}
          </TextField>
          {rule.trigger === 'talent_pool_consent' && (
            <TextField
              size="small"
              type="number"
              label="Renewal notice (days)"
              value={rule.renewalNoticeDays}
              onChange={(event) => onChange({ ...rule, renewalNoticeDays: event.target.value })}
              error={Boolean(at('renewalNoticeDays'))}
              helperText={
                at('renewalNoticeDays') ?? 'Ask the candidate to renew this many days before; 0: never ask.'
              }
              disabled={disabled}
              sx={{ width: { md: 260 } }}
              slotProps={{ htmlInput: { min: 0, max: 365, step: 1 } }}
            />
          )}
        </Stack>
        {rule.trigger === 'audit_event' && (
          <FormHelperText sx={{ mt: 0 }}>
            The oldest events are deleted from the start of the hash chain; the chain records where it was
            cut, so “Verify integrity” still checks every event kept.
          </FormHelperText>
        )}
        {rule.trigger === 'candidate_hired' && (
          <FormHelperText sx={{ mt: 0 }}>
            Counts from the later of the hire and its “Export to HR”; a hire never exported is kept and shown
            in the preview.
          </FormHelperText>
        )}
      </Stack>
    </Paper>
  );
}

function OverrideRow({
  override,
  index,
  rules,
  onChange,
  onRemove,
  errors,
  disabled,
}: {
  override: DraftOverride;
  index: number;
  rules: readonly DraftRule[];
  onChange: (override: DraftOverride) => void;
  onRemove: () => void;
  errors: Errors;
  disabled: boolean;
}) {
  const at = (path: string) => errors[`overrides.${index}.${path}`];
  const name = `override ${index + 1}${override.country ? ` (${override.country.toUpperCase()})` : ''}`;
  return (
    <Paper
      component="li"
      variant="outlined"
      aria-label={`Override ${index + 1}`}
      sx={{
        p: 1.5,
        display: 'grid',
        gap: 2,
        alignItems: 'start',
        // minmax(0, …): a long rule label is cut with an ellipsis instead of pushing the row wider.
        gridTemplateColumns: { xs: '1fr', md: '120px minmax(0, 1fr) 130px 130px auto' },
      }}
    >
      <TextField
        size="small"
        label="Country"
        value={override.country}
        onChange={(event) => onChange({ ...override, country: event.target.value.toUpperCase() })}
        error={Boolean(at('country'))}
        helperText={at('country') ?? 'Two letters, like DE'}
        disabled={disabled}
        slotProps={{ htmlInput: { maxLength: 2, autoComplete: 'off', spellCheck: false } }}
      />
      <TextField
        size="small"
        select
        label="Rule"
        value={override.ruleId}
        onChange={(event) => onChange({ ...override, ruleId: event.target.value })}
        error={Boolean(at('ruleId'))}
        helperText={at('ruleId')}
        disabled={disabled}
      >
        {rules.map((rule) => (
          <MenuItem key={rule.id} value={rule.id}>
            {rule.label.trim() || rule.id}
          </MenuItem>
        ))}
      </TextField>
      <PeriodFields
        period={override.period}
        onChange={(period) => onChange({ ...override, period })}
        amountError={at('period.amount')}
        unitError={at('period.unit')}
        disabled={disabled}
      />
      <IconButton aria-label={`Remove ${name}`} onClick={onRemove} disabled={disabled}>
        <DeleteOutlinedIcon fontSize="small" />
      </IconButton>
    </Paper>
  );
}

/** The rules in order, then the per-country periods that replace a rule's own. */
export function RulesEditor({ draft, onChange, errors, disabled }: Props) {
  const listError = errors.rules;
  const overridesError = errors.overrides;
  return (
    <Stack spacing={3}>
      <Box>
        {listError && <FormHelperText error>{listError}</FormHelperText>}
        <Box
          component="ol"
          aria-label="Retention rules"
          sx={{ m: 0, p: 0, listStyle: 'none', display: 'grid', gap: 1.5 }}
        >
          {draft.rules.map((rule, index) => (
            <RuleCard
              key={rule.id}
              rule={rule}
              index={index}
              onChange={(next) => onChange({ ...draft, rules: replaceItem(draft.rules, index, next) })}
              errors={errors}
              disabled={disabled}
            />
          ))}
        </Box>
      </Box>
      <Box component="section" aria-labelledby="retention-overrides-title">
        <Typography
          id="retention-overrides-title"
          variant="subtitle1"
          component="h3"
          sx={{ fontWeight: 600 }}
        >
          Country overrides
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
          A different period for one rule where the job (or the privacy request) is in that country, for local
          laws that ask for shorter or longer keeping.
        </Typography>
        {overridesError && <FormHelperText error>{overridesError}</FormHelperText>}
        {draft.overrides.length === 0 ? (
          <Typography color="text.secondary" sx={{ mb: 1 }}>
            No overrides: every country uses the rules’ own periods.
          </Typography>
        ) : (
          <Box
            component="ol"
            aria-label="Country overrides"
            sx={{ m: 0, mb: 1, p: 0, listStyle: 'none', display: 'grid', gap: 1 }}
          >
            {draft.overrides.map((override, index) => (
              <OverrideRow
                key={override.rowKey}
                override={override}
                index={index}
                rules={draft.rules}
                onChange={(next) =>
                  onChange({ ...draft, overrides: replaceItem(draft.overrides, index, next) })
                }
                onRemove={() => onChange({ ...draft, overrides: removeItem(draft.overrides, index) })}
                errors={errors}
                disabled={disabled}
              />
            ))}
          </Box>
        )}
        <Button
          startIcon={<AddIcon />}
          disabled={disabled || draft.overrides.length >= MAX_OVERRIDES || draft.rules.length === 0}
          onClick={() => onChange({ ...draft, overrides: [...draft.overrides, newOverride(draft)] })}
        >
          Add override
        </Button>
      </Box>
    </Stack>
  );
}
