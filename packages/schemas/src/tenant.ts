import { z } from 'zod';

export const ZTenantSlug = z
  .string()
  .min(2)
  .max(40)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single hyphens');

export const ZHexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #1f6feb');

export const ZTenant = z.object({
  id: z.uuid(),
  slug: ZTenantSlug,
  name: z.string().min(1).max(120),
  primaryColor: ZHexColor,
  about: z.string().max(1000),
});
export type TTenant = z.infer<typeof ZTenant>;

/** What the static careers build needs to know about a tenant. */
export const ZCareersTenant = ZTenant.pick({ slug: true, name: true, primaryColor: true, about: true });
export type TCareersTenant = z.infer<typeof ZCareersTenant>;
