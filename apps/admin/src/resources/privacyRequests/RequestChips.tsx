import type { TPrivacyRequest, TRequestStatus } from '@candor/schemas';
import { Chip } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { dayLabel } from '../../lib/dates';
import { DEADLINE_LABELS, REQUEST_STATUS_COLORS, REQUEST_STATUS_LABELS } from './labels';

export function RequestStatusChip({ status }: { status: TRequestStatus }) {
  return <Chip size="small" color={REQUEST_STATUS_COLORS[status]} label={REQUEST_STATUS_LABELS[status]} />;
}

/**
 * The next deadline (the receipt while a California request waits for one,
 * else the answer), coloured by urgency: overdue red, due soon amber, on
 * track neutral, closed grey.
 */
export function DeadlineChip({ request }: { request: Pick<TPrivacyRequest, 'clock'> }) {
  const { kind, on, state } = request.clock;
  const day = kind === 'acknowledge' ? `Receipt by ${dayLabel(on)}` : dayLabel(on);
  const label = state === 'overdue' || state === 'due_soon' ? `${day} · ${DEADLINE_LABELS[state]}` : day;
  return (
    <Chip
      size="small"
      label={label}
      color={state === 'overdue' ? 'error' : state === 'due_soon' ? 'warning' : 'default'}
      variant={state === 'on_track' ? 'outlined' : 'filled'}
      sx={state === 'closed' ? { color: 'text.secondary' } : undefined}
      title={DEADLINE_LABELS[state]}
    />
  );
}

/** Column props <Datagrid> reads (header label, sorting); the field itself only reads the record. */
type FieldProps = { label?: string; sortable?: boolean; source?: string };

export function RequestStatusField(_props: FieldProps) {
  const record = useRecordContext<TPrivacyRequest>();
  return record ? <RequestStatusChip status={record.status} /> : null;
}

export function DeadlineField(_props: FieldProps) {
  const record = useRecordContext<TPrivacyRequest>();
  return record ? <DeadlineChip request={record} /> : null;
}
