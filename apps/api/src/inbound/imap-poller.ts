import { ImapFlow } from 'imapflow';
import { type InboundDeps, MAX_INBOUND_BYTES, receiveReply } from './receive-reply.js';

/** Where to poll: imap(s)://user:password@host:port/Mailbox (the path names the mailbox, INBOX by default). */
export interface ImapMailbox {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  mailbox: string;
  /** Move each processed message here; without it, a processed message stays, marked as seen. */
  doneMailbox?: string;
}

export function imapMailboxOf(url: string, doneMailbox?: string): ImapMailbox {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'imaps:';
  const mailbox = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'INBOX';
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : secure ? 993 : 143,
    secure,
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    mailbox,
    ...(doneMailbox ? { doneMailbox } : {}),
  };
}

/**
 * One poll: signs in, reads every unseen message of the mailbox, hands each
 * to receiveReply, then moves it to the done mailbox or marks it seen, so no
 * message is read twice. A message whose processing failed (our database,
 * say) stays unseen for the next poll. A message too large is not fetched.
 */
export async function pollImapMailbox(
  deps: InboundDeps,
  box: ImapMailbox,
): Promise<{ processed: number; failed: number }> {
  const client = new ImapFlow({
    host: box.host,
    port: box.port,
    secure: box.secure,
    auth: { user: box.user, pass: box.password },
    logger: false,
    disableAutoIdle: true,
  });
  let processed = 0;
  let failed = 0;
  await client.connect();
  try {
    const lock = await client.getMailboxLock(box.mailbox);
    try {
      const uids = (await client.search({ seen: false }, { uid: true })) || [];
      for (const uid of uids) {
        const range = String(uid);
        try {
          const meta = await client.fetchOne(range, { size: true }, { uid: true });
          if (meta && (meta.size ?? 0) > MAX_INBOUND_BYTES) {
            deps.logger.info('inbound mail dropped', { channel: 'imap', reason: 'too_large' });
          } else {
            const message = await client.fetchOne(range, { source: true }, { uid: true });
            const source = message === false ? undefined : message.source;
            if (source) await receiveReply(deps, source, 'imap');
          }
          if (box.doneMailbox) await client.messageMove(range, box.doneMailbox, { uid: true });
          else await client.messageFlagsAdd(range, ['\\Seen'], { uid: true });
          processed += 1;
        } catch (error) {
          failed += 1;
          deps.logger.error('inbound imap message failed', {
            errorName: error instanceof Error ? error.name : 'Error',
          });
        }
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => undefined);
  }
  return { processed, failed };
}
