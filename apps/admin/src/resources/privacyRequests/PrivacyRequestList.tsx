import { REQUEST_TYPE_LABELS, type TPrivacyRequest } from '@candor/schemas';
import { Box, Stack, Typography } from '@mui/material';
import {
  CreateButton,
  Datagrid,
  FunctionField,
  List,
  SelectInput,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { EmptyState } from '../../components/EmptyState';
import { PageHeading } from '../../components/PageHeading';
import { ResponsiveDatagrid } from '../../components/ResponsiveDatagrid';
import { dayLabel } from '../../lib/dates';
import { REQUEST_STATUS_FILTER_CHOICES, REQUEST_TYPE_CHOICES, requestReference } from './labels';
import { DeadlineField, RequestStatusField } from './RequestChips';

const requestFilters = [
  <SelectInput
    key="status"
    source="status"
    label="Status"
    choices={REQUEST_STATUS_FILTER_CHOICES}
    emptyText="Open"
    emptyValue="open"
    alwaysOn
  />,
  <SelectInput
    key="type"
    source="type"
    label="Type"
    choices={REQUEST_TYPE_CHOICES}
    emptyText="All types"
    alwaysOn
  />,
];

function ListActions() {
  return (
    <TopToolbar>
      <CreateButton label="New request" />
    </TopToolbar>
  );
}

/**
 * The queue of privacy requests (access, erasure, ...). Open requests come
 * most urgent first (the API sorts them by due day); closed ones newest first.
 */
/** A request on a phone: reference and type, requester, status and due date. */
function RequestCard() {
  const request = useRecordContext<TPrivacyRequest>();
  if (!request) return null;
  return (
    <Stack spacing={0.5}>
      <Typography sx={{ fontWeight: 600 }}>
        {REQUEST_TYPE_LABELS[request.type]}{' '}
        <Box component="span" sx={{ fontFamily: 'monospace', fontWeight: 400 }}>
          {requestReference(request.id)}
        </Box>
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
        {request.requesterName || request.requesterEmail || '— (erased)'}
      </Typography>
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <RequestStatusField />
        <DeadlineField />
      </Stack>
    </Stack>
  );
}

export function PrivacyRequestList() {
  return (
    <>
      <PageHeading aboveList>Data requests</PageHeading>
      <List
        title="Data requests"
        filters={requestFilters}
        filterDefaultValues={{ status: 'open' }}
        actions={<ListActions />}
        empty={false}
        exporter={false}
        pagination={false}
        perPage={500}
      >
        <ResponsiveDatagrid card={<RequestCard />} linkType="show">
          <Datagrid
            rowClick="show"
            bulkActionButtons={false}
            empty={
              <EmptyState
                title="No data requests here"
                hint="Requests from the privacy portal appear here; enter those received by email, phone, letter or in person with “New request”."
              />
            }
          >
            <FunctionField<TPrivacyRequest>
              label="Reference"
              sortable={false}
              render={(request) => (
                <span style={{ fontFamily: 'monospace' }}>{requestReference(request.id)}</span>
              )}
            />
            <FunctionField<TPrivacyRequest>
              label="Type"
              sortable={false}
              render={(request) => REQUEST_TYPE_LABELS[request.type]}
            />
            <FunctionField<TPrivacyRequest>
              label="Requester"
              sortable={false}
              render={(request) =>
                request.requesterName
                  ? `${request.requesterName} <${request.requesterEmail}>`
                  : request.requesterEmail || '— (erased)'
              }
            />
            <FunctionField<TPrivacyRequest>
              label="Received"
              sortable={false}
              render={(request) => dayLabel(request.receivedOn)}
            />
            <DeadlineField label="Due" sortable={false} />
            <RequestStatusField label="Status" sortable={false} />
            <FunctionField<TPrivacyRequest>
              label="Assignee"
              sortable={false}
              render={(request) => request.assignee?.name ?? '—'}
            />
          </Datagrid>
        </ResponsiveDatagrid>
      </List>
    </>
  );
}
