import type { TJobListItem } from '@candor/schemas';
import WorkOutlineIcon from '@mui/icons-material/WorkOutlineOutlined';
import { Route } from 'react-router';
import { JobBoard } from './board/JobBoard';
import { JobCreate } from './JobCreate';
import { JobEdit } from './JobEdit';
import { JobList } from './JobList';
import { JobShow } from './JobShow';

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
