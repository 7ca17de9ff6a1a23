import {
  RECIPIENT_ROLES,
  ROLES,
  ROLE_LABELS as STAFF_ROLE_LABELS,
  type TPrivacySettings,
  TRANSFER_SAFEGUARD_LABELS,
  TRANSFER_SAFEGUARDS,
  type TRecipientRole,
  type TSourcedNoticeMode,
  type TTransferSafeguard,
} from '@candor/schemas';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Chip,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  IconButton,
  MenuItem,
  Paper,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import type { ReactNode } from 'react';
import { SaveBar } from '../../components/SaveBar';
import { removeItem, replaceItem } from '../../lib/listEditing';
import {
  type EditableMeasure,
  type EditableRecipient,
  isTransferRow,
  MAX_MEASURES,
  MAX_RECIPIENTS,
  newMeasure,
  newRecipient,
  type ProcessingDraft,
  toProcessingDraft,
  toProcessingSettings,
} from './processingDraft';
import { FormError, SettingsSection, useSettingsForm } from './settingsForm';

const ROLE_LABELS: Record<TRecipientRole, string> = {
  processor: 'Processor',
  controller: 'Independent controller',
};

/** A titled part of the section, as "Consent purposes" is in the application form settings. */
function Part({
  id,
  title,
  hint,
  children,
}: {
  id: string;
  title: string;
  hint: ReactNode;
  children: ReactNode;
}) {
  return (
    <Box component="section" aria-labelledby={id}>
      <Typography id={id} variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        {title}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        {hint}
      </Typography>
      {children}
    </Box>
  );
}

type RecipientsProps = {
  recipients: readonly EditableRecipient[];
  onChange: (recipients: EditableRecipient[]) => void;
  /** The server's message for `<index>.<field>`. */
  fieldError: (path: string) => string | undefined;
  disabled: boolean;
};

/**
 * One row per recipient: who, in which role, what for, where, under which
 * safeguard, and where Art. 19 notices go. Rows rather than table columns:
 * six inputs side by side leave none of them readable in the page's width.
 */
