import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type TCareersTenant, ZCareersTenant } from '@candor/schemas';
import { type Locale, messagesFor } from './i18n/index.js';
import { renderIndexPage } from './pages/index-page.js';
import { renderPrivacyPage } from './pages/privacy-page.js';

export interface CareersSiteInput {
  tenant: TCareersTenant;
  locale?: Locale;
}

/** Renders every page of one tenant's site to a map of relative path -> file content. */
export function renderTenantSite(input: CareersSiteInput): Map<string, string> {
  const tenant = ZCareersTenant.parse(input.tenant);
  const t = messagesFor(input.locale);
  return new Map([
    ['index.html', renderIndexPage(tenant, t)],
    ['privacy/index.html', renderPrivacyPage(tenant, t)],
    ['robots.txt', 'User-agent: *\nAllow: /\n'],
  ]);
}

/**
 * Writes one tenant's site into `<outDir>/<slug>/`, building it in a
 * temporary folder and swapping it in, so visitors never see half a site.
 */
export async function writeTenantSite(outDir: string, input: CareersSiteInput): Promise<string> {
  const files = renderTenantSite(input);
  const slug = input.tenant.slug;
  const target = join(outDir, slug);
  const staging = join(outDir, `.${slug}.${process.pid}.${Date.now()}`);
  await mkdir(staging, { recursive: true });
  for (const [path, content] of files) {
    const file = join(staging, path);
    await mkdir(join(file, '..'), { recursive: true });
    await writeFile(file, content);
  }
  const old = `${target}.old.${Date.now()}`;
  await rename(target, old).catch(() => undefined);
  await rename(staging, target);
  await rm(old, { recursive: true, force: true });
  return target;
}
