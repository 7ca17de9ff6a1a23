import { Datagrid, DateField, List, TextField, TextInput } from 'react-admin';

const auditFilters = [
  <TextInput key="action" source="action" label="Action" alwaysOn />,
  <TextInput key="targetType" source="targetType" label="Target type" />,
];

/** Read-only: the audit log is evidence, nobody edits it from here. */
export function AuditList() {
  return (
    <List title="Audit log" sort={{ field: 'at', order: 'DESC' }} filters={auditFilters} exporter={false}>
      <Datagrid rowClick={false} bulkActionButtons={false}>
        <DateField source="at" label="Time" showTime />
        <TextField source="actorLabel" label="Actor" sortable={false} />
        <TextField source="action" label="Action" sortable={false} />
        <TextField source="targetType" label="Target type" sortable={false} />
        <TextField source="targetId" label="Target id" sortable={false} emptyText="—" />
      </Datagrid>
    </List>
  );
}
