import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import { Button, Typography } from '@mui/material';
import { lazy, Suspense, useId, useState } from 'react';
import { useNotify } from 'react-admin';
import { switchTenant, useMe } from '../providers/authProvider';

const TenantMenuPopup = lazy(async () => ({ default: (await import('./appBarMenus')).TenantMenuPopup }));

/**
 * Shows the active tenant; with more than one membership it is a menu that
 * switches tenant. A full reload then drops every cached record of the old tenant.
 */
export function TenantSwitcher() {
  const { me } = useMe();
  const notify = useNotify();
  const menuId = useId();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [switching, setSwitching] = useState(false);
  // Mounted from the first click on, so the menu closes with its animation.
  const [loaded, setLoaded] = useState(false);

  if (!me) return null;
  if (me.memberships.length < 2) {
    return (
      // On a phone the page's title needs the app bar's width; the tenant is on the dashboard.
      <Typography variant="body1" color="inherit" noWrap sx={{ mx: 1, display: { xs: 'none', sm: 'block' } }}>
        {me.tenant.name}
      </Typography>
    );
  }

  const choose = async (tenantId: string) => {
    setAnchor(null);
    if (tenantId === me.tenant.id) return;
    setSwitching(true);
    try {
      await switchTenant(tenantId);
      window.location.hash = '#/';
      window.location.reload();
    } catch (error) {
      setSwitching(false);
      notify(error instanceof Error ? error.message : 'Could not switch tenant', { type: 'error' });
    }
  };

  return (
    <>
      <Button
        color="inherit"
        endIcon={<ArrowDropDownIcon />}
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={anchor ? 'true' : undefined}
        aria-label={`Tenant: ${me.tenant.name}. Switch tenant`}
        disabled={switching}
        onClick={(event) => {
          setLoaded(true);
          setAnchor(event.currentTarget);
        }}
        sx={{ textTransform: 'none', mx: { xs: 0, sm: 1 }, minWidth: 0, maxWidth: 240 }}
      >
        {/* On a phone the page's title needs the room: the tenant's initial there, its name in the menu. */}
        <Typography component="span" variant="inherit" noWrap sx={{ display: { xs: 'none', sm: 'block' } }}>
          {me.tenant.name}
        </Typography>
        <Typography component="span" variant="inherit" aria-hidden sx={{ display: { sm: 'none' } }}>
          {me.tenant.name.slice(0, 1).toUpperCase()}
        </Typography>
      </Button>
      {loaded && (
        <Suspense fallback={null}>
          <TenantMenuPopup
            id={menuId}
            anchor={anchor}
            onClose={() => setAnchor(null)}
            me={me}
            onChoose={choose}
          />
        </Suspense>
      )}
    </>
  );
}
