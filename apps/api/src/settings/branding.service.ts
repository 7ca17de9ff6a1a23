import { type Em, type InferEntity, Tenant } from '@candor/db';
import { LOGO_FILE_NAMES, MAX_LOGO_BYTES, type TBranding, type ZBrandingInput } from '@candor/schemas';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit.service.js';
import type { FileStore } from '../files/file-store.js';
import { sniffImage } from '../files/sniff.js';
import { AppError } from '../trpc/app-error.js';
import type { Actor } from '../trpc/init.js';

type TenantRow = InferEntity<typeof Tenant>;

function toBranding(tenant: TenantRow): TBranding {
  const file =
    tenant.logoKey && tenant.logoType
      ? LOGO_FILE_NAMES[tenant.logoType as keyof typeof LOGO_FILE_NAMES]
      : undefined;
  return {
    name: tenant.name,
    primaryColor: tenant.primaryColor,
    about: tenant.about,
    logoUrl: file ? `/careers/${tenant.slug}/${file}` : null,
  };
}

export async function brandingOf(em: Em, tenantId: string): Promise<TBranding> {
  return toBranding(await em.findOneOrFail(Tenant, tenantId));
}

/** The logo's bytes and type, or a field error on `logo` the form shows next to the upload. */
function checkedLogo(contentBase64: string): {
  bytes: Buffer;
  type: NonNullable<ReturnType<typeof sniffImage>>;
} {
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length > MAX_LOGO_BYTES) {
    throw new AppError('BAD_REQUEST', 'The logo is too large', {
      logo: [`Use a logo of at most ${MAX_LOGO_BYTES / 1024} KB`],
    });
  }
  // By the bytes, not a name or a declared type: SVG and anything else are refused (SVG can carry script).
  const type = sniffImage(bytes);
  if (!type)
    throw new AppError('BAD_REQUEST', 'The logo is not a PNG, JPEG or WebP image', {
      logo: ['Use a PNG, JPEG or WebP image'],
    });
  return { bytes, type };
}

/**
 * Saves the careers site's look. A new logo is written to the file store
 * before the row points at it and removed again if saving fails; the file it
 * replaces is removed only once the new state is committed.
 */
export async function updateBranding(
  em: Em,
  actor: Actor,
  files: FileStore,
  input: z.output<typeof ZBrandingInput>,
): Promise<TBranding> {
  const logo = input.logo ? checkedLogo(input.logo.contentBase64) : input.logo;
  const tenant = await em.findOneOrFail(Tenant, actor.tenantId);
  const oldKey = tenant.logoKey ?? null;
  const newKey = logo ? await files.put(logo.bytes) : null;
  try {
    tenant.name = input.name;
    tenant.primaryColor = input.primaryColor;
    tenant.about = input.about;
    if (logo !== undefined) {
      tenant.logoKey = newKey;
      tenant.logoType = logo?.type ?? null;
    }
    recordAudit(em, actor, {
      action: 'settings.branding_update',
      targetType: 'Tenant',
      targetId: actor.tenantId,
    });
    await em.flush();
  } catch (error) {
    if (newKey) await files.remove(newKey);
    throw error;
  }
  // The change is saved; a leftover file (a logo, no personal data) is not worth failing the request over.
  if (logo !== undefined && oldKey && oldKey !== newKey) await files.remove(oldKey).catch(() => undefined);
  return toBranding(tenant);
}
