import { type Em, type InferEntity, type Orm, TENANT_FILTER, Tenant } from '@candor/db';
import type { Context, MiddlewareHandler } from 'hono';

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
  const reuseMs = options.reuseMs ?? 0;
  /** With `reuseMs`: tenants read in the last `reuseMs`, by slug (the apply route under a burst). */
  const recent = new Map<string, { readAt: number; tenant: Promise<ApplicantScope['tenant'] | null> }>();
  const tenantOf = (em: Em, slug: string) => {
    if (reuseMs <= 0) return em.findOne(Tenant, { slug });
    const kept = recent.get(slug);
    if (kept && Date.now() - kept.readAt < reuseMs) return kept.tenant;
    const tenant = em.findOne(Tenant, { slug });
    recent.delete(slug);
    recent.set(slug, { readAt: Date.now(), tenant });
    tenant.catch(() => recent.delete(slug));
    // Unknown slugs are kept too (a flood of bogus ones costs a read each only once), within a bound.
    while (recent.size > 1000) recent.delete(recent.keys().next().value as string);
    return tenant;
  };
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
