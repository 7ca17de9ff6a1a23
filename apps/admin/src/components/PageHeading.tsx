import { Typography } from '@mui/material';
import type { ReactNode } from 'react';

/**
 * A page's top-level heading: its name (as the app bar also says) for
 * everyone reading the page, and the first thing a screen reader's list of
 * headings offers. `aboveList`: over a react-admin list or form, which brings
 * no spacing of its own.
 */
export function PageHeading({ children, aboveList = false }: { children: ReactNode; aboveList?: boolean }) {
  return (
    <Typography variant="h5" component="h1" sx={aboveList ? { mt: 2, mb: { xs: 0, md: -1 } } : undefined}>
      {children}
    </Typography>
  );
}
