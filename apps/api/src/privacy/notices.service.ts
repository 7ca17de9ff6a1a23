import { type Em, PrivacyNotice } from '@candor/db';
import type { TCareersNotice, TNoticeTranslations } from '@candor/schemas';

/** Published versions, newest first, including ones not yet in effect, with their text in other languages. */
export async function publishedNotices(
  em: Em,
): Promise<Array<TCareersNotice & { translations: TNoticeTranslations | null }>> {
  const rows = await em.find(PrivacyNotice, { version: { $ne: null } }, { orderBy: { version: 'desc' } });
  return rows.map((n) => ({
    version: n.version as number,
    bodyMd: n.bodyMd,
    effectiveOn: n.effectiveOn as string,
    materialChange: n.materialChange,
    changeSummary: n.changeSummary,
    translations: n.translations ?? null,
  }));
}
