import { ZUserInviteInput } from '@candor/schemas';
import { Create, SelectInput, SimpleForm, TextInput, useNotify, useRedirect } from 'react-admin';
import { PageHeading } from '../../components/PageHeading';
import { useMe } from '../../providers/authProvider';
import { validateWith } from '../../validation';
import { assignableRoleChoices } from './choices';

const validateInvite = validateWith(ZUserInviteInput);

export function UserCreate() {
  const { me } = useMe();
  const notify = useNotify();
  const redirect = useRedirect();
  // The form is noValidate: the browser's own email check would pre-empt the schema's messages.
  return (
    <>
      <PageHeading aboveList>Invite user</PageHeading>
      <Create
        title="Invite user"
        mutationOptions={{
          onSuccess: () => {
            notify('Invitation sent', { type: 'success' });
            redirect('list', 'users');
          },
        }}
      >
        <SimpleForm
          validate={validateInvite}
          defaultValues={{ role: 'recruiter' }}
          noValidate
          warnWhenUnsavedChanges
        >
          <TextInput source="email" label="Email" type="email" autoComplete="off" isRequired />
          <TextInput source="name" label="Name" autoComplete="off" isRequired />
          <SelectInput source="role" label="Role" choices={assignableRoleChoices(me?.role)} isRequired />
        </SimpleForm>
      </Create>
    </>
  );
}
