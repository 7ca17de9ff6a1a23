import { candidateLabel, type TApplicationListItem } from '@candor/schemas';
import AssignmentIndOutlinedIcon from '@mui/icons-material/AssignmentIndOutlined';
import { ApplicationList } from './ApplicationList';
import { ApplicationShow } from './ApplicationShow';

export const applications = {
  list: ApplicationList,
  show: ApplicationShow,
  icon: AssignmentIndOutlinedIcon,
  options: { label: 'Applications' },
  recordRepresentation: (application: TApplicationListItem) =>
    `${candidateLabel(application.candidate)} · ${application.job.title}`,
};
