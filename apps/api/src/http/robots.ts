import { type Orm, Tenant } from '@candor/db';

/**
 * /robots.txt at the host root, where crawlers look for it: careers sites may
 * be indexed (each tenant's sitemap is listed), the backoffice, API, offer
 * links and files may not.
 */
export async function robotsTxt(orm: Orm, publicUrl: string): Promise<string> {
  const tenants = await orm.em.fork().find(Tenant, {}, { fields: ['slug'], orderBy: { slug: 'asc' } });
  return [
    'User-agent: *',
    'Allow: /careers/',
    'Disallow: /admin/',
    'Disallow: /trpc/',
    'Disallow: /offers/',
    'Disallow: /files/',
    '',
    ...tenants.map((t) => `Sitemap: ${publicUrl}/careers/${t.slug}/sitemap.xml`),
    '',
  ].join('\n');
}
