import type { ResourceProps } from 'react-admin';
import type { ResourceName } from '../access';
import { applications } from './applications';
import { audit } from './audit';
import { candidates } from './candidates';
import { jobs } from './jobs';
import { outbox } from './outbox';
import { privacyRequests } from './privacyRequests';
import { talentPool } from './talentPool';
import { users } from './users';

/** Every resource's views; App registers those the signed-in role may read (RESOURCE_ACCESS). */
export const RESOURCES: Record<ResourceName, Omit<ResourceProps, 'name'>> = {
  jobs,
  candidates,
  'talent-pool': talentPool,
  applications,
  outbox,
  users,
  audit,
  'privacy-requests': privacyRequests,
};