function RecipientsEditor({ recipients, onChange, fieldError, disabled }: RecipientsProps) {
  const update = (index: number, patch: Partial<EditableRecipient>) => {
    const current = recipients[index];
    if (current) onChange(replaceItem(recipients, index, { ...current, ...patch }));
  };
  return (
    <Stack spacing={1.5}>
      {recipients.length === 0 && (
        <Typography color="text.secondary">
          No recipients recorded: the record of processing names only the hiring team and Candor.
        </Typography>
      )}
      <Box
        component="ol"
        aria-label="Recipients"
        sx={{ m: 0, p: 0, listStyle: 'none', display: 'grid', gap: 1.5 }}
      >
        {recipients.map((recipient, index) => {
          const n = index + 1;
          const error = (field: string) => fieldError(`${index}.${field}`);
          const transfer = isTransferRow(recipient);
          const headingId = `recipient-${recipient.rowKey}`;
          return (
            <Paper
              component="li"
              key={recipient.rowKey}
              variant="outlined"
              aria-labelledby={headingId}
              sx={{ p: 2 }}
            >
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1.5 }}>
                <Typography id={headingId} variant="subtitle2" component="h4">
                  Recipient {n}
                </Typography>
                {transfer && (
                  <Chip size="small" variant="outlined" color="warning" label="Transfer outside the EEA" />
                )}
                <Box sx={{ flex: 1 }} />
                <IconButton
                  aria-label={`Remove ${recipient.name.trim() || `recipient ${n}`}`}
                  disabled={disabled}
                  onClick={() => onChange(removeItem(recipients, index))}
                >
                  <DeleteOutlinedIcon fontSize="small" />
                </IconButton>
              </Stack>
              <Stack spacing={2}>
                <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
                  <TextField
                    size="small"
                    label="Name"
                    placeholder="e.g. Postmark (email delivery)"
                    value={recipient.name}
                    onChange={(event) => update(index, { name: event.target.value })}
                    error={Boolean(error('name'))}
                    helperText={error('name')}
                    disabled={disabled}
                    sx={{ flex: 1 }}
                    slotProps={{ htmlInput: { maxLength: 120 } }}
                  />
                  <TextField
                    select
                    size="small"
                    label="Role"
                    value={recipient.role}
                    onChange={(event) => update(index, { role: event.target.value as TRecipientRole })}
                    error={Boolean(error('role'))}
                    helperText={error('role')}
                    disabled={disabled}
                    sx={{ width: { md: 240 } }}
                  >
                    {RECIPIENT_ROLES.map((role) => (
                      <MenuItem key={role} value={role}>
                        {ROLE_LABELS[role]}
                      </MenuItem>
                    ))}
                  </TextField>
                </Stack>
                <TextField
                  size="small"
                  label="Purpose"
                  value={recipient.purpose}
                  onChange={(event) => update(index, { purpose: event.target.value })}
                  error={Boolean(error('purpose'))}
                  helperText={error('purpose') ?? "What they receive applicants' data for."}
                  disabled={disabled}
                  slotProps={{ htmlInput: { maxLength: 200 } }}
                />
                <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
                  <TextField
                    size="small"
                    label="Country"
                    placeholder="DE"
                    value={recipient.country}
                    onChange={(event) => update(index, { country: event.target.value.toUpperCase() })}
                    error={Boolean(error('country'))}
                    helperText={error('country') ?? 'Two letters, like US.'}
                    disabled={disabled}
                    sx={{ width: { md: 160 } }}
                    slotProps={{
                      htmlInput: {
                        maxLength: 2,
                        spellCheck: false,
                        autoCapitalize: 'characters',
                        autoComplete: 'off',
                      },
                    }}
                  />
                  <TextField
                    select
                    size="small"
                    label="Safeguard"
                    value={recipient.safeguard}
                    onChange={(event) =>
                      update(index, { safeguard: event.target.value as TTransferSafeguard })
                    }
                    error={Boolean(error('safeguard'))}
                    helperText={
                      error('safeguard') ??
                      (transfer
                        ? 'What the transfer relies on (GDPR Chapter V).'
                        : 'Needed only outside the EEA.')
                    }
                    disabled={disabled}
                    sx={{ flex: 1 }}
                  >
                    {TRANSFER_SAFEGUARDS.map((safeguard) => (
                      <MenuItem key={safeguard} value={safeguard}>
                        {TRANSFER_SAFEGUARD_LABELS[safeguard]}
                      </MenuItem>
                    ))}
                  </TextField>
                  <TextField
                    size="small"
                    type="email"
                    label="Email for Art. 19 notices"
                    value={recipient.notifyEmail}
                    onChange={(event) => update(index, { notifyEmail: event.target.value })}
                    error={Boolean(error('notifyEmail'))}
                    helperText={
                      error('notifyEmail') ??
                      'Told of erasures and corrections. Leave empty to notify them yourself.'
                    }
                    disabled={disabled}
                    sx={{ flex: 1 }}
                  />
                </Stack>
                <FormControlLabel
                  control={
                    <Checkbox
                      size="small"
                      checked={recipient.hrExport}
                      onChange={(event) => update(index, { hrExport: event.target.checked })}
                      disabled={disabled}
                    />
                  }
                  label="Our HR system: receives hires with “Export to HR”"
                />
              </Stack>
            </Paper>
          );
        })}
      </Box>
      <Box>
        <Button
          startIcon={<AddIcon />}
          disabled={disabled || recipients.length >= MAX_RECIPIENTS}
          onClick={() => onChange([...recipients, newRecipient()])}
        >
          Add recipient
        </Button>
        {recipients.length >= MAX_RECIPIENTS && (
          <FormHelperText>At most {MAX_RECIPIENTS} recipients.</FormHelperText>
        )}
      </Box>
    </Stack>
  );
}

type MeasuresProps = {
  measures: readonly EditableMeasure[];
  onChange: (measures: EditableMeasure[]) => void;
  fieldError: (index: number) => string | undefined;
  disabled: boolean;
};

function SecurityMeasuresEditor({ measures, onChange, fieldError, disabled }: MeasuresProps) {
  return (
    <Stack spacing={1}>
      {measures.length === 0 && (
        <Typography color="text.secondary">
          None of your own: the record lists Candor's built-in measures.
        </Typography>
      )}
      <Box
        component="ol"
        aria-label="Security measures"
        sx={{ m: 0, p: 0, listStyle: 'none', display: 'grid', gap: 1.5 }}
      >
        {measures.map((measure, index) => (
          <Box component="li" key={measure.rowKey} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
            <TextField
              size="small"
              fullWidth
              label={`Measure ${index + 1}`}
              value={measure.text}
              onChange={(event) =>
                onChange(replaceItem(measures, index, { ...measure, text: event.target.value }))
              }
              error={Boolean(fieldError(index))}
              helperText={fieldError(index)}
              disabled={disabled}
              slotProps={{ htmlInput: { maxLength: 300 } }}
            />
            <IconButton
              aria-label={`Remove measure ${index + 1}`}
              disabled={disabled}
              onClick={() => onChange(removeItem(measures, index))}
            >
              <DeleteOutlinedIcon fontSize="small" />
            </IconButton>
          </Box>
        ))}
      </Box>
      <Box>
        <Button
          startIcon={<AddIcon />}
          disabled={disabled || measures.length >= MAX_MEASURES}
          onClick={() => onChange([...measures, newMeasure()])}
        >
          Add measure
        </Button>
        {measures.length >= MAX_MEASURES && <FormHelperText>At most {MAX_MEASURES} measures.</FormHelperText>}
      </Box>
    </Stack>
  );
}

