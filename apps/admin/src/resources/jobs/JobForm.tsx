import { PROFILE_SECTION_LABELS, PROFILE_SECTIONS, TIME_ZONES, ZJobCreateInput } from '@candor/schemas';
import { Box, Typography } from '@mui/material';
import {
  AutocompleteInput,
  CheckboxGroupInput,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
} from 'react-admin';
import { Section } from '../../components/Section';
import { EMPLOYMENT_TYPE_CHOICES, WORKPLACE_CHOICES } from '../../lib/labels';
import { validateWith } from '../../validation';
import { CriteriaInput } from './CriteriaInput';
import { DepartmentInput } from './DepartmentInput';
import { DescriptionInput } from './DescriptionInput';
import { HiringTeamInput } from './HiringTeamInput';
import { type JobFormValues, toJobInput } from './jobInput';
import { QuestionsInput } from './QuestionsInput';
import { SalaryInput } from './SalaryInput';
import { TranslationsInput } from './TranslationsInput';

const TIME_ZONE_CHOICES = TIME_ZONES.map((zone) => ({ id: zone, name: zone }));
const PROFILE_SECTION_CHOICES = PROFILE_SECTIONS.map((id) => ({ id, name: PROFILE_SECTION_LABELS[id] }));

const validateJob = validateWith(ZJobCreateInput, (values: JobFormValues) => toJobInput(values));

function SaveOnlyToolbar({ label }: { label: string }) {
  return (
    <Toolbar>
      <SaveButton label={label} />
    </Toolbar>
  );
}

/** The fields of a job, shared by create and edit. */
export function JobForm({
  defaultValues,
  saveLabel,
}: {
  defaultValues: JobFormValues | ((record: never) => JobFormValues);
  saveLabel: string;
}) {
  return (
    <SimpleForm
      defaultValues={defaultValues}
      warnWhenUnsavedChanges
      validate={validateJob}
      toolbar={<SaveOnlyToolbar label={saveLabel} />}
      noValidate
      sx={{ maxWidth: 960 }}
    >
      <Typography variant="h6" component="h2">
        Details
      </Typography>
      <TextInput source="title" label="Job title" isRequired fullWidth />
      <Box sx={{ display: 'flex', columnGap: 2, flexWrap: 'wrap', width: '100%' }}>
        <DepartmentInput
          source="department"
          label="Department"
          isRequired
          fullWidth={false}
          sx={{ minWidth: 220 }}
        />
        <SelectInput
          source="employmentType"
          label="Employment type"
          choices={EMPLOYMENT_TYPE_CHOICES}
          isRequired
          fullWidth={false}
          sx={{ minWidth: 200 }}
        />
        <SelectInput
          source="workplace"
          label="Workplace"
          choices={WORKPLACE_CHOICES}
          isRequired
          fullWidth={false}
          sx={{ minWidth: 160 }}
        />
      </Box>
      <Box sx={{ display: 'flex', columnGap: 2, flexWrap: 'wrap', width: '100%' }}>
        <TextInput source="city" label="City" fullWidth={false} sx={{ minWidth: 220 }} />
        <TextInput
          source="country"
          label="Country"
          helperText="Two-letter code, e.g. DE. For a remote job: where applicants may live (needed to open it)"
          parse={(value: string) => (value ? value.toUpperCase() : null)}
          fullWidth={false}
          sx={{ width: 280 }}
        />
        <AutocompleteInput
          source="timeZone"
          label="Time zone"
          choices={TIME_ZONE_CHOICES}
          helperText="Interview times in candidates' emails are in this zone (UTC if empty)"
          parse={(value: string | null) => value || null}
          fullWidth={false}
          sx={{ width: 300 }}
        />
      </Box>

      <Section variant="divided" title="Description">
        <DescriptionInput />
      </Section>

      <Section variant="divided" title="Other languages">
        <TranslationsInput />
      </Section>

      <Section variant="divided" title="Salary">
        <SalaryInput />
      </Section>

      <Section variant="divided" title="Hiring team">
        <HiringTeamInput />
      </Section>

      <Section
        variant="divided"
        title="Application questions"
        hint="Asked on the careers site when someone applies."
      >
        <QuestionsInput />
        <CheckboxGroupInput
          source="profileSections"
          label="Also ask for (each optional for the applicant: a resume is always enough)"
          choices={PROFILE_SECTION_CHOICES}
          helperText="Saved to the candidate's profile. The structured salary expectation replaces the free-text question."
        />
      </Section>

      <Section variant="divided" title="Scorecard" hint="The criteria interviewers rate candidates on.">
        <CriteriaInput />
      </Section>
    </SimpleForm>
  );
}
