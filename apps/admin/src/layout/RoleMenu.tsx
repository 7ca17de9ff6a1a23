import AutoDeleteOutlinedIcon from '@mui/icons-material/AutoDeleteOutlined';
import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import DiversityOutlinedIcon from '@mui/icons-material/Diversity3Outlined';
import PaletteOutlinedIcon from '@mui/icons-material/PaletteOutlined';
import PrivacyTipOutlinedIcon from '@mui/icons-material/PrivacyTipOutlined';
import SettingsOutlinedIcon from '@mui/icons-material/SettingsOutlined';
import { Menu, usePermissions } from 'react-admin';
import {
  type CandorPermissions,
  hasPermission,
  PAGE_ACCESS,
  RESOURCE_ACCESS,
  RESOURCE_NAMES,
} from '../access';

/** The side menu: the dashboard, the resources the signed-in role may read, then settings, privacy, retention, diversity, sign-in & security and branding for those allowed. */
export function RoleMenu() {
  const { permissions } = usePermissions<CandorPermissions>();
  const readable = RESOURCE_NAMES.filter((name) => hasPermission(permissions, RESOURCE_ACCESS[name].read));
  return (
    <Menu>
      <Menu.DashboardItem />
      {readable.map((name) => (
        <Menu.ResourceItem key={name} name={name} />
      ))}
      {hasPermission(permissions, PAGE_ACCESS.settings) && (
        <Menu.Item to="/settings" primaryText="Settings" leftIcon={<SettingsOutlinedIcon />} />
      )}
      {hasPermission(permissions, PAGE_ACCESS.privacy) && (
        <Menu.Item to="/privacy" primaryText="Privacy" leftIcon={<PrivacyTipOutlinedIcon />} />
      )}
      {hasPermission(permissions, PAGE_ACCESS.privacy) && (
        <Menu.Item to="/retention" primaryText="Retention" leftIcon={<AutoDeleteOutlinedIcon />} />
      )}
      {hasPermission(permissions, PAGE_ACCESS.diversity) && (
        <Menu.Item to="/diversity" primaryText="Diversity" leftIcon={<DiversityOutlinedIcon />} />
      )}
      {hasPermission(permissions, PAGE_ACCESS.security) && (
        <Menu.Item to="/security" primaryText="Sign-in & security" leftIcon={<LockOutlinedIcon />} />
      )}
      {hasPermission(permissions, PAGE_ACCESS.branding) && (
        <Menu.Item to="/branding" primaryText="Branding" leftIcon={<PaletteOutlinedIcon />} />
      )}
    </Menu>
  );
}
