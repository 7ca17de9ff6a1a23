import type { TApplicationStatus, TJobStatus } from '@candor/schemas';
import { Chip } from '@mui/material';
import { useRecordContext } from 'react-admin';
import {
  APPLICATION_STATUS_COLORS,
  APPLICATION_STATUS_LABELS,
  JOB_STATUS_COLORS,
  JOB_STATUS_LABELS,
  OUTBOX_STATUS_COLORS,
  OUTBOX_STATUS_LABELS,
  type OutboxStatus,
} from '../lib/labels';

export function JobStatusChip({ status }: { status: TJobStatus }) {
  return (
    <Chip
      size="small"
      color={JOB_STATUS_COLORS[status]}
      variant={status === 'archived' ? 'outlined' : 'filled'}
      label={JOB_STATUS_LABELS[status]}
    />
  );
}

export function ApplicationStatusChip({ status }: { status: TApplicationStatus }) {
  return (
    <Chip size="small" color={APPLICATION_STATUS_COLORS[status]} label={APPLICATION_STATUS_LABELS[status]} />
  );
}

export function OutboxStatusChip({ status }: { status: OutboxStatus }) {
  return <Chip size="small" color={OUTBOX_STATUS_COLORS[status]} label={OUTBOX_STATUS_LABELS[status]} />;
}

/** Column props <Datagrid> reads (header label, sorting); the field itself only reads the record. */
type FieldProps = { label?: string; sortable?: boolean; source?: string };

export function JobStatusField(_props: FieldProps) {
  const record = useRecordContext<{ id: string; status: TJobStatus }>();
  return record ? <JobStatusChip status={record.status} /> : null;
}

export function ApplicationStatusField(_props: FieldProps) {
  const record = useRecordContext<{ id: string; status: TApplicationStatus }>();
  return record ? <ApplicationStatusChip status={record.status} /> : null;
}

export function OutboxStatusField(_props: FieldProps) {
  const record = useRecordContext<{ id: string; status: OutboxStatus }>();
  return record ? <OutboxStatusChip status={record.status} /> : null;
}
