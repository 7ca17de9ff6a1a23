import { Application, Candidate, type Em, Job } from '@candor/db';
import {
  type TJobAlertPreview,
  type TJobAlertResult,
  type TTalentPoolAddResult,
  type TTalentPoolMember,
  talentPoolTerm,
  type ZTalentPoolAddInput,
  type ZTalentPoolListParams,
} from '@candor/schemas';
import type { z } from 'zod';
import { createApplicationIn } from '../applications/create-application.js';
import { recordAudit } from '../audit/audit.service.js';
import { consentEndsOn } from '../consent/renewal.js';
import { visibleJob } from '../hiring/job-scope.js';
import {
  type ComposeDeps,
  PREVIEW_UNSUBSCRIBE,
  queueMessage,
  renderMessage,
  senderOf,
} from '../messages/compose.service.js';
import { withMarketingConsent } from '../messages/compose-rules.js';
import { AppError } from '../trpc/app-error.js';
import type { Actor } from '../trpc/init.js';
import {
  type PoolRow,
  type PoolRules,
  poolCount,
  poolQuery,
  poolRows,
  poolRulesOf,
} from './talent-pool-members.js';

function toMember(rules: PoolRules, row: PoolRow, alerts: ReadonlySet<string>): TTalentPoolMember {
  const term = talentPoolTerm(rules.policy, row.country);
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    joinedAt: row.joinedAt.toISOString(),
    endsOn: term ? consentEndsOn(row.joinedAt, term) : null,
    jobAlerts: alerts.has(row.id),
    latestJobTitle: row.latestJobTitle,
    country: row.country,
  };
}

export async function listTalentPool(
  em: Em,
  actor: Actor,
  params: z.output<typeof ZTalentPoolListParams>,
): Promise<{ data: TTalentPoolMember[]; total: number }> {
  const { page, perPage } = params.pagination;
  const rules = await poolRulesOf(em, actor.tenantId);
  const query = poolQuery(em, rules, params.filter);
  const [rows, total] = await Promise.all([
    poolRows(query, { sort: params.sort, limit: perPage, offset: (page - 1) * perPage }),
    poolCount(query),
  ]);
  const alerts = await withMarketingConsent(
    em,
    actor.tenantId,
    rows.map((r) => r.id),
  );
  recordAudit(em, actor, { action: 'talent_pool.list', targetType: 'Candidate' });
  await em.flush();
  return { data: rows.map((row) => toMember(rules, row, alerts)), total };
}

/**
 * Puts the chosen pool members into the job's first stage (source "Talent
 * pool"). Each is checked against the pool as it is now: someone who left it
 * since the list was drawn is not added. Those who already applied are left
 * as they are. One transaction: all of them, or none.
 */
export async function addFromTalentPool(
  em: Em,
  actor: Actor,
  input: z.output<typeof ZTalentPoolAddInput>,
): Promise<TTalentPoolAddResult> {
  const job = await visibleJob(em, actor, input.jobId);
  if (job.status !== 'open' && job.status !== 'draft') {
    throw new AppError('PRECONDITION_FAILED', 'Candidates can be added only to a draft or open job', {
      jobId: ['Not open'],
    });
  }
  const ids = [...new Set(input.candidateIds)];
  const rules = await poolRulesOf(em, actor.tenantId);
  const inPool = new Set((await poolRows(poolQuery(em, rules, { ids }))).map((row) => row.id));
  return em.transactional(async (tx) => {
    const applied = new Set(
      (
        await tx.find(
          Application,
          { job: job.id, candidate: { $in: [...inPool] } },
          { fields: ['candidate'] },
        )
      ).map((a) => a.candidate.id),
    );
    const candidates = await tx.find(Candidate, {
      id: { $in: [...inPool].filter((id) => !applied.has(id)) },
    });
    for (const candidate of candidates) {
      const app = await createApplicationIn(tx, actor, { candidate, jobId: job.id, source: 'talent_pool' });
      recordAudit(tx, actor, {
        action: 'application.create',
        targetType: 'Application',
        targetId: app.id,
        subjectId: candidate.id,
      });
    }
    await tx.flush();
    return { added: candidates.length, alreadyApplied: applied.size, notInPool: ids.length - inPool.size };
  });
}

