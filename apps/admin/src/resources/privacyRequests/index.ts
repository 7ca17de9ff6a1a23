import type { TPrivacyRequest } from '@candor/schemas';
import { REQUEST_TYPE_LABELS } from '@candor/schemas/labels';
import GppMaybeOutlinedIcon from '@mui/icons-material/GppMaybeOutlined';
import { lazyView } from '../../lazyView';
import { requestReference } from './reference';

const PrivacyRequestCreate = lazyView(() => import('./PrivacyRequestCreate'), 'PrivacyRequestCreate');
const PrivacyRequestList = lazyView(() => import('./PrivacyRequestList'), 'PrivacyRequestList');
const PrivacyRequestShow = lazyView(() => import('./PrivacyRequestShow'), 'PrivacyRequestShow');

export const privacyRequests = {
  list: PrivacyRequestList,
  show: PrivacyRequestShow,
  create: PrivacyRequestCreate,
  icon: GppMaybeOutlinedIcon,
  // Not "Privacy requests": the Privacy page's menu item must stay the only one named "Privacy".
  options: { label: 'Data requests' },
  recordRepresentation: (request: Pick<TPrivacyRequest, 'id' | 'type'>) =>
    `${REQUEST_TYPE_LABELS[request.type]} ${requestReference(request.id)}`,
};
