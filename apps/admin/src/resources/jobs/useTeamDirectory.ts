import type { TJobListItem, TTenantUser } from '@candor/schemas';
import { useQuery } from '@tanstack/react-query';
import { usePermissions } from 'react-admin';
import { type CandorPermissions, hasPermission } from '../../access';
import { useMe } from '../../providers/authProvider';
import { useCandorDataProvider } from '../../providers/dataProvider';

export type TeamPerson = { id: string; name: string; email: string };

/**
 * The people a job's hiring team can be picked from. Admins read the tenant's
 * active users. Recruiters may not list users (users.read), so for them it is
 * everyone already on some job's hiring team, plus themselves.
 */
export function useTeamDirectory() {
  const dataProvider = useCandorDataProvider();
  const { permissions } = usePermissions<CandorPermissions>();
  const { me } = useMe();
  const canListUsers = hasPermission(permissions, 'users.read');
  return useQuery({
    queryKey: ['team-directory', canListUsers, me?.userId],
    enabled: me !== undefined && permissions !== undefined,
    staleTime: 60_000,
    queryFn: async (): Promise<TeamPerson[]> => {
      const people = new Map<string, TeamPerson>();
      if (canListUsers) {
        const { data } = await dataProvider.getList<TTenantUser>('users', {
          pagination: { page: 1, perPage: 500 },
          sort: { field: 'name', order: 'ASC' },
          filter: { status: 'active' },
        });
        for (const user of data) people.set(user.id, { id: user.id, name: user.name, email: user.email });
      } else {
        const { data } = await dataProvider.getList<TJobListItem>('jobs', {
          pagination: { page: 1, perPage: 500 },
          sort: { field: 'createdAt', order: 'DESC' },
          filter: {},
        });
        for (const member of data.flatMap((job) => job.hiringTeam)) {
          people.set(member.userId, { id: member.userId, name: member.name, email: member.email });
        }
      }
      if (me) people.set(me.userId, { id: me.userId, name: me.name, email: me.email });
      return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
    },
  });
}
