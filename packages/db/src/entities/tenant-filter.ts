/**
 * Every tenant-owned entity carries this filter, on by default. A query on
 * such an entity fails unless the request's tenant was set with
 * `em.setFilterParams(TENANT_FILTER, { tenantId })` (done once, in the API's
 * tenant middleware) or the caller opts out explicitly with
 * `filters: { [TENANT_FILTER]: false }` for a deliberate cross-tenant read.
 */
export const TENANT_FILTER = 'tenant';

export const tenantFilter = {
  [TENANT_FILTER]: {
    name: TENANT_FILTER,
    cond: (args: { tenantId: string }) => ({ tenant: args.tenantId }),
    default: true,
  },
};
