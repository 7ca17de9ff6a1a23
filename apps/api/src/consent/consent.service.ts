import {
  type Application,
  type Candidate,
  ConsentEvent,
  ConsentReceipt,
  type Em,
  type InferEntity,
} from '@candor/db';
import {
  TALENT_POOL_PURPOSE,
  type TConsentChannel,
  type TConsentDecision,
  type TConsentReceiptPayload,
} from '@candor/schemas';
import { signJws } from '../keys/jws.js';
import { activeSigningKey } from '../keys/signing-keys.service.js';
import { consentReceiptPayload, type ReceiptDecision } from './consent-receipt.js';
import { talentPoolTermOf } from './talent-pool-term.js';

/**
 * A decision to record. Without `decision` it is given or refused as `given`
 * says; a withdrawal passes `decision: 'withdrawn'` with `given: false`, so
 * its receipt shows the purpose as no longer consented.
 */
export type ConsentDecisionInput = ReceiptDecision & { decision?: TConsentDecision };

/** A receipt just signed: the token, and what it says and which key signed it, for a readable copy (receipt-pdf.ts). */
export interface IssuedReceipt {
  id: string;
  jws: string;
  kid: string;
  payload: TConsentReceiptPayload;
}

/**
 * Records one set of consent decisions as append-only events, bound to the
 * notice version shown, and issues the signed receipt that covers them.
 * Runs in the caller's transaction: no events without the receipt, and
 * neither without the change that caused them.
 */
export async function recordConsents(
  tx: Em,
  input: {
    tenant: { id: string; name: string };
    contactEmail: string;
    siteUrl: string;
    candidate: InferEntity<typeof Candidate>;
    application: InferEntity<typeof Application> | null;
    noticeVersion: number;
    decisions: ConsentDecisionInput[];
    channel: TConsentChannel;
    gpc: boolean;
    masterKey: Buffer;
    /** When the decisions were made, if not now: the demo seed dates its survey answers when the applicant gave them. */
    at?: Date;
  },
): Promise<IssuedReceipt> {
  const key = await activeSigningKey(tx, input.tenant.id, input.masterKey);
  // The receipt states how long a talent-pool consent lasts: the retention policy's term for this candidate's job country.
  const talentPool = input.decisions.some((d) => d.purpose === TALENT_POOL_PURPOSE)
    ? await talentPoolTermOf(
        tx,
        input.tenant.id,
        input.application ? { application: input.application } : { candidateId: input.candidate.id },
      )
    : null;
  const issuedAt = input.at ?? new Date();
  const receipt = tx.create(ConsentReceipt, {
    tenant: input.tenant.id,
    candidate: input.candidate,
    jws: '',
    issuedAt,
  });
  const payload = consentReceiptPayload({
    receiptId: receipt.id,
    issuedAt,
    email: input.candidate.email,
    company: { name: input.tenant.name, contactEmail: input.contactEmail },
    siteUrl: input.siteUrl,
    noticeVersion: input.noticeVersion,
    decisions: input.decisions,
    gpc: input.gpc,
    channel: input.channel,
    talentPool,
  });
  receipt.jws = signJws(key.privateKey, key.kid, payload);
  for (const decision of input.decisions) {
    tx.create(ConsentEvent, {
      tenant: input.tenant.id,
      candidate: input.candidate,
      application: input.application,
      purpose: decision.purpose,
      purposeLabel: decision.label,
      decision: decision.decision ?? (decision.given ? 'given' : 'refused'),
      noticeVersion: input.noticeVersion,
      channel: input.channel,
      gpc: input.gpc,
      receipt,
      occurredAt: issuedAt,
    });
  }
  return { id: receipt.id, jws: receipt.jws, kid: key.kid, payload };
}