function ProcessingEditor({ settings }: { settings: TPrivacySettings }) {
  const { draft, errors, saving, change, save, discard } = useSettingsForm(
    settings,
    toProcessingDraft,
    'Controller and recipients saved; the record of processing is updated',
  );
  const disabled = saving;

  return (
    <Stack spacing={3}>
      <FormError errors={errors} />
      <Part
        id="processing-controller-title"
        title="Controller"
        hint="Who is responsible for the applicants' data."
      >
        <Stack spacing={2}>
          <TextField
            label="Postal address"
            multiline
            minRows={2}
            value={draft.controllerAddress}
            onChange={(event) => change({ controllerAddress: event.target.value })}
            error={Boolean(errors.controllerAddress)}
            helperText={
              errors.controllerAddress ?? "The company's address, as the record of processing names it."
            }
            disabled={disabled}
            slotProps={{ htmlInput: { maxLength: 300, autoComplete: 'street-address' } }}
          />
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
            <TextField
              label="Data protection officer"
              value={draft.dpoName}
              onChange={(event) => change({ dpoName: event.target.value })}
              error={Boolean(errors['dpo.name'])}
              helperText={
                errors['dpo.name'] ?? 'Name of the DPO. Leave both fields empty if none is designated.'
              }
              disabled={disabled}
              sx={{ flex: 1 }}
              slotProps={{ htmlInput: { maxLength: 120 } }}
            />
            <TextField
              type="email"
              label="Data protection officer email"
              value={draft.dpoEmail}
              onChange={(event) => change({ dpoEmail: event.target.value })}
              error={Boolean(errors['dpo.email'])}
              helperText={errors['dpo.email'] ?? 'How applicants and authorities reach the DPO.'}
              disabled={disabled}
              sx={{ flex: 1 }}
            />
          </Stack>
        </Stack>
      </Part>
      <Part
        id="processing-recipients-title"
        title="Recipients"
        hint={
          <>
            Companies outside yours that receive applicants' data: processors working for you (e.g. email
            delivery), and independent controllers (e.g. a background-check company). Outside the EEA, name
            the safeguard of the transfer. Each time data goes to one (Export to HR, or a disclosure recorded
            on the candidate's page) it is logged for that person; recipients in a person's log with an email
            get a notice when that person's data is erased, corrected or restricted (Art. 19), and no one else
            does.
          </>
        }
      >
        {errors.recipients && (
          <Alert severity="error" role="alert" sx={{ mb: 1 }}>
            {errors.recipients}
          </Alert>
        )}
        <RecipientsEditor
          recipients={draft.recipients}
          onChange={(recipients) => change({ recipients })}
          fieldError={(path) => errors[`recipients.${path}`]}
          disabled={disabled}
        />
      </Part>
      <Part
        id="processing-measures-title"
        title="Security measures"
        hint="Your own organisational measures (e.g. training, device policy). The record lists them after Candor's built-in ones: access by role, tenant isolation, hashed passwords, audited downloads, a tamper-evident audit log."
      >
        {errors.securityMeasures && (
          <Alert severity="error" role="alert" sx={{ mb: 1 }}>
            {errors.securityMeasures}
          </Alert>
        )}
        <SecurityMeasuresEditor
          measures={draft.securityMeasures}
          onChange={(securityMeasures) => change({ securityMeasures })}
          fieldError={(index) => errors[`securityMeasures.${index}`]}
          disabled={disabled}
        />
      </Part>
      <Part
        id="processing-export-title"
        title="Copies of their data"
        hint="What an applicant's copy of their data (privacy portal, access requests) says about your staff. Scorecards and notes are opinions about the applicant and always in it; who wrote them is shown by role unless you choose names."
      >
        <FormControlLabel
          control={
            <Checkbox
              checked={draft.exportStaffNames}
              onChange={(event) => change({ exportStaffNames: event.target.checked })}
              disabled={disabled}
            />
          }
          label="Name the staff who wrote scorecards and notes"
        />
      </Part>
      <Part
        id="processing-sourced-title"
        title="People you add yourselves"
        hint="Someone you source, are referred to or import did not give you their details: the GDPR (Art. 14) requires telling them what you hold, where it came from and how to use their rights, within a month and before anyone writes to them. Candor always sends it with the first message, and on the last day if nobody did."
      >
        <RadioGroup
          aria-labelledby="processing-sourced-title"
          value={draft.sourcedNotice}
          onChange={(event) => change({ sourcedNotice: event.target.value as TSourcedNoticeMode })}
        >
          <FormControlLabel
            value="when_added"
            control={<Radio disabled={disabled} />}
            label="Email them as soon as they are added"
          />
          <FormControlLabel
            value="by_hand"
            control={<Radio disabled={disabled} />}
            label="Let us send it from the candidates list (filter “Not yet told”)"
          />
        </RadioGroup>
      </Part>
      <Part
        id="processing-checks-title"
        title="Background checks"
        hint="Off unless you turn them on. At the offer stage, staff can then ask a candidate to sign a standalone disclosure and authorization; the report (criminal-offence data, GDPR Art. 10) is sealed and read only by the roles you name; an adverse decision follows the US FCRA steps: a pre-adverse notice with the report, a waiting period in business days, then the final notice. The careers site's privacy page mentions background checks only while this is on."
      >
        <BackgroundCheckFields
          value={draft.backgroundChecks}
          onChange={(backgroundChecks) => change({ backgroundChecks })}
          fieldError={(path) => errors[`backgroundChecks.${path}`]}
          disabled={disabled}
        />
      </Part>
      <SaveBar
        placement="inline"
        saveLabel="Save controller and recipients"
        saving={saving}
        onSave={() => save(toProcessingSettings(draft, settings))}
        onDiscard={discard}
      />
    </Stack>
  );
}

