import { defaultTheme, type RaThemeOptions } from 'react-admin';

const TEAL = '#0f766e';
const TEAL_DARK = '#115e59';

/**
 * react-admin's light theme in Candor's teal. Its app bar uses the secondary
 * colour, so both are set. White on this teal has a contrast above 5:1, and so
 * do the status colours below.
 */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    ...defaultTheme.palette,
    primary: { main: TEAL, contrastText: '#ffffff' },
    secondary: { main: TEAL, contrastText: '#ffffff' },
    // MUI's default info and warning blues and oranges are below 4.5:1 against white (status chips use them).
    info: { main: '#0369a1', contrastText: '#ffffff' },
    warning: { main: '#b45309', contrastText: '#ffffff' },
  },
  components: {
    ...defaultTheme.components,
    // Sortable column headers are click targets: at least 24px high (WCAG 2.2 target size).
    MuiTableSortLabel: { styleOverrides: { root: { minHeight: 24 } } },
    // The skip link react-admin shows on the first Tab is white text on the page's off-white
    // background: an empty white button over the menu. Candor's colours instead.
    RaSkipNavigationButton: {
      styleOverrides: {
        root: {
          backgroundColor: TEAL,
          color: '#ffffff',
          '&:hover': { backgroundColor: TEAL_DARK, opacity: 1 },
        },
      },
    },
    MuiCheckbox: {
      defaultProps: {
        // react-admin labels each list row's checkbox with `aria-label` on the Checkbox, which MUI 9
        // puts on the wrapping <span>: the <input> a screen reader announces stays unnamed. Move it.
        slotProps: {
          root: { 'aria-label': undefined },
          input: (ownerState: { 'aria-label'?: string }) =>
            ownerState['aria-label'] ? { 'aria-label': ownerState['aria-label'] } : {},
        },
      },
    },
  },
};
