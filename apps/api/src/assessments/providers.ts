import { createHmac, timingSafeEqual } from 'node:crypto';
import { AssessmentProvider, type Em, type InferEntity } from '@candor/db';
import { type TAssessmentResultWebhook, ZAssessmentResultWebhook } from '@candor/schemas';
import { AppError } from '../trpc/app-error.js';

/**
 * Who runs an assessment (docs/assessments.md): Candor's own candidate page,
 * or an external provider the tenant configured. Each makes the link the
 * candidate is emailed and reads the results the provider posts back.
 */
export interface AssessmentProviderAdapter {
  /** `candor`, or the AssessmentProvider row's id. */
  id: string;
  name: string;
  createInvitation(input: {
    invitationId: string;
    /** The link token (Candor's page only; an external provider gets the invitation id). */
    token: string;
    publicUrl: string;
    assessmentTitle: string;
  }): { url: string };
  /** Verifies and reads a result webhook; a bad or stale signature is a 401 and changes nothing. */
  parseResultWebhook(request: Request, now?: Date): Promise<WebhookOutcome>;
}

export type WebhookOutcome =
  | { ok: true; result: TAssessmentResultWebhook }
  | { ok: false; status: 400 | 401 | 404; reason: string };

/** Signed webhooks older (or further in the future) than this are refused as replays. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;
/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` */
export const SIGNATURE_HEADER = 'X-Candor-Signature';
export const WEBHOOK_BODY_MAX = 64 * 1024;

export function signWebhook(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

/** Checks a signature header against the body; false for anything malformed, stale or wrong. */
export function verifyWebhookSignature(
  secret: string,
  header: string | null,
  body: string,
  now = new Date(),
): boolean {
  if (!header) return false;
  const parts = new Map(
    header.split(',').map((part) => {
      const at = part.indexOf('=');
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
    }),
  );
  const t = parts.get('t');
  const v1 = parts.get('v1');
  if (!t || !/^\d{1,12}$/.test(t) || !v1 || !/^[0-9a-f]{64}$/.test(v1)) return false;
  const timestamp = Number(t);
  if (Math.abs(now.getTime() / 1000 - timestamp) > WEBHOOK_TOLERANCE_SECONDS) return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(v1, 'hex'));
}

/** Candor's own page: the link is /assessments/<token>; results are what the candidate submits there. */
export const candorProvider: AssessmentProviderAdapter = {
  id: 'candor',
  name: 'Candor',
  createInvitation: ({ token, publicUrl }) => ({ url: `${publicUrl}/assessments/${token}` }),
  parseResultWebhook: async () => ({ ok: false, status: 404, reason: 'Candor takes no result webhooks' }),
};

type ProviderRow = InferEntity<typeof AssessmentProvider>;

/**
 * A generic external provider: the candidate goes to the tenant's URL
 * template with `{invitationId}` filled in; the provider posts results to
 * /webhooks/assessments/<provider id>, signed with the shared secret.
 */
export function externalProvider(row: ProviderRow, secret: string | null): AssessmentProviderAdapter {
  return {
    id: row.id,
    name: row.name,
    createInvitation: ({ invitationId }) => ({
      url: row.invitationUrlTemplate.replaceAll('{invitationId}', encodeURIComponent(invitationId)),
    }),
    parseResultWebhook: async (request, now = new Date()) => {
      if (!secret) return { ok: false, status: 401, reason: 'No secret' };
      const length = Number(request.headers.get('content-length') ?? '0');
      if (length > WEBHOOK_BODY_MAX) return { ok: false, status: 400, reason: 'Too large' };
      const body = await request.text();
      if (body.length > WEBHOOK_BODY_MAX) return { ok: false, status: 400, reason: 'Too large' };
      if (!verifyWebhookSignature(secret, request.headers.get(SIGNATURE_HEADER), body, now))
        return { ok: false, status: 401, reason: 'Bad or stale signature' };
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        return { ok: false, status: 400, reason: 'Not JSON' };
      }
      const parsed = ZAssessmentResultWebhook.safeParse(json);
      if (!parsed.success) return { ok: false, status: 400, reason: 'Not a result' };
      return { ok: true, result: parsed.data };
    },
  };
}

/** The adapter for an assessment's provider (null: Candor's own), for sending invitations. */
export async function providerFor(em: Em, providerId: string | null): Promise<AssessmentProviderAdapter> {
  if (!providerId) return candorProvider;
  const row = await em.findOne(AssessmentProvider, providerId);
  if (!row) throw new AppError('NOT_FOUND', 'No such assessment provider');
  return externalProvider(row, null);
}
