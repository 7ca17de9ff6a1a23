import type { TAuditEvent } from '@candor/schemas';
import HistoryIcon from '@mui/icons-material/History';
import { lazyView } from '../../lazyView';

const AuditList = lazyView(() => import('./AuditList'), 'AuditList');

export const audit = {
  list: AuditList,
  icon: HistoryIcon,
  options: { label: 'Audit log' },
  recordRepresentation: (event: TAuditEvent) => `${event.action} at ${event.at}`,
};
