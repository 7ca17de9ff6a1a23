import type { Em } from '@candor/db';
import type { TLocale } from '@candor/schemas';
import { recordAudit } from '../audit/audit.service.js';
import { enqueueEmail } from '../mail/outbox.js';
import { type CodeCheck, checkCode, issueCode, startPortalSession } from './portal-auth.js';
import { portalCodeEmail } from './portal-emails.js';

type PortalTenant = { id: string; name: string; slug: string; languageSettings?: unknown };

/**
 * Issues a one-time sign-in code for the address and queues the email that
 * carries it, in one transaction: a code nobody was sent never exists.
 */
export async function sendSignInCode(
  em: Em,
  input: {
    tenant: PortalTenant;
    email: string;
    network: string;
    hashKey: Buffer;
    publicUrl: string;
    /** The portal page's language: the code comes in the language the person asked in. */
    locale?: TLocale;
  },
): Promise<void> {
  await em.transactional(async (tx) => {
    const code = await issueCode(tx, {
      tenantId: input.tenant.id,
      email: input.email,
      network: input.network,
      hashKey: input.hashKey,
    });
    // Queued without the tenant: the tenant's staff see their outbox, and must see neither the code nor who asked for one.
    enqueueEmail(tx, {
      tenantId: null,
      to: input.email,
      ...portalCodeEmail(input.tenant, code, input.publicUrl, input.locale),
    });
  });
}

/**
 * Checks a code and, when it holds, opens a portal session for the address
 * and audits the sign-in, together. The browser gets the session's token.
 */
export async function signInWithCode(
  em: Em,
  input: { tenantId: string; email: string; code: string; hashKey: Buffer; requestId: string },
): Promise<{ kind: 'ok'; token: string } | Exclude<CodeCheck, { kind: 'ok' }>> {
  const check = await checkCode(em, {
    tenantId: input.tenantId,
    email: input.email,
    code: input.code,
    hashKey: input.hashKey,
  });
  if (check.kind !== 'ok') return check;
  return em.transactional(async (tx) => {
    const session = await startPortalSession(tx, input.tenantId, input.email);
    recordAudit(
      tx,
      { tenantId: input.tenantId, userId: null, requestId: input.requestId },
      { action: 'portal.sign_in', targetType: 'PortalSession' },
    );
    return { kind: 'ok' as const, token: session.token };
  });
}
