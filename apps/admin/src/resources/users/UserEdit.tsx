import type { TTenantUser } from '@candor/schemas';
import {
  DateField,
  Edit,
  Labeled,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextField,
  Toolbar,
  useRecordContext,
} from 'react-admin';
import { useMe } from '../../providers/authProvider';
import { EDITABLE_STATUS_CHOICES, roleChoicesFor } from './choices';
import { SendPasswordResetButton } from './SendPasswordResetButton';

function UserTitle() {
  const user = useRecordContext<TTenantUser>();
  return <span>{user ? `Edit ${user.name}` : 'Edit user'}</span>;
}

// No delete button: people leave a tenant by being deactivated, which keeps the audit trail intact.
function SaveOnlyToolbar() {
  return (
    <Toolbar sx={{ gap: 2 }}>
      <SaveButton />
      <SendPasswordResetButton />
    </Toolbar>
  );
}

export function UserEdit() {
  const { me } = useMe();
  return (
    // Pessimistic: the API may refuse (last owner, role not assignable) and its field errors must reach the form.
    <Edit title={<UserTitle />} mutationMode="pessimistic">
      <SimpleForm toolbar={<SaveOnlyToolbar />} warnWhenUnsavedChanges>
        <Labeled label="Name">
          <TextField source="name" />
        </Labeled>
        <Labeled label="Email">
          <TextField source="email" />
        </Labeled>
        <Labeled label="Last sign-in">
          <DateField source="lastSignInAt" showTime emptyText="Never" />
        </Labeled>
        <SelectInput source="role" label="Role" choices={roleChoicesFor(me?.role)} isRequired />
        <SelectInput source="status" label="Status" choices={EDITABLE_STATUS_CHOICES} isRequired />
      </SimpleForm>
    </Edit>
  );
}
