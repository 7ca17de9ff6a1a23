import {
  ZApplicationListParams,
  ZCandidateCreateInput,
  ZCandidateListParams,
  ZCandidateUpdateInput,
  ZJobCreateInput,
  ZJobListParams,
  ZJobUpdateInput,
  ZOutboxListParams,
  ZRequestCreateInput,
  ZRequestListParams,
  ZTalentPoolListParams,
  ZUserInviteInput,
  ZUserListParams,
  ZUserUpdateInput,
} from '@candor/schemas';
import type { RaRecord } from 'react-admin';
import type { ResourceName } from '../access';
import { auditListInput } from '../resources/audit/auditActions';
import { trpc } from '../trpc';
import type { ListRequest, ListResponse } from './listRequest';

/**
 * One resource's tRPC procedures, adapted to react-admin's call shapes.
 * Inputs are parsed with the API's own zod schemas: that types them for the
 * procedure, drops react-admin's extra keys and catches mistakes before a request.
 */
export type ResourceEndpoints = {
  list?: (request: ListRequest) => Promise<ListResponse>;
  getOne?: (id: string) => Promise<RaRecord>;
  create?: (data: unknown) => Promise<RaRecord>;
  /** `changes` holds only the fields the form changed; `record` is the whole edited record. */
  update?: (
    id: string,
    changes: Record<string, unknown>,
    record: Record<string, unknown>,
  ) => Promise<RaRecord>;
};

export type EndpointRegistry = Partial<Record<string, ResourceEndpoints>>;

export const endpoints = {
  jobs: {
    list: (request) => trpc.jobs.list.query(ZJobListParams.parse(request)),
    getOne: (id) => trpc.jobs.get.query({ id }),
    create: (data) => trpc.jobs.create.mutate(ZJobCreateInput.parse(data)),
    // The whole job, not only the changes: ZJobUpdateInput is ZJobFields.partial(), which still
    // applies the create defaults, so an omitted city, description or team would be reset.
    update: (id, _changes, record) => trpc.jobs.update.mutate(ZJobUpdateInput.parse({ ...record, id })),
  },
  candidates: {
    list: (request) => trpc.candidates.list.query(ZCandidateListParams.parse(request)),
    getOne: (id) => trpc.candidates.get.query({ id }),
    create: (data) => trpc.candidates.create.mutate(ZCandidateCreateInput.parse(data)),
    update: (id, changes) => trpc.candidates.update.mutate(ZCandidateUpdateInput.parse({ ...changes, id })),
  },
  'talent-pool': {
    list: (request) => trpc.talentPool.list.query(ZTalentPoolListParams.parse(request)),
  },
  applications: {
    list: (request) => trpc.applications.list.query(ZApplicationListParams.parse(request)),
    getOne: (id) => trpc.applications.get.query({ id }),
  },
  outbox: {
    list: (request) => trpc.outbox.list.query(ZOutboxListParams.parse(request)),
    getOne: (id) => trpc.outbox.get.query({ id }),
  },
  users: {
    list: (request) => trpc.users.list.query(ZUserListParams.parse(request)),
    getOne: (id) => trpc.users.get.query({ id }),
    create: (data) => trpc.users.invite.mutate(ZUserInviteInput.parse(data)),
    update: (id, changes) => trpc.users.update.mutate(ZUserUpdateInput.parse({ ...changes, id })),
  },
  audit: {
    // Typed by the procedure's input; the API validates (its filters are not in @candor/schemas yet).
    list: (request) => trpc.audit.list.query(auditListInput(request)),
  },
  'privacy-requests': {
    // The queue is short and sorted by the API (open ones by due day): no paging, the total is its length.
    list: async ({ filter }) => {
      const { status, type } = filter as { status?: string; type?: string };
      const data = await trpc.requests.list.query(
        ZRequestListParams.parse({ status: status || undefined, type: type || undefined }),
      );
      return { data, total: data.length };
    },
    getOne: (id) => trpc.requests.get.query({ id }),
    create: (data) => trpc.requests.create.mutate(ZRequestCreateInput.parse(data)),
  },
} satisfies Record<ResourceName, ResourceEndpoints>;
