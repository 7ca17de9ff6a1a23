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

export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const MAX_LOGO_BYTES = 200 * 1024;

/** How the careers site looks: edited by tenant admins, republished on save. */
export const ZBranding = ZTenant.pick({ name: true, primaryColor: true, about: true }).extend({
  /** Where the careers site serves the logo, or null for the initial-letter badge. */
  logoUrl: z.string().nullable(),
});
export type TBranding = z.infer<typeof ZBranding>;

export const ZBrandingInput = z.object({
  name: z.string().trim().min(1, 'Enter the company name').max(120),
  primaryColor: ZHexColor,
  about: z.string().trim().max(1000),
  /** A new logo (PNG, JPEG or WebP, at most 200 KB), null to remove it, absent to keep it. */
  logo: z
    .object({ contentBase64: z.base64().max(300_000, 'Use a logo of at most 200 KB') })
    .nullable()
    .optional(),
});
export type TBrandingInput = z.input<typeof ZBrandingInput>;

/** The logo's file name on the careers site, by its (sniffed) type. */
export const LOGO_FILE_NAMES: Record<(typeof LOGO_TYPES)[number], string> = {
  'image/png': 'logo.png',
  'image/jpeg': 'logo.jpg',
  'image/webp': 'logo.webp',
};
