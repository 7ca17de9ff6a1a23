import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  id: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  attachments?: Array<{ filename: string; contentType: string; contentBase64: string }> | null;
  /** Threading (inbound/reply-headers.ts): our Message-ID, the candidate's reply address, the reply this follows. */
  messageId?: string;
  replyTo?: string;
  inReplyTo?: string;
  /** A marketing message's one-click unsubscribe link: List-Unsubscribe with List-Unsubscribe-Post (RFC 8058). */
  listUnsubscribe?: string | null;
}

/** nodemailer's shape of our message. */
function toNodemailer(mail: OutgoingMail) {
  return {
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html ?? undefined,
    messageId: mail.messageId ?? `<${mail.id}@candor>`,
    ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
    ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo, references: mail.inReplyTo } : {}),
    ...(mail.listUnsubscribe
      ? {
          headers: {
            'List-Unsubscribe': `<${mail.listUnsubscribe}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          },
        }
      : {}),
    attachments: (mail.attachments ?? []).map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: Buffer.from(a.contentBase64, 'base64'),
    })),
  };
}

export interface MailTransport {
  readonly kind: 'smtp' | 'file';
  send(mail: OutgoingMail): Promise<void>;
}

/** Real SMTP delivery, e.g. smtp://user:pass@mail.example:587 */
export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    kind: 'smtp',
    async send(mail) {
      await transporter.sendMail(toNodemailer(mail));
    },
  };
}

/**
 * The embedded default: the same MIME message an SMTP server would get,
 * written to `<dir>/<id>.eml` so it can be opened in any mail client.
 */
export function fileTransport(dir: string): MailTransport {
  mkdirSync(dir, { recursive: true });
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'file',
    async send(mail) {
      const info = await transporter.sendMail(toNodemailer(mail));
      writeFileSync(join(dir, `${mail.id}.eml`), info.message as Buffer);
    },
  };
}
