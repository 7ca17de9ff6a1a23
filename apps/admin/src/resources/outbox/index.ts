import type { TOutboxEmail } from '@candor/schemas';
import OutboxOutlinedIcon from '@mui/icons-material/OutboxOutlined';
import { OutboxList } from './OutboxList';
import { OutboxShow } from './OutboxShow';

export const outbox = {
  list: OutboxList,
  show: OutboxShow,
  icon: OutboxOutlinedIcon,
  options: { label: 'Mail outbox' },
  recordRepresentation: (email: Pick<TOutboxEmail, 'subject' | 'to'>) => `${email.subject} to ${email.to}`,
};
