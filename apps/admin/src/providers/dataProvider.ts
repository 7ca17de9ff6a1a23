import {
  type DataProvider,
  type GetManyReferenceParams,
  HttpError,
  type Identifier,
  type RaRecord,
} from 'react-admin';
import { type AuditActions, auditActions } from '../resources/audit/auditActions';
import { type MessageActions, messageActions } from '../resources/messages/messageActions';
import { type ThreadActions, threadActions } from '../resources/messages/threadActions';
import { type RequestActions, requestActions } from '../resources/privacyRequests/requestActions';
import { type TalentPoolActions, talentPoolActions } from '../resources/talentPool/talentPoolActions';
import { type HiringActions, hiringActions } from './actions';
import { type DiversityActions, diversityActions } from './diversityActions';
import type { EndpointRegistry, ResourceEndpoints } from './endpoints';
import { endpoints } from './endpoints';
import { toHttpError } from './errors';
import { type HoldsActions, holdsActions } from './holdsActions';
import type { ListRequest } from './listRequest';
import { createPageEnds } from './pageEnds';
import { type PrivacyActions, privacyActions } from './privacyActions';
import { type ProfileActions, profileActions } from './profileActions';
import { type ReportsActions, reportsActions } from './reportsActions';
import { type RetentionActions, retentionActions } from './retentionActions';

type Operation = keyof ResourceEndpoints;

function endpointFor<O extends Operation>(
  registry: EndpointRegistry,
  resource: string,
  operation: O,
): NonNullable<ResourceEndpoints[O]> {
  const endpoint = registry[resource]?.[operation];
  if (!endpoint) throw new HttpError(`"${resource}" does not support ${operation}`, 405, null);
  return endpoint;
}

/** Runs a call and rejects with an HttpError, so react-admin and checkError see the real status. */
async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toHttpError(error);
  }
}

function unsupported(operation: string): Promise<never> {
  return Promise.reject(new HttpError(`The backoffice cannot ${operation} records`, 405, null));
}

/** Only what the form changed: the API treats a missing field as "leave as is". */
function changedFields(data: Partial<RaRecord>, previous: RaRecord | undefined): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(data).filter(([field, value]) => field !== 'id' && previous?.[field] !== value),
  );
}

/**
 * The one dataProvider: every resource goes through its registry entry.
 * react-admin's methods are generic in the record type; the registry cannot
 * know which one a caller asks for, hence the casts to `RecordType`.
 */
export function createDataProvider(registry: EndpointRegistry): DataProvider {
  const getOne = (resource: string, id: Identifier) =>
    call(() => endpointFor(registry, resource, 'getOne')(String(id)));
  const pageEnds = createPageEnds();
  /** A list page, continuing from where the previous page of the same list ended when that is known. */
  const listPage = async (resource: string, request: ListRequest) => {
    const after = pageEnds.before(resource, request);
    const pagination = after && request.pagination ? { ...request.pagination, after } : request.pagination;
    const result = await endpointFor(registry, resource, 'list')({ ...request, pagination });
    pageEnds.remember(resource, request, result.data);
    return result;
  };

  return {
    getList: <RecordType extends RaRecord>(resource: string, { pagination, sort, filter }: ListRequest) =>
      call(async () => {
        const { data, total } = await listPage(resource, { pagination, sort, filter });
        return { data: data as RecordType[], total };
      }),

    getOne: async <RecordType extends RaRecord>(resource: string, { id }: { id: Identifier }) => ({
      data: (await getOne(resource, id)) as RecordType,
    }),

    // No batch procedure exists; reference fields fetch few records, so one call each is fine.
    getMany: async <RecordType extends RaRecord>(resource: string, { ids }: { ids: Identifier[] }) => ({
      data: (await Promise.all(ids.map((id) => getOne(resource, id)))) as RecordType[],
    }),

    // "Records of `resource` whose `target` is `id`" is a list filtered on `target`; every list filter takes ids.
    getManyReference: <RecordType extends RaRecord>(
      resource: string,
      { target, id, pagination, sort, filter }: GetManyReferenceParams,
    ) =>
      call(async () => {
        const request = { pagination, sort, filter: { ...filter, [target]: String(id) } };
        const { data, total } = await listPage(resource, request);
        return { data: data as RecordType[], total };
      }),

    create: <RecordType extends RaRecord>(resource: string, { data }: { data: Partial<RecordType> }) =>
      call(async () => ({ data: (await endpointFor(registry, resource, 'create')(data)) as RecordType })),

    update: <RecordType extends RaRecord>(
      resource: string,
      { id, data, previousData }: { id: Identifier; data: Partial<RecordType>; previousData?: RecordType },
    ) =>
      call(async () => {
        const changes = changedFields(data, previousData);
        const updated = await endpointFor(registry, resource, 'update')(String(id), changes, data);
        return { data: updated as RecordType };
      }),

    updateMany: () => unsupported('bulk-update'),
    delete: () => unsupported('delete'),
    deleteMany: () => unsupported('delete'),
  };
}

type Async = (...args: never[]) => Promise<unknown>;

/** The same actions, rejecting with an HttpError like every other dataProvider method. */
function withHttpErrors<A extends Record<string, Async>>(actions: A): A {
  return Object.fromEntries(
    Object.entries(actions).map(([name, action]) => [
      name,
      (...args: never[]) => call(() => action(...args)),
    ]),
  ) as A;
}

export type CandorDataProvider = DataProvider &
  HiringActions &
  PrivacyActions &
  HoldsActions &
  ProfileActions &
  RetentionActions &
  DiversityActions &
  ReportsActions &
  AuditActions &
  RequestActions &
  MessageActions &
  ThreadActions &
  TalentPoolActions;

export const dataProvider: CandorDataProvider = {
  ...createDataProvider(endpoints),
  ...withHttpErrors(hiringActions),
  ...withHttpErrors(privacyActions),
  ...withHttpErrors(holdsActions),
  ...withHttpErrors(profileActions),
  ...withHttpErrors(retentionActions),
  ...withHttpErrors(diversityActions),
  ...withHttpErrors(reportsActions),
  ...withHttpErrors(auditActions),
  ...withHttpErrors(requestActions),
  ...withHttpErrors(messageActions),
  ...withHttpErrors(threadActions),
  ...withHttpErrors(talentPoolActions),
};