function BackgroundCheckFields({
  value,
  onChange,
  fieldError,
  disabled,
}: {
  value: ProcessingDraft['backgroundChecks'];
  onChange: (value: ProcessingDraft['backgroundChecks']) => void;
  fieldError: (path: string) => string | undefined;
  disabled: boolean;
}) {
  const set = (patch: Partial<ProcessingDraft['backgroundChecks']>) => onChange({ ...value, ...patch });
  const holidayError = Object.entries({ holidays: fieldError('holidays') })
    .concat(
      value.holidays.split(/[\s,]+/).map((_day: string, i: number) => [`${i}`, fieldError(`holidays.${i}`)]),
    )
    .find(([, message]) => message)?.[1];
  return (
    <Stack spacing={2}>
      <FormControlLabel
        control={
          <Checkbox
            checked={value.enabled}
            onChange={(event) => set({ enabled: event.target.checked })}
            disabled={disabled}
          />
        }
        label="Offer background checks at the offer stage"
      />
      <FormControl component="fieldset" disabled={disabled || !value.enabled}>
        <FormLabel component="legend">Who may read reports</FormLabel>
        <FormGroup row>
          {ROLES.map((role) => (
            <FormControlLabel
              key={role}
              control={
                <Checkbox
                  checked={value.viewerRoles.includes(role)}
                  onChange={(event) =>
                    set({
                      viewerRoles: event.target.checked
                        ? [...value.viewerRoles, role]
                        : value.viewerRoles.filter((r) => r !== role),
                    })
                  }
                />
              }
              label={STAFF_ROLE_LABELS[role]}
            />
          ))}
        </FormGroup>
        <FormHelperText>
          Hiring managers never see a check while the application is in blind review.
        </FormHelperText>
      </FormControl>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField
          type="number"
          label="Waiting period (business days)"
          value={value.waitingDays}
          onChange={(event) => set({ waitingDays: Number(event.target.value) })}
          error={!!fieldError('waitingDays')}
          helperText={fieldError('waitingDays') ?? 'Between the pre-adverse and the final notice'}
          disabled={disabled || !value.enabled}
          slotProps={{ htmlInput: { min: 1, max: 30 } }}
        />
        <TextField
          type="number"
          label="Keep reports (months after the decision)"
          value={value.retentionMonths}
          onChange={(event) => set({ retentionMonths: Number(event.target.value) })}
          error={!!fieldError('retentionMonths')}
          helperText={fieldError('retentionMonths') ?? 'Then the retention run erases them'}
          disabled={disabled || !value.enabled}
          slotProps={{ htmlInput: { min: 1, max: 60 } }}
        />
      </Stack>
      <TextField
        label="Holidays (not business days)"
        multiline
        minRows={2}
        value={value.holidays}
        onChange={(event) => set({ holidays: event.target.value })}
        error={!!holidayError}
        helperText={holidayError ?? 'One date a line, like 2026-12-25. Weekends never count.'}
        disabled={disabled || !value.enabled}
      />
    </Stack>
  );
}

/** The controller's address and DPO, the recipients of applicants' data and transfers, and the company's own security measures. */
export function ProcessingSection() {
  return (
    <SettingsSection
      id="privacy-processing"
      title="Controller and recipients"
      hint="Who is responsible, who else receives applicants' data and where it goes. The record of processing below is generated from these."
      what="the controller and recipients"
    >
      {(settings) => <ProcessingEditor settings={settings} />}
    </SettingsSection>
  );
}
