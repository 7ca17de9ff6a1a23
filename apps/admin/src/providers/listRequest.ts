import type { TPageAfter } from '@candor/schemas';
import type { GetListParams, RaRecord } from 'react-admin';

/** react-admin's list params; `pagination.after` is where the previous page ended (see pageEnds.ts). */
export type ListRequest = Pick<GetListParams, 'sort' | 'filter'> & {
  pagination?: GetListParams['pagination'] & { after?: TPageAfter };
};
export type ListResponse = { data: RaRecord[]; total: number };
