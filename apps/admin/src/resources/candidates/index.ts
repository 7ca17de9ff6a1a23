import type { TCandidateListItem } from '@candor/schemas';
import PeopleAltOutlinedIcon from '@mui/icons-material/PeopleAltOutlined';
import { lazyView } from '../../lazyView';

const CandidateCreate = lazyView(() => import('./CandidateCreate'), 'CandidateCreate');
const CandidateEdit = lazyView(() => import('./CandidateEdit'), 'CandidateEdit');
const CandidateList = lazyView(() => import('./CandidateList'), 'CandidateList');
const CandidateShow = lazyView(() => import('./CandidateShow'), 'CandidateShow');

export const candidates = {
  list: CandidateList,
  create: CandidateCreate,
  edit: CandidateEdit,
  show: CandidateShow,
  icon: PeopleAltOutlinedIcon,
  options: { label: 'Candidates' },
  recordRepresentation: (candidate: TCandidateListItem) => candidate.name,
};
