import { ListItemIcon, MenuItem, styled, type Theme, Typography, useMediaQuery } from '@mui/material';
import type { ReactNode } from 'react';
import { useBasename, useSidebarState } from 'react-admin';
import { Link, useMatch } from 'react-router';

/**
 * One link of the side menu, as react-admin's MenuItemLink draws it (same
 * class names, so the theme's styles apply), without its Tooltip for the
 * closed sidebar: MUI's Tooltip brings Popper (8 KB compressed) to every
 * signed-in page (issue 16's first-load budget). A closed sidebar keeps the
 * label in the link, clipped: its accessible name stays, and `title` shows it
 * on hover.
 */
const Item = styled(MenuItem, { name: 'RaMenuItemLink' })(({ theme }) => ({
  color: theme.palette.text.secondary,
  '& .RaMenuItemLink-icon': { color: theme.palette.text.secondary, minWidth: theme.spacing(5) },
  '&.RaMenuItemLink-active': { color: theme.palette.text.primary },
}));

export function SideMenuLink({
  to,
  primaryText,
  leftIcon,
  state,
}: {
  to: string;
  primaryText: string;
  leftIcon: ReactNode;
  state?: unknown;
}) {
  const basename = useBasename();
  const path = `${basename}${to}`;
  const match = useMatch({ path, end: to === '/' });
  const [open, setOpen] = useSidebarState();
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  return (
    <Item
      // @ts-expect-error MenuItem takes the router's Link as its component, with its props.
      component={Link}
      to={path}
      state={state}
      title={open ? undefined : primaryText}
      className={`RaMenuItemLink-root${match ? ' RaMenuItemLink-active' : ''}`}
      aria-current={match ? 'page' : undefined}
      onClick={() => {
        // On a phone the menu covers the page: it closes once a page is picked.
        if (small) setOpen(false);
      }}
    >
      <ListItemIcon className="RaMenuItemLink-icon">{leftIcon}</ListItemIcon>
      <Typography variant="inherit" noWrap sx={{ flexGrow: 1 }}>
        {primaryText}
      </Typography>
    </Item>
  );
}
