import type { AppDeps } from '../deps.js';
import type { Env } from '../env.js';
import { errorFields } from '../logging/logger.js';
import { processDropFolder } from './drop-folder.js';
import { imapMailboxOf } from './imap-poller.js';
import type { InboundDeps } from './receive-reply.js';
import { replyMailboxOf } from './reply-address.js';
import { tellRecruitersOfReply } from './reply-notification.js';
import { startSmtpEndpoint } from './smtp-endpoint.js';

export function inboundDepsOf(deps: AppDeps, env: Pick<Env, 'MAIL_REPLY_ADDRESS'>): InboundDeps {
  return {
    orm: deps.orm,
    files: deps.files,
    masterKey: deps.masterKey,
    keyStore: deps.keyStore,
    hashKey: deps.hashKey,
    logger: deps.logger,
    mailbox: replyMailboxOf(env.MAIL_REPLY_ADDRESS),
    afterAttach: tellRecruitersOfReply,
  };
}

/** Runs `task` every `ms`, never twice at once, logging (without personal data) what fails. */
function every(ms: number, task: () => Promise<unknown>, onError: (error: unknown) => void): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    task()
      .catch(onError)
      .finally(() => {
        running = false;
      });
  };
  const timer = setInterval(tick, ms);
  timer.unref();
  tick();
  return () => clearInterval(timer);
}

/**
 * The ways replies come in to this process: the drop folder always (a folder
 * on this machine; a file is claimed by renaming it, so instances sharing one
 * never read a file twice), the SMTP endpoint when INBOUND_SMTP_PORT is set.
 * The IMAP mailbox (INBOUND_IMAP_URL) is read by the `replies.imap`
 * background job. Returns a line per way for the start banner, and the stop.
 */
export async function startInbound(
  inbound: InboundDeps,
  env: Pick<
    Env,
    | 'INBOUND_DROP_DIR'
    | 'INBOUND_IMAP_URL'
    | 'INBOUND_IMAP_DONE_MAILBOX'
    | 'INBOUND_SMTP_PORT'
    | 'INBOUND_SMTP_HOST'
    | 'INBOUND_POLL_SECONDS'
  >,
): Promise<{ lines: string[]; stop(): Promise<void> }> {
  const ms = env.INBOUND_POLL_SECONDS * 1000;
  const log = (what: string) => (error: unknown) =>
    inbound.logger.error(`inbound ${what} failed`, errorFields(error));
  const lines: string[] = [];
  const stops: Array<() => Promise<void> | void> = [];
  if (env.INBOUND_DROP_DIR) {
    const dir = env.INBOUND_DROP_DIR;
    stops.push(every(ms, () => processDropFolder(inbound, dir), log('drop folder')));
    lines.push(`drop .eml files into ${dir}`);
  }
  if (env.INBOUND_IMAP_URL) {
    // A mailbox every instance shares: a background job reads it, once per round across instances.
    const box = imapMailboxOf(env.INBOUND_IMAP_URL, env.INBOUND_IMAP_DONE_MAILBOX);
    lines.push(
      `IMAP ${box.host}:${box.port}/${box.mailbox} (background job, every ${env.INBOUND_POLL_SECONDS} s)`,
    );
  }
  if (env.INBOUND_SMTP_PORT) {
    const smtp = await startSmtpEndpoint(inbound, {
      host: env.INBOUND_SMTP_HOST,
      port: env.INBOUND_SMTP_PORT,
    });
    stops.push(smtp.close);
    lines.push(`SMTP on ${env.INBOUND_SMTP_HOST}:${smtp.port}`);
  }
  return {
    lines,
    async stop() {
      for (const stop of stops) await stop();
    },
  };
}
