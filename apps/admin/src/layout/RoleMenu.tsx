import AutoDeleteOutlinedIcon from '@mui/icons-material/AutoDeleteOutlined';
import BarChartOutlinedIcon from '@mui/icons-material/BarChartOutlined';
import DashboardIcon from '@mui/icons-material/Dashboard';
import DiversityOutlinedIcon from '@mui/icons-material/Diversity3Outlined';
import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import ManageSearchIcon from '@mui/icons-material/ManageSearch';
import PaletteOutlinedIcon from '@mui/icons-material/PaletteOutlined';
import PrivacyTipOutlinedIcon from '@mui/icons-material/PrivacyTipOutlined';
import SettingsOutlinedIcon from '@mui/icons-material/SettingsOutlined';
import { MenuList } from '@mui/material';
import { createElement, type ReactNode } from 'react';
import { CLOSED_DRAWER_WIDTH, DRAWER_WIDTH, usePermissions, useSidebarState } from 'react-admin';
import {
  type CandorPermissions,
  hasPermission,
  PAGE_ACCESS,
  RESOURCE_ACCESS,
  RESOURCE_NAMES,
  type ResourceName,
} from '../access';
import { RESOURCES } from '../resources';
import { SideMenuLink } from './SideMenuLink';

/**
 * The menu's list, as react-admin's <Menu> draws it (the sidebar's width, open
 * or closed, and its class names). Not <Menu> itself: it brings its default
 * resource items, which name resources through an English inflection library,
 * to every signed-in page (issue 16's first-load budget).
 */
function SideMenu({ children }: { children: ReactNode }) {
  const [open] = useSidebarState();
  return (
    <MenuList
      className={`RaMenu-root ${open ? 'RaMenu-open' : 'RaMenu-closed'}`}
      sx={(theme) => ({
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'flex-start',
        [theme.breakpoints.only('xs')]: { marginTop: 0 },
        transition: theme.transitions.create('width', {
          easing: theme.transitions.easing.sharp,
          duration: theme.transitions.duration.leavingScreen,
        }),
        width: open ? DRAWER_WIDTH : CLOSED_DRAWER_WIDTH,
      })}
    >
      {children}
    </MenuList>
  );
}

/** A resource's list in the menu, as Menu.ResourceItem draws it (its label and icon, scrolled to the top). */
function ResourceItem({ name }: { name: ResourceName }) {
  const { icon, options } = RESOURCES[name];
  return (
    <SideMenuLink
      to={`/${name}`}
      state={{ _scrollToTop: true }}
      primaryText={options?.label ?? name}
      leftIcon={icon && createElement(icon)}
    />
  );
}

/** The side menu: the dashboard, the resources the signed-in role may read, then reports, settings, privacy, retention, diversity, sign-in & security and branding for those allowed. */
export function RoleMenu() {
  const { permissions } = usePermissions<CandorPermissions>();
  const readable = RESOURCE_NAMES.filter((name) => hasPermission(permissions, RESOURCE_ACCESS[name].read));
  return (
    <SideMenu>
      <SideMenuLink to="/" primaryText="Dashboard" leftIcon={<DashboardIcon />} />
      {readable.map((name) => (
        <ResourceItem key={name} name={name} />
      ))}
      {hasPermission(permissions, PAGE_ACCESS.reports) && (
        <SideMenuLink to="/reports" primaryText="Reports" leftIcon={<BarChartOutlinedIcon />} />
      )}
      {hasPermission(permissions, PAGE_ACCESS.search) && (
        <SideMenuLink to="/search" primaryText="Search in documents" leftIcon={<ManageSearchIcon />} />
      )}
      {hasPermission(permissions, PAGE_ACCESS.settings) && (
        <SideMenuLink to="/settings" primaryText="Settings" leftIcon={<SettingsOutlinedIcon />} />
      )}
      {hasPermission(permissions, PAGE_ACCESS.privacy) && (
        <SideMenuLink to="/privacy" primaryText="Privacy" leftIcon={<PrivacyTipOutlinedIcon />} />
      )}
      {hasPermission(permissions, PAGE_ACCESS.privacy) && (
        <SideMenuLink to="/retention" primaryText="Retention" leftIcon={<AutoDeleteOutlinedIcon />} />
      )}
      {hasPermission(permissions, PAGE_ACCESS.diversity) && (
        <SideMenuLink to="/diversity" primaryText="Diversity" leftIcon={<DiversityOutlinedIcon />} />
      )}
      {hasPermission(permissions, PAGE_ACCESS.security) && (
        <SideMenuLink to="/security" primaryText="Sign-in & security" leftIcon={<LockOutlinedIcon />} />
      )}
      {hasPermission(permissions, PAGE_ACCESS.branding) && (
        <SideMenuLink to="/branding" primaryText="Branding" leftIcon={<PaletteOutlinedIcon />} />
      )}
    </SideMenu>
  );
}
