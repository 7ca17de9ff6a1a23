import { useQuery } from '@tanstack/react-query';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';

export type TeamPerson = { id: string; name: string; email: string };

export const DIRECTORY_KEY = ['users', 'directory'] as const;

/**
 * The tenant's active members (users.directory): whom a job's hiring team and
 * an interview's interviewers are picked from. Recruiters may read it without
 * seeing the user administration.
 */
export function useTeamDirectory() {
  const dataProvider = useCandorDataProvider();
  return useQuery({
    queryKey: DIRECTORY_KEY,
    staleTime: 60_000,
    queryFn: async () => [...(await dataProvider.directory())].sort((a, b) => a.name.localeCompare(b.name)),
  });
}
