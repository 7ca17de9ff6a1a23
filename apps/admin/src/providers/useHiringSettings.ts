import { useQuery } from '@tanstack/react-query';
import { useCandorDataProvider } from './useCandorDataProvider';

export const HIRING_SETTINGS_KEY = ['settings', 'hiring'] as const;

/** The tenant's departments, rejection reasons and pipeline template; they rarely change. */
export function useHiringSettings() {
  const dataProvider = useCandorDataProvider();
  return useQuery({
    queryKey: HIRING_SETTINGS_KEY,
    queryFn: () => dataProvider.hiringSettings(),
    staleTime: 60_000,
  });
}
