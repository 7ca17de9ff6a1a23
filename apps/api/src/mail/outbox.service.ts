import { containsPattern, type Em, type InferEntity, likeIgnoringCase, OutboxEmail } from '@candor/db';
import type { TOutboxEmail, ZOutboxListParams } from '@candor/schemas';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit.service.js';
import { seesRestricted } from '../candidates/restriction.js';
import { AppError } from '../trpc/app-error.js';
import type { Actor } from '../trpc/init.js';

type Row = InferEntity<typeof OutboxEmail>;

const PATH_TOKEN_LINKS =
  /(\/(?:offers|assessments|background-checks|references\/name|references\/answer)\/)[A-Za-z0-9._~%-]+/g;

/**
 * What staff see of a message's text: everything but the secrets meant for
 * its recipient alone. A privacy-portal code or a signed link (renewal,
 * diversity survey) would let whoever reads it act as the applicant: open
 * their data, answer the survey in their name.
 */
export function withoutRecipientSecrets(template: string, text: string): string {
  // `t=`: signed links (survey, renewal, scheduling); `token=`: invitation links, with which staff could accept in the invitee's name.
  const links = text
    .replace(/([?&](?:t|token)=)[A-Za-z0-9._~%-]+/g, '$1[for the recipient only]')
    // Links whose path is the secret: with them staff could accept an offer, answer an assessment or
    // sign a background-check authorization in the candidate's name, or write a referee's reference.
    .replace(PATH_TOKEN_LINKS, '$1[for the recipient only]');
  return template === 'portal.code'
    ? links.replace(/^( {4})\d{6}(\s*)$/m, '$1[code for the recipient only]$2')
    : links;
}

function toDto(m: Row): TOutboxEmail {
  return {
    id: m.id,
    to: m.to,
    subject: m.subject,
    text: withoutRecipientSecrets(m.template, m.text),
    template: m.template,
    status: m.status,
    attempts: m.attempts,
    nextAttemptAt: m.nextAttemptAt.toISOString(),
    lastError: m.lastError ?? null,
    createdAt: m.createdAt.toISOString(),
    sentAt: m.sentAt?.toISOString() ?? null,
  };
}

/** Mail about no candidate, or about one who has not restricted processing. */
const NOT_ABOUT_RESTRICTED = { $or: [{ candidate: null }, { candidate: { restrictedAt: null } }] };

/** Mail about candidates who restricted processing shows only to those who see such candidates. */
function restrictionScope(actor: Actor) {
  return seesRestricted(actor) ? {} : NOT_ABOUT_RESTRICTED;
}

/** The tenant's outgoing mail (the tenant filter keeps other tenants' mail out). */
export async function listOutbox(em: Em, actor: Actor, params: z.output<typeof ZOutboxListParams>) {
  const { page, perPage } = params.pagination;
  const { q, status, template } = params.filter;
  const needle = q ? likeIgnoringCase(em, containsPattern(q)) : undefined;
  // Two `$or`s (restriction, search) cannot share one object.
  const conditions = [
    ...(seesRestricted(actor) ? [] : [NOT_ABOUT_RESTRICTED]),
    ...(needle ? [{ $or: [{ to: needle }, { subject: needle }] }] : []),
  ];
  const [rows, total] = await em.findAndCount(
    OutboxEmail,
    {
      tenant: actor.tenantId,
      ...(status ? { status } : {}),
      ...(template ? { template } : {}),
      ...(conditions.length ? { $and: conditions } : {}),
    },
    {
      orderBy: [{ [params.sort.field]: params.sort.order }, { id: 'asc' }],
      limit: perPage,
      offset: (page - 1) * perPage,
    },
  );
  recordAudit(em, actor, { action: 'outbox.list', targetType: 'OutboxEmail' });
  await em.flush();
  return {
    data: rows.map((r) => {
      const { text: _text, ...rest } = toDto(r);
      return rest;
    }),
    total,
  };
}

export async function getOutboxEmail(em: Em, actor: Actor, id: string): Promise<TOutboxEmail> {
  const row = await em.findOne(OutboxEmail, { id, tenant: actor.tenantId, ...restrictionScope(actor) });
  if (!row) throw new AppError('NOT_FOUND', 'No such email');
  recordAudit(em, actor, { action: 'outbox.read', targetType: 'OutboxEmail', targetId: id });
  await em.flush();
  return toDto(row);
}
