import { z } from 'zod';
import { ZEmail } from './auth.js';
import { ZTenantSlug } from './tenant.js';

/** `pnpm tenants:create`: a new organisation and its first owner, invited. */
export const ZTenantCreateInput = z.strictObject({
  name: z.string().trim().min(1).max(120),
  slug: ZTenantSlug,
  ownerEmail: ZEmail,
  ownerName: z.string().trim().min(1).max(120),
});
export type TTenantCreateInput = z.input<typeof ZTenantCreateInput>;
