import { type Em, PrivacyNotice } from '@candor/db';
import type { TCareersNotice } from '@candor/schemas';

/** Published versions, newest first, including ones not yet in effect. */
export async function publishedNotices(em: Em): Promise<TCareersNotice[]> {
  const rows = await em.find(PrivacyNotice, { version: { $ne: null } }, { orderBy: { version: 'desc' } });
  return rows.map((n) => ({
    version: n.version as number,
    bodyMd: n.bodyMd,
    effectiveOn: n.effectiveOn as string,
    materialChange: n.materialChange,
    changeSummary: n.changeSummary,
  }));
}
