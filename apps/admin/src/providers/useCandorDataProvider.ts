import { useDataProvider } from 'react-admin';
import type { CandorDataProvider } from './dataProvider';

/**
 * react-admin's dataProvider proxy (errors go through `checkError`), typed
 * with the hiring actions. Apart from ./dataProvider so that a view on the
 * first load (the dashboard's request counts) does not import the real
 * provider and its Zod schemas: <Admin> gets the lazy one.
 */
export function useCandorDataProvider(): CandorDataProvider {
  return useDataProvider<CandorDataProvider>();
}
