import { SOURCE_LABELS, type TApplicationSource } from '@candor/schemas';
import { useRecordContext } from 'react-admin';

export function SourceField(_props: { label?: string; sortable?: boolean }) {
  const record = useRecordContext<{ id: string; source: TApplicationSource }>();
  return record ? <span>{SOURCE_LABELS[record.source]}</span> : null;
}
