import { Link, Tooltip } from '@mui/material';
import {
  Datagrid,
  DateField,
  DateInput,
  FunctionField,
  List,
  NumberField,
  TextField,
  TextInput,
  useListContext,
} from 'react-admin';
import { PageHeading } from '../../components/PageHeading';
import { AuditListActions } from './AuditListActions';

type AuditRow = { subjectRef: string | null };

const auditFilters = [
  <TextInput key="action" source="action" label="Action" alwaysOn />,
  <TextInput key="targetType" source="targetType" label="Target type" />,
  <DateInput key="from" source="from" label="From (UTC day)" />,
  <DateInput key="to" source="to" label="To (UTC day)" />,
  <TextInput key="subjectRef" source="subjectRef" label="Subject pseudonym" />,
];

/** The pseudonym of the candidate an event concerns; click to see every event about that person. */
function SubjectRef({ subjectRef }: { subjectRef: string | null }) {
  const { filterValues, setFilters } = useListContext();
  if (!subjectRef) return <>—</>;
  return (
    <Tooltip title={`${subjectRef}: show every event about this person`}>
      <Link
        component="button"
        type="button"
        sx={{ fontFamily: 'monospace' }}
        onClick={(event) => {
          event.stopPropagation();
          setFilters({ ...filterValues, subjectRef }, {});
        }}
      >
        {subjectRef.slice(0, 10)}…
      </Link>
    </Tooltip>
  );
}

/**
 * Read-only: the audit log is evidence, nobody edits it from here. Events
 * name people by a pseudonym; "Verify integrity" recomputes the hash chain.
 */
export function AuditList() {
  return (
    <>
      <PageHeading aboveList>Audit log</PageHeading>
      <List
        title="Audit log"
        sort={{ field: 'at', order: 'DESC' }}
        filters={auditFilters}
        actions={<AuditListActions />}
        exporter={false}
      >
        <Datagrid rowClick={false} bulkActionButtons={false}>
          <NumberField source="seq" label="#" sortable={false} emptyText="—" />
          <DateField source="at" label="Time" showTime />
          <TextField source="actorLabel" label="Actor" sortable={false} />
          <TextField source="action" label="Action" sortable={false} />
          <TextField source="targetType" label="Target type" sortable={false} />
          <TextField source="targetId" label="Target id" sortable={false} emptyText="—" />
          <FunctionField<AuditRow>
            label="Subject"
            sortable={false}
            render={(record) => <SubjectRef subjectRef={record.subjectRef} />}
          />
        </Datagrid>
      </List>
    </>
  );
}
