import type { ReactNode } from 'react';
import { Layout } from 'react-admin';
import { SecondFactorGate } from '../pages/security/SecondFactorGate';
import { CandorAppBar } from './CandorAppBar';
import { RoleMenu } from './RoleMenu';

export function AppLayout({ children }: { children: ReactNode }) {
  return (
    // react-admin sizes the layout to its widest content (min-width: fit-content); the pipeline
    // board is wider than any screen and scrolls sideways on its own, so the layout must not grow.
    <Layout
      appBar={CandorAppBar}
      menu={RoleMenu}
      sx={{
        minWidth: 0,
        '& .RaLayout-appFrame, & .RaLayout-contentWithSidebar, & .RaLayout-content': { minWidth: 0 },
      }}
    >
      <SecondFactorGate>{children}</SecondFactorGate>
    </Layout>
  );
}
