import type { TTalentPoolMember } from '@candor/schemas';
import GroupsOutlinedIcon from '@mui/icons-material/GroupsOutlined';
import { lazyView } from '../../lazyView';

const TalentPoolList = lazyView(() => import('./TalentPoolList'), 'TalentPoolList');

export const talentPool = {
  list: TalentPoolList,
  icon: GroupsOutlinedIcon,
  options: { label: 'Talent pool' },
  recordRepresentation: (member: TTalentPoolMember) => member.name,
};
