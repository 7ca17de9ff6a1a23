import { z } from 'zod';
import { NOTIFICATION_KINDS } from './labels.js';
import { ZId } from './list.js';
import { ZRole } from './roles.js';

export { NOTIFICATION_KIND_LABELS, NOTIFICATION_KINDS } from './labels.js';

export const ZNotificationKind = z.enum(NOTIFICATION_KINDS);
export type TNotificationKind = z.infer<typeof ZNotificationKind>;

/** How a member hears about notifications by email, per organisation: each one at once, one summary a day, or not at all (in the app only). */
export const NOTIFICATION_EMAIL_MODES = ['immediate', 'digest', 'off'] as const;
export const ZNotificationEmailMode = z.enum(NOTIFICATION_EMAIL_MODES);
export type TNotificationEmailMode = z.infer<typeof ZNotificationEmailMode>;
export const NOTIFICATION_EMAIL_MODE_LABELS: Record<TNotificationEmailMode, string> = {
  immediate: 'Email me each one as it happens',
  digest: 'Email me a daily summary of the unread ones',
  off: 'No email: in Candor only',
};
export const DEFAULT_NOTIFICATION_EMAIL_MODE: TNotificationEmailMode = 'digest';

export const ZNotification = z.object({
  id: z.uuid(),
  kind: ZNotificationKind,
  text: z.string(),
  /** A backoffice path, e.g. /applications/<id>/show. */
  link: z.string(),
  /** Who caused it (a colleague who mentioned you), when someone did. */
  actorName: z.string().nullable(),
  readAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type TNotification = z.infer<typeof ZNotification>;

// Strict: every field has a default, so an unknown one would otherwise pass unnoticed as a valid empty query.
export const ZNotificationListInput = z
  .strictObject({
    unreadOnly: z.boolean().default(false),
    /** The createdAt/id of the last item of the previous page. */
    before: z.object({ createdAt: z.iso.datetime(), id: ZId }).optional(),
    limit: z.number().int().min(1).max(100).default(20),
  })
  .default({ unreadOnly: false, limit: 20 });
export type TNotificationListInput = z.input<typeof ZNotificationListInput>;

export const ZNotificationList = z.object({
  items: z.array(ZNotification),
  /** Whether older notifications follow. */
  more: z.boolean(),
});
export type TNotificationList = z.infer<typeof ZNotificationList>;

export const ZUnreadCount = z.object({ unread: z.number().int().min(0) });

export const ZMarkReadInput = z.object({ ids: z.array(ZId).min(1).max(100) });

export const ZNotificationPreferences = z.object({ email: ZNotificationEmailMode });
export type TNotificationPreferences = z.infer<typeof ZNotificationPreferences>;

/** Colleagues who can read an application, to @mention in a note on it. */
export const ZMentionableInput = z.object({ applicationId: ZId });
export const ZMentionable = z.array(z.object({ id: z.uuid(), name: z.string(), role: ZRole }));
export type TMentionable = z.infer<typeof ZMentionable>;

/**
 * An @mention in a note: "@" and the colleague's full name as the note field
 * inserts it ("@Ada Lovelace"). Names are matched whole, longest first, so
 * "@Ada Lovelace" does not also mention an "Ada".
 */
export function mentionedNames(body: string, names: readonly string[]): string[] {
  const lower = body.toLocaleLowerCase();
  const found: string[] = [];
  const taken: Array<[number, number]> = [];
  for (const name of [...new Set(names)].sort((a, b) => b.length - a.length)) {
    const needle = `@${name.toLocaleLowerCase()}`;
    let at = lower.indexOf(needle);
    while (at !== -1) {
      const end = at + needle.length;
      const before = at === 0 ? ' ' : lower.charAt(at - 1);
      const after = end >= lower.length ? ' ' : lower.charAt(end);
      const free = !taken.some(([s, e]) => at < e && end > s);
      // A mention starts a word and ends one: "@Ada Lovelace," yes, "me@Ada" or "@Adam" no.
      if (free && !/[\p{L}\p{N}_]/u.test(before) && !/[\p{L}\p{N}_]/u.test(after)) {
        taken.push([at, end]);
        if (!found.includes(name)) found.push(name);
      }
      at = lower.indexOf(needle, at + 1);
    }
  }
  return found;
}
