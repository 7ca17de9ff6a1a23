import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import { Box, Button } from '@mui/material';
import { lazy, Suspense, useId, useState } from 'react';
import { AppBar, LoadingIndicator, TitlePortal } from 'react-admin';
import { NotificationBell } from '../pages/notifications/NotificationBell';
import { useMe } from '../providers/authProvider';
import { GlobalSearchButton } from './GlobalSearchButton';
import { TenantSwitcher } from './TenantSwitcher';

const AccountMenuPopup = lazy(async () => ({ default: (await import('./appBarMenus')).AccountMenuPopup }));

/**
 * The account menu button shows the user's name; its accessible name must
 * contain that visible text (WCAG 2.5.3), so it is "<name>, account menu".
 * Its menu (Your account, Sign out) loads on the first click.
 */
function AccountMenu() {
  const { me } = useMe();
  const menuId = useId();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  // Mounted from the first click on, so the menu closes with its animation and its actions finish.
  const [loaded, setLoaded] = useState(false);
  return (
    <>
      <Button
        color="inherit"
        startIcon={<AccountCircleIcon />}
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={anchor ? 'true' : undefined}
        aria-label={me ? `${me.name}, account menu` : 'Account menu'}
        onClick={(event) => {
          setLoaded(true);
          setAnchor(event.currentTarget);
        }}
        sx={{
          textTransform: 'none',
          minWidth: 0,
          ml: 0.5,
          '& .MuiButton-startIcon': { mr: { xs: 0, sm: 1 } },
        }}
      >
        <Box component="span" sx={{ display: { xs: 'none', sm: 'inline' } }}>
          {me?.name}
        </Box>
      </Button>
      {loaded && (
        <Suspense fallback={null}>
          <AccountMenuPopup id={menuId} anchor={anchor} onClose={() => setAnchor(null)} />
        </Suspense>
      )}
    </>
  );
}

/**
 * react-admin's app bar (page title, refresh) with the active tenant, search,
 * notifications and the account menu. Its loading spinner gets a name: a progress bar without
 * one is an accessibility fault (axe: aria-progressbar-name) every time a
 * request is in flight.
 */
export function CandorAppBar() {
  return (
    <AppBar userMenu={false} toolbar={<LoadingIndicator aria-label="Loading" />}>
      {/* react-admin wraps the title in an inline-block, which clips it mid-letter instead of ending it with "…". */}
      <TitlePortal sx={{ '& .RaConfigurable-root': { display: 'inline' } }} />
      <TenantSwitcher />
      <GlobalSearchButton />
      <NotificationBell />
      <AccountMenu />
    </AppBar>
  );
}
