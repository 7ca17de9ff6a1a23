import { ROLE_LABELS, type TTenantUser } from '@candor/schemas';
import { Chip, type ChipProps } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { SecondFactorChips } from '../../pages/security/SecondFactorChips';
import { STATUS_LABELS } from './choices';

const STATUS_COLORS: Record<TTenantUser['status'], ChipProps['color']> = {
  invited: 'info',
  active: 'success',
  deactivated: 'default',
};

// `label` is read by <Datagrid> for the column header.
export function RoleChip(_props: { label?: string; sortable?: boolean; source?: string }) {
  const user = useRecordContext<TTenantUser>();
  if (!user) return null;
  return <Chip size="small" variant="outlined" label={ROLE_LABELS[user.role]} />;
}

export function SecondFactorField(_props: { label?: string }) {
  const user = useRecordContext<TTenantUser>();
  if (!user || user.status === 'invited') return null;
  return <SecondFactorChips factors={user.secondFactors} />;
}

export function StatusChip(_props: { label?: string; sortable?: boolean; source?: string }) {
  const user = useRecordContext<TTenantUser>();
  if (!user) return null;
  return <Chip size="small" color={STATUS_COLORS[user.status]} label={STATUS_LABELS[user.status]} />;
}
