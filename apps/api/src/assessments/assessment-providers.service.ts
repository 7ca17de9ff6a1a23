import { AssessmentInvitation, AssessmentProvider, type Em, TENANT_FILTER } from '@candor/db';
import type { TAssessmentProvider, ZAssessmentProviderInput } from '@candor/schemas';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit.service.js';
import { unwrapSecret, wrapSecret } from '../keys/master-key.js';
import type { Actor } from '../trpc/init.js';
import { externalProvider, type WebhookOutcome } from './providers.js';

const webhookPath = (id: string) => `/webhooks/assessments/${id}`;

function toDto(row: { id: string; name: string; invitationUrlTemplate: string; createdAt: Date }) {
  return {
    id: row.id,
    name: row.name,
    invitationUrlTemplate: row.invitationUrlTemplate,
    webhookPath: webhookPath(row.id),
    createdAt: row.createdAt.toISOString(),
  } satisfies TAssessmentProvider;
}

export async function listProviders(em: Em): Promise<TAssessmentProvider[]> {
  return (await em.find(AssessmentProvider, {}, { orderBy: { createdAt: 'asc' } })).map(toDto);
}

/** The webhook secret is kept sealed under the master key, never shown again. */
export async function createProvider(
  em: Em,
  actor: Actor,
  masterKey: Buffer,
  input: z.output<typeof ZAssessmentProviderInput>,
): Promise<TAssessmentProvider> {
  const row = em.create(AssessmentProvider, {
    tenant: actor.tenantId,
    name: input.name,
    invitationUrlTemplate: input.invitationUrlTemplate,
    webhookSecretWrapped: wrapSecret(masterKey, Buffer.from(input.webhookSecret, 'utf8')),
  });
  recordAudit(em, actor, {
    action: 'assessment.provider_create',
    targetType: 'AssessmentProvider',
    targetId: row.id,
  });
  await em.flush();
  return toDto(row);
}

const anyTenant = { filters: { [TENANT_FILTER]: false } } as const;

/**
 * A result posted by an external provider to its webhook: verified against
 * the provider's secret (401 and no change otherwise), then recorded on the
 * invitation it names, which must be one of this provider's.
 */
export async function receiveResultWebhook(
  em: Em,
  masterKey: Buffer,
  providerId: string,
  request: Request,
  requestId: string,
  now = new Date(),
): Promise<WebhookOutcome> {
  const row = /^[0-9a-f-]{36}$/.test(providerId)
    ? await em.findOne(AssessmentProvider, { id: providerId }, anyTenant)
    : null;
  // An unknown provider looks like a bad signature: nothing to learn by probing.
  if (!row) return { ok: false, status: 401, reason: 'Bad or stale signature' };
  const secret = unwrapSecret(masterKey, row.webhookSecretWrapped).toString('utf8');
  const outcome = await externalProvider(row, secret).parseResultWebhook(request, now);
  if (!outcome.ok) return outcome;
  const { result } = outcome;
  const invitation = await em.findOne(
    AssessmentInvitation,
    { id: result.invitationId, tenant: row.tenant.id, provider: row.id },
    { ...anyTenant, populate: ['application'] },
  );
  if (!invitation || invitation.status === 'withdrawn')
    return { ok: false, status: 404, reason: 'No such invitation' };
  invitation.status = result.status;
  invitation.submittedAt ??= now;
  if (result.status === 'scored') {
    invitation.totalPoints = result.score;
    if (result.maxScore) invitation.maxPoints = result.maxScore;
    invitation.scoredAt = now;
  }
  invitation.externalResultUrl = result.resultUrl;
  recordAudit(
    em,
    { userId: null, tenantId: row.tenant.id, requestId },
    {
      action: `assessment.${result.status}`,
      targetType: 'Application',
      targetId: invitation.application.id,
      subjectId: invitation.application.candidate.id,
    },
  );
  await em.flush();
  return outcome;
}
