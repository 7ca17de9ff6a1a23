import { REQUEST_TYPE_LABELS, type TPrivacyRequest } from '@candor/schemas';
import GppMaybeOutlinedIcon from '@mui/icons-material/GppMaybeOutlined';
import { PrivacyRequestCreate } from './PrivacyRequestCreate';
import { PrivacyRequestList } from './PrivacyRequestList';
import { PrivacyRequestShow } from './PrivacyRequestShow';
import { requestReference } from './labels';

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
