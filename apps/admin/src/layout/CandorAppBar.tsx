import { AppBar, TitlePortal } from 'react-admin';
import { TenantSwitcher } from './TenantSwitcher';

/** react-admin's app bar (page title, refresh, user menu with Logout) plus the active tenant. */
export function CandorAppBar() {
  return (
    <AppBar>
      <TitlePortal />
      <TenantSwitcher />
    </AppBar>
  );
}
