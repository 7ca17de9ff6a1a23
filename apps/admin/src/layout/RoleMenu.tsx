import { Menu, usePermissions } from 'react-admin';
import { type CandorPermissions, hasPermission, RESOURCE_ACCESS, RESOURCE_NAMES } from '../access';

/** The side menu: the dashboard, then only the resources the signed-in role may read. */
export function RoleMenu() {
  const { permissions } = usePermissions<CandorPermissions>();
  const readable = RESOURCE_NAMES.filter((name) => hasPermission(permissions, RESOURCE_ACCESS[name].read));
  return (
    <Menu>
      <Menu.DashboardItem />
      {readable.map((name) => (
        <Menu.ResourceItem key={name} name={name} />
      ))}
    </Menu>
  );
}
