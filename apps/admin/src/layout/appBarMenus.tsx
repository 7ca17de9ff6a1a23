import type { TMe } from '@candor/schemas';
import { ROLE_LABELS } from '@candor/schemas/labels';
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import LogoutIcon from '@mui/icons-material/PowerSettingsNew';
import { ListItemIcon, ListItemText, Menu, MenuItem } from '@mui/material';
import { Link, useLogout } from 'react-admin';

/**
 * The app bar's two menus. MUI's Menu (with its popover and modal) is about
 * 8 KB compressed: it loads with this module at the first click on either
 * button, not with every signed-in page (issue 16's first-load budget).
 */
type MenuProps = { id: string; anchor: HTMLElement | null; onClose: () => void };

/** "Your account" and signing out. */
export function AccountMenuPopup({ id, anchor, onClose }: MenuProps) {
  const logout = useLogout();
  return (
    <Menu
      id={id}
      anchorEl={anchor}
      open={anchor !== null}
      onClose={onClose}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
      transformOrigin={{ vertical: 'top', horizontal: 'right' }}
    >
      <MenuItem component={Link} to="/account" onClick={onClose}>
        <ListItemIcon>
          <ManageAccountsIcon fontSize="small" />
        </ListItemIcon>
        <ListItemText>Your account</ListItemText>
      </MenuItem>
      <MenuItem
        onClick={() => {
          onClose();
          // As react-admin's Logout does: signing in again starts at the dashboard, not where this session was.
          void logout(undefined, undefined, false);
        }}
      >
        <ListItemIcon>
          <LogoutIcon fontSize="small" />
        </ListItemIcon>
        <ListItemText>Sign out</ListItemText>
      </MenuItem>
    </Menu>
  );
}

/** The signed-in user's organisations, the active one selected. */
export function TenantMenuPopup({
  id,
  anchor,
  onClose,
  me,
  onChoose,
}: MenuProps & { me: TMe; onChoose: (tenantId: string) => void }) {
  return (
    <Menu id={id} anchorEl={anchor} open={anchor !== null} onClose={onClose}>
      {me.memberships.map((membership) => (
        <MenuItem
          key={membership.tenantId}
          selected={membership.tenantId === me.tenant.id}
          onClick={() => onChoose(membership.tenantId)}
        >
          <ListItemText primary={membership.tenantName} secondary={ROLE_LABELS[membership.role]} />
        </MenuItem>
      ))}
    </Menu>
  );
}
