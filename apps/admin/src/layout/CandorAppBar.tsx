import { AppBar, Logout, TitlePortal, UserMenu } from 'react-admin';
import { useMe } from '../providers/authProvider';
import { TenantSwitcher } from './TenantSwitcher';

/**
 * The account menu button shows the user's name; its accessible name must
 * contain that visible text (WCAG 2.5.3), so it is "<name>, account menu"
 * rather than react-admin's default "Profile".
 */
function AccountMenu() {
  const { me } = useMe();
  return (
    <UserMenu label={me ? `${me.name}, account menu` : 'Account menu'}>
      <Logout />
    </UserMenu>
  );
}

/** react-admin's app bar (page title, refresh, account menu with Logout) plus the active tenant. */
export function CandorAppBar() {
  return (
    <AppBar userMenu={<AccountMenu />}>
      <TitlePortal />
      <TenantSwitcher />
    </AppBar>
  );
}
