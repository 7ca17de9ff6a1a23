import { ArrayInput, AutocompleteInput, SelectInput, SimpleFormIterator } from 'react-admin';
import { AddRowButton } from '../../components/AddRowButton';
import { HIRING_TEAM_ROLE_CHOICES } from '../../lib/labels';
import { type TeamPerson, useTeamDirectory } from './useTeamDirectory';

const personText = (person: TeamPerson) => `${person.name} (${person.email})`;

/** Who works on the job. Hiring managers and interviewers see only jobs they are on. */
export function HiringTeamInput() {
  const { data: people = [], isPending } = useTeamDirectory();
  return (
    <ArrayInput
      source="hiringTeam"
      label={false}
      helperText="Hiring managers and interviewers see only the jobs whose team they are on."
    >
      <SimpleFormIterator
        inline
        disableReordering
        disableClear
        addButton={<AddRowButton label="Add person" />}
      >
        <AutocompleteInput
          source="userId"
          label="Person"
          choices={people}
          optionText={personText}
          isPending={isPending}
          isRequired
          // "Add person" puts the focus in the new row's picker; opening on that focus made the click
          // that follows close the list again (an empty picker's click toggles it). Without it, a click
          // opens the list, on a new row as on a filled one; the arrow keys open it from the keyboard.
          openOnFocus={false}
          // The width goes on the Autocomplete; its text field fills it.
          fullWidth
          sx={{ width: 400, maxWidth: '100%' }}
        />
        <SelectInput
          source="role"
          fullWidth={false}
          sx={{ width: 220 }}
          label="Role on the team"
          choices={HIRING_TEAM_ROLE_CHOICES}
          defaultValue="interviewer"
          isRequired
        />
      </SimpleFormIterator>
    </ArrayInput>
  );
}
