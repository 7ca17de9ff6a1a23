import type { ReactNode } from 'react';
import { Layout } from 'react-admin';
import { CandorAppBar } from './CandorAppBar';
import { RoleMenu } from './RoleMenu';

export function AppLayout({ children }: { children: ReactNode }) {
  return (
    <Layout appBar={CandorAppBar} menu={RoleMenu}>
      {children}
    </Layout>
  );
}
