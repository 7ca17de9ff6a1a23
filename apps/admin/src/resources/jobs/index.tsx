import type { TJobListItem } from '@candor/schemas';
import WorkOutlineIcon from '@mui/icons-material/WorkOutlineOutlined';
import { Route } from 'react-router';
import { lazyView } from '../../lazyView';

const JobBoard = lazyView(() => import('./board/JobBoard'), 'JobBoard');
const JobCreate = lazyView(() => import('./JobCreate'), 'JobCreate');
const JobEdit = lazyView(() => import('./JobEdit'), 'JobEdit');
const JobList = lazyView(() => import('./JobList'), 'JobList');
const JobShow = lazyView(() => import('./JobShow'), 'JobShow');

export const jobs = {
  list: JobList,
  create: JobCreate,
  edit: JobEdit,
  show: JobShow,
  icon: WorkOutlineIcon,
  options: { label: 'Jobs' },
  recordRepresentation: (job: TJobListItem) => job.title,
  // The pipeline board lives under the job: #/jobs/:id/board.
  children: <Route path=":id/board" element={<JobBoard />} />,
};
