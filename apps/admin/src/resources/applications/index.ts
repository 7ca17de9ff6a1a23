import type { TApplicationListItem } from '@candor/schemas';
import { candidateLabel } from '@candor/schemas/labels';
import AssignmentIndOutlinedIcon from '@mui/icons-material/AssignmentIndOutlined';
import { lazyView } from '../../lazyView';

const ApplicationList = lazyView(() => import('./ApplicationList'), 'ApplicationList');
const ApplicationShow = lazyView(() => import('./ApplicationShow'), 'ApplicationShow');

export const applications = {
  list: ApplicationList,
  show: ApplicationShow,
  icon: AssignmentIndOutlinedIcon,
  options: { label: 'Applications' },
  recordRepresentation: (application: TApplicationListItem) =>
    `${candidateLabel(application.candidate)} · ${application.job.title}`,
};
