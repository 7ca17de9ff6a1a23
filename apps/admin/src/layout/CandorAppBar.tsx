import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import { forwardRef } from 'react';
import { AppBar, Link, LoadingIndicator, Logout, TitlePortal, UserMenu, useUserMenu } from 'react-admin';
import { NotificationBell } from '../pages/notifications/NotificationBell';
import { useMe } from '../providers/authProvider';
import { GlobalSearchButton } from './GlobalSearchButton';
import { TenantSwitcher } from './TenantSwitcher';

/** "Your account" (sessions, second factor) in the account menu; closes the menu on the way. */
const AccountPageItem = forwardRef<HTMLAnchorElement>(function AccountPageItem(props, ref) {
  const userMenu = useUserMenu();
  return (
    <MenuItem ref={ref} component={Link} to="/account" onClick={() => userMenu?.onClose()} {...props}>
      <ListItemIcon>
        <ManageAccountsIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>Your account</ListItemText>
    </MenuItem>
  );
});

/**
 * The account menu button shows the user's name; its accessible name must
 * contain that visible text (WCAG 2.5.3), so it is "<name>, account menu"
 * rather than react-admin's default "Profile".
 */
function AccountMenu() {
  const { me } = useMe();
  return (
    <UserMenu label={me ? `${me.name}, account menu` : 'Account menu'}>
      <AccountPageItem />
      <Logout />
    </UserMenu>
  );
}

/**
 * react-admin's app bar (page title, refresh, account menu with Logout) plus
 * the active tenant. Its loading spinner gets a name: a progress bar without
 * one is an accessibility fault (axe: aria-progressbar-name) every time a
 * request is in flight.
 */
export function CandorAppBar() {
  return (
    <AppBar userMenu={<AccountMenu />} toolbar={<LoadingIndicator aria-label="Loading" />}>
      <TitlePortal />
      <TenantSwitcher />
      <GlobalSearchButton />
      <NotificationBell />
    </AppBar>
  );
}
