import type { TOutboxEmail } from '@candor/schemas';
import OutboxOutlinedIcon from '@mui/icons-material/OutboxOutlined';
import { lazyView } from '../../lazyView';

const OutboxList = lazyView(() => import('./OutboxList'), 'OutboxList');
const OutboxShow = lazyView(() => import('./OutboxShow'), 'OutboxShow');

export const outbox = {
  list: OutboxList,
  show: OutboxShow,
  icon: OutboxOutlinedIcon,
  options: { label: 'Mail outbox' },
  recordRepresentation: (email: Pick<TOutboxEmail, 'subject' | 'to'>) => `${email.subject} to ${email.to}`,
};
