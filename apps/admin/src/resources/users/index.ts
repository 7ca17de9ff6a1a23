import type { TTenantUser } from '@candor/schemas';
import PeopleIcon from '@mui/icons-material/People';
import { lazyView } from '../../lazyView';

const UserCreate = lazyView(() => import('./UserCreate'), 'UserCreate');
const UserEdit = lazyView(() => import('./UserEdit'), 'UserEdit');
const UserList = lazyView(() => import('./UserList'), 'UserList');

export const users = {
  list: UserList,
  create: UserCreate,
  edit: UserEdit,
  icon: PeopleIcon,
  options: { label: 'Users' },
  recordRepresentation: (user: TTenantUser) => `${user.name} <${user.email}>`,
};
