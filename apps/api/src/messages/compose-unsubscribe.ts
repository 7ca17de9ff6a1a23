import { Candidate, type Em, type InferEntity, type Tenant } from '@candor/db';
import { addDays, dayOf } from '@candor/schemas';
import { z } from 'zod';
import { readLink, signLink } from '../keys/signed-link.js';
import { objectToMarketing, type PortalDeps } from '../portal/portal.service.js';
import { ERASED_EMAIL_SUFFIX } from '../retention/find-due.js';
import { withdrawPendingMarketing } from './compose-rules.js';

type TenantRow = InferEntity<typeof Tenant>;

const LINK_PURPOSE = 'marketing-unsubscribe';
const ZClaim = z.object({ t: z.uuid(), c: z.uuid(), e: z.iso.date() });

/** Long enough for any marketing email still in someone's inbox (the law asks for at least 30 days). */
const VALID_DAYS = 3 * 366;

/**
 * The one-click unsubscribe link of a marketing message: a signed token
 * naming the tenant and the candidate, which can stop marketing and nothing
 * else (it opens no data).
 */
export function unsubscribeUrl(
  deps: { hashKey: Buffer; publicUrl: string },
  tenant: { id: string; slug: string },
  candidateId: string,
): string {
  const token = signLink(deps.hashKey, LINK_PURPOSE, {
    t: tenant.id,
    c: candidateId,
    e: addDays(dayOf(), VALID_DAYS),
  });
  return `${deps.publicUrl}/careers/${tenant.slug}/privacy/unsubscribe/?t=${token}`;
}

export type UnsubscribeOutcome =
  | { kind: 'ask' }
  | { kind: 'done'; receiptId: string | null }
  | { kind: 'invalid' };

async function candidateOfToken(em: Em, hashKey: Buffer, tenant: TenantRow, token: string) {
  const claim = readLink(hashKey, LINK_PURPOSE, token, ZClaim);
  if (!claim || claim.t !== tenant.id) return null;
  const candidate = await em.findOne(Candidate, claim.c);
  return candidate && !candidate.email.endsWith(ERASED_EMAIL_SUFFIX) ? candidate : null;
}

/** Whether a link holds, before asking (opening the link changes nothing: mail scanners open links). */
export async function unsubscribePrompt(
  em: Em,
  tenant: TenantRow,
  hashKey: Buffer,
  token: string,
): Promise<UnsubscribeOutcome> {
  return (await candidateOfToken(em, hashKey, tenant, token)) ? { kind: 'ask' } : { kind: 'invalid' };
}

/**
 * Stops marketing email for the candidate the link names, as an objection to
 * marketing in the privacy portal does: every marketing consent withdrawn at
 * once with a signed receipt emailed to them, the objection recorded, and
 * marketing messages still waiting in the outbox taken back.
 */
export async function unsubscribe(
  em: Em,
  tenant: TenantRow,
  deps: PortalDeps & { hashKey: Buffer },
  token: string,
  requestId: string,
): Promise<UnsubscribeOutcome> {
  const candidate = await candidateOfToken(em, deps.hashKey, tenant, token);
  if (!candidate) return { kind: 'invalid' };
  const outcome = await objectToMarketing(em, deps, { tenant, email: candidate.email, requestId });
  // The portal's withdrawal takes them back too; an objection with nothing to withdraw does not reach it.
  await withdrawPendingMarketing(em, tenant.id, candidate.id);
  return { kind: 'done', receiptId: outcome.kind === 'done' ? (outcome.receiptId ?? null) : null };
}
