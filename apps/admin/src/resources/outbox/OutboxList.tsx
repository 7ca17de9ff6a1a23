import type { TOutboxEmail } from '@candor/schemas';
import { Datagrid, DateField, FunctionField, List, SearchInput, SelectInput, TextField } from 'react-admin';
import { EmptyState } from '../../components/EmptyState';
import { PageHeading } from '../../components/PageHeading';
import { OutboxStatusField } from '../../components/StatusChips';
import { EMAIL_TEMPLATE_CHOICES, emailTemplateLabel, OUTBOX_STATUS_CHOICES } from '../../lib/labels';

const outboxFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search recipient or subject" />,
  <SelectInput key="status" source="status" label="Status" choices={OUTBOX_STATUS_CHOICES} alwaysOn />,
  <SelectInput key="template" source="template" label="Template" choices={EMAIL_TEMPLATE_CHOICES} />,
];

/** Read-only: what the organisation sent (or is about to send), for answering "did they get our email?". */
export function OutboxList() {
  return (
    <>
      <PageHeading aboveList>Mail outbox</PageHeading>
      <List
        title="Mail outbox"
        sort={{ field: 'createdAt', order: 'DESC' }}
        filters={outboxFilters}
        empty={
          <EmptyState
            title="No emails yet"
            hint="Invitations, rejections and other emails appear here as they are queued."
          />
        }
        exporter={false}
      >
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="to" label="To" sortable={false} />
          <TextField source="subject" label="Subject" sortable={false} />
          <FunctionField<TOutboxEmail>
            source="template"
            label="Template"
            sortable={false}
            render={(email) => emailTemplateLabel(email.template)}
          />
          <OutboxStatusField source="status" label="Status" />
          <DateField source="createdAt" label="Created" showTime />
          <DateField source="sentAt" label="Sent" showTime emptyText="—" sortable={false} />
        </Datagrid>
      </List>
    </>
  );
}
