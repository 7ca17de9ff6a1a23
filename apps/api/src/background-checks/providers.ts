import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A background-check provider (a consumer reporting agency) behind one
 * interface: Candor orders a check, the provider reports progress through a
 * signed status webhook, and the report is fetched once it is complete.
 * The built-in `manual` provider orders nothing by itself: staff place the
 * order with their provider and upload the report file they receive.
 */
export interface BackgroundCheckProvider {
  /** The key in URLs and on the check (`/webhooks/background-checks/<key>`). */
  key: string;
  /** The recipient's name as the disclosure log records it. */
  name: string;
  /** ISO country of the recipient, for the disclosure log. */
  country: string | null;
  /** Places the order; returns the provider's id for it. */
  order(input: {
    checkId: string;
    candidateName: string;
    candidateEmail: string;
  }): Promise<{ providerRef: string }>;
  /** The finished report, or null when the provider has none to give (the manual provider: staff upload it). */
  fetchReport(providerRef: string): Promise<{ filename: string; bytes: Buffer } | null>;
  /** The shared secret its webhook is signed with; without one the provider has no webhook. */
  webhookSecret: string | null;
}

export const MANUAL_PROVIDER: BackgroundCheckProvider = {
  key: 'manual',
  name: 'Background-check provider (ordered by the hiring team)',
  country: null,
  order: async ({ checkId }) => ({ providerRef: `manual-${checkId}` }),
  fetchReport: async () => null,
  webhookSecret: null,
};

/** How old a webhook's timestamp may be (either way) before it is refused as a replay. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/** The signature a provider sends: hex HMAC-SHA256 over `<timestamp>.<raw body>`. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** Whether a webhook is signed with `secret` and fresh; compares in constant time. */
export function verifyWebhook(
  secret: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  body: string,
  now = Date.now(),
): boolean {
  const { timestamp, signature } = headers;
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(now / 1000 - Number(timestamp)) > WEBHOOK_TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(webhookSignature(secret, timestamp, body), 'hex');
  const given = Buffer.from(signature.replace(/^sha256=/, ''), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
