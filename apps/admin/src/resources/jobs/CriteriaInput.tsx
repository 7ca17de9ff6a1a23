import { ArrayInput, SimpleFormIterator, TextInput } from 'react-admin';
import { AddRowButton } from '../../components/AddRowButton';

/** What interviewers rate on the scorecard for this job. */
export function CriteriaInput() {
  return (
    <ArrayInput source="criteria" label={false}>
      <SimpleFormIterator inline disableClear addButton={<AddRowButton label="Add criterion" />}>
        <TextInput source="name" label="Criterion" isRequired fullWidth={false} sx={{ minWidth: 240 }} />
        <TextInput
          source="description"
          label="What good looks like"
          fullWidth={false}
          sx={{ minWidth: 420 }}
        />
      </SimpleFormIterator>
    </ArrayInput>
  );
}