/** Whom a job alert goes to now: members who consented to news about open roles, have not applied, and joined since the last alert. */
async function alertRecipients(em: Em, rules: PoolRules, job: { id: string; jobAlertSentAt?: Date | null }) {
  return poolRows(
    poolQuery(em, rules, {
      jobAlerts: true,
      notAppliedTo: job.id,
      joinedAfter: job.jobAlertSentAt ?? undefined,
    }),
  );
}

function alertDraft(
  job: { id: string; title: string; city?: string | null; country?: string | null; workplace: string },
  careersUrl: string,
) {
  const where = [job.city, job.country].filter(Boolean).join(', ');
  const place = job.workplace === 'remote' ? 'Remote' : where || '';
  return {
    subject: `New role at {{company_name}}: {{job_title}}`,
    body: [
      'Hello {{candidate_first_name}},',
      '',
      'You asked {{company_name}} to keep your profile in its talent pool and to tell you about open roles. This one may interest you:',
      '',
      `{{job_title}}${place ? ` (${place})` : ''}`,
      `${careersUrl}jobs/${job.id}/`,
      '',
      'If it does, apply on that page. If not, there is nothing to do.',
    ].join('\n'),
    sendAt: null,
  };
}

async function openJobForAlert(em: Em, actor: Actor, jobId: string) {
  await visibleJob(em, actor, jobId);
  const job = await em.findOneOrFail(Job, jobId, { populate: ['tenant'] });
  if (job.status !== 'open') {
    throw new AppError('PRECONDITION_FAILED', 'Job alerts are for open jobs: publish the job first', {
      jobId: ['Not open'],
    });
  }
  return job;
}

export async function previewJobAlert(
  em: Em,
  actor: Actor,
  deps: ComposeDeps,
  jobId: string,
): Promise<TJobAlertPreview> {
  const job = await openJobForAlert(em, actor, jobId);
  const rules = await poolRulesOf(em, actor.tenantId);
  const [sender, recipients] = await Promise.all([
    senderOf(em, actor, deps.publicUrl),
    alertRecipients(em, rules, job),
  ]);
  const draft = alertDraft(job, `${deps.publicUrl}/careers/${job.tenant.slug}/`);
  const sample = { name: recipients[0]?.name ?? 'Alex Example', locale: 'en' as const };
  const rendered = renderMessage(
    sender,
    draft,
    { candidate: sample, jobTitle: job.title },
    PREVIEW_UNSUBSCRIBE,
  );
  return {
    jobTitle: job.title,
    recipients: recipients.length,
    lastSentAt: job.jobAlertSentAt?.toISOString() ?? null,
    ...rendered,
  };
}

/**
 * Emails the job to every pool member who also consented to news about open
 * roles, as a marketing message (one-click unsubscribe, List-Unsubscribe,
 * taken back from the outbox if they withdraw before it goes). A second
 * alert for the same job reaches only members who joined since the first.
 * The job's last-sent time is claimed with a conditional update, so two
 * people pressing Send at once do not email anyone twice.
 */
export async function sendJobAlert(
  em: Em,
  actor: Actor,
  deps: ComposeDeps,
  jobId: string,
): Promise<TJobAlertResult> {
  const job = await openJobForAlert(em, actor, jobId);
  const rules = await poolRulesOf(em, actor.tenantId);
  const recipients = await alertRecipients(em, rules, job);
  if (recipients.length === 0) return { queued: 0 };
  const previous = job.jobAlertSentAt ?? null;
  return em.transactional(async (tx) => {
    const claimed = await tx.nativeUpdate(
      Job,
      { id: job.id, jobAlertSentAt: previous },
      { jobAlertSentAt: rules.now },
    );
    if (claimed !== 1) {
      throw new AppError('CONFLICT', 'An alert for this job was just sent: look at the preview again');
    }
    const sender = await senderOf(tx, actor, deps.publicUrl);
    const draft = alertDraft(job, `${deps.publicUrl}/careers/${job.tenant.slug}/`);
    const candidates = await tx.find(Candidate, { id: { $in: recipients.map((r) => r.id) } });
    for (const candidate of candidates) {
      queueMessage(
        tx,
        actor,
        deps,
        sender,
        draft,
        { candidate, application: null, jobTitle: job.title },
        true,
        [],
        true,
      );
    }
    recordAudit(tx, actor, { action: 'talent_pool.job_alert', targetType: 'Job', targetId: job.id });
    await tx.flush();
    return { queued: candidates.length };
  });
}
