import { Candidate, type Em, InboundEmail, TENANT_FILTER } from '@candor/db';
import { messageIdOf, type ReplyMailbox, replyAddress } from './reply-address.js';

/** What the outbox dispatcher needs to give emails a reply address: where replies go, and the key of the tokens. */
export interface ReplyAddressing {
  mailbox: ReplyMailbox;
  hashKey: Buffer;
}

export interface ThreadHeaders {
  messageId: string;
  /** Set on emails to the candidate they are about: their answer comes back to Candor. */
  replyTo?: string;
  /** The candidate's latest reply, which this message follows in their mail client's thread. */
  inReplyTo?: string;
}

const ANY_TENANT = { filters: { [TENANT_FILTER]: false } };

/**
 * Headers for a batch of outgoing emails. Only an email addressed to the
 * candidate it is about gets a reply address: a copy to an interviewer or a
 * colleague is answered by them, not by the candidate, and must not land in
 * the candidate's thread.
 */
export async function threadHeadersOf(
  tx: Em,
  addressing: ReplyAddressing,
  emails: ReadonlyArray<{ id: string; to: string; candidate?: { id: string } | null }>,
): Promise<Map<string, ThreadHeaders>> {
  const ids = [...new Set(emails.flatMap((e) => (e.candidate ? [e.candidate.id] : [])))];
  const candidates = ids.length
    ? await tx.find(Candidate, { id: { $in: ids } }, { fields: ['id', 'email'], ...ANY_TENANT })
    : [];
  const addressOf = new Map(candidates.map((c) => [c.id, c.email.toLowerCase()]));
  const replies = ids.length
    ? await tx.find(
        InboundEmail,
        { candidate: { $in: ids }, messageId: { $ne: null } },
        { fields: ['candidate', 'messageId'], orderBy: { receivedAt: 'desc' }, ...ANY_TENANT },
      )
    : [];
  const latestReply = new Map<string, string>();
  for (const reply of replies)
    if (reply.messageId && !latestReply.has(reply.candidate.id))
      latestReply.set(reply.candidate.id, reply.messageId);

  const out = new Map<string, ThreadHeaders>();
  for (const email of emails) {
    const headers: ThreadHeaders = { messageId: messageIdOf(addressing.mailbox, email.id) };
    const candidateId = email.candidate?.id;
    if (candidateId && addressOf.get(candidateId) === email.to.toLowerCase()) {
      headers.replyTo = replyAddress(addressing.hashKey, addressing.mailbox, email.id);
      const inReplyTo = latestReply.get(candidateId);
      if (inReplyTo) headers.inReplyTo = inReplyTo;
    }
    out.set(email.id, headers);
  }
  return out;
}
