import { type Em, type InferEntity, type Orm, TENANT_FILTER, Tenant } from '@candor/db';
import type { Context, MiddlewareHandler } from 'hono';
import { recentReads } from './recent-reads.js';

export type ApplicantScope = { tenant: InferEntity<typeof Tenant>; em: Em };

const SCOPE = 'applicantScope';

/**
 * For the applicant-facing routes under /careers/:slug/ (apply, the privacy
 * portal, the talent-pool renewal, the diversity survey): finds the tenant by
 * the URL's slug once, and gives the route an EntityManager of its own,
 * filtered to that tenant, so every query that follows stays inside it.
 * An unknown slug leaves no scope: each route answers its own "not found".
 */
export function applicantTenant(orm: Orm, options: { reuseMs?: number } = {}): MiddlewareHandler {
  // Unknown slugs are kept too: a flood of bogus ones costs a read each only once per `reuseMs`.
  const recent = recentReads<ApplicantScope['tenant'] | null>(options.reuseMs ?? 0);
  const tenantOf = (em: Em, slug: string) => recent(slug, () => em.findOne(Tenant, { slug }));
  return async (c, next) => {
    const em = orm.em.fork();
    const tenant = await tenantOf(em, c.req.param('slug') ?? '');
    if (tenant) em.setFilterParams(TENANT_FILTER, { tenantId: tenant.id });
    c.set(SCOPE, tenant ? { tenant, em } : null);
    await next();
  };
}

/** The scope `applicantTenant` found for this request; null for an unknown tenant. */
export function applicantScopeOf(c: Context): ApplicantScope | null {
  const scope: ApplicantScope | null | undefined = c.get(SCOPE);
  if (scope === undefined) throw new Error('applicantTenant() is not mounted on this route');
  return scope;
}
