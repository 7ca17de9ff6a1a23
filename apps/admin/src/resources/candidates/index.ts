import type { TCandidateListItem } from '@candor/schemas';
import PeopleAltOutlinedIcon from '@mui/icons-material/PeopleAltOutlined';
import { CandidateCreate } from './CandidateCreate';
import { CandidateEdit } from './CandidateEdit';
import { CandidateList } from './CandidateList';
import { CandidateShow } from './CandidateShow';

export const candidates = {
  list: CandidateList,
  create: CandidateCreate,
  edit: CandidateEdit,
  show: CandidateShow,
  icon: PeopleAltOutlinedIcon,
  options: { label: 'Candidates' },
  recordRepresentation: (candidate: TCandidateListItem) => candidate.name,
};
