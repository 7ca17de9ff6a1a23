import { createHash, randomUUID } from 'node:crypto';
import { type InferEntity, Job, type Orm } from '@candor/db';
import {
  applyInputFromForm,
  applySchemaFor,
  formFieldErrors,
  MAX_RESUME_BYTES,
  noticeInEffect,
  PURPOSES,
  type TApplyConfig,
  type TApplyInput,
  type TApplyResult,
  type TCareersNotice,
  type TFormValue,
  type TLocale,
} from '@candor/schemas';
import type { FileStore } from '../files/file-store.js';
import { sniffDocument } from '../files/sniff.js';
import type { ApplicantScope } from '../http/applicant-tenant.js';
import { recentReads } from '../http/recent-reads.js';
import { type DataKeys, ensureTenantDataKey, newCandidateKey, sealFor } from '../keys/data-keys.js';
import type { Logger } from '../logging/logger.js';
import { publishedNotices } from '../privacy/notices.service.js';
import { privacySettingsOf } from '../privacy/privacy-settings.service.js';
import { publicQuestions, tenantApplyConfig } from './apply-config.js';
import type { IntakeForm } from './intake-form.js';
import { applicationsReceived } from './intake-requests.js';

export type ApplyOutcome =
  | { kind: 'received'; result: TApplyResult }
  | { kind: 'invalid'; fieldErrors: Record<string, string[]> }
  | { kind: 'closed' }
  | { kind: 'not_found' }
  | { kind: 'unavailable'; message: string };

export interface ApplyDeps extends DataKeys {
  orm: Orm;
  files: FileStore;
  publicUrl: string;
  logger: Logger;
  /** Keys the diversity survey's signed link (keys/hash-key.ts). */
  hashKey: Buffer;
  /** How long an instance reuses what it read about a job to check forms for it (0: read for every form). */
  applyContextMs?: number;
}

export interface ApplyRequest {
  jobId: string;
  /** The form's fields; files as Blob-like values with their bytes. */
  fields: Array<[string, string | File]>;
  /** A Global Privacy Control signal (the Sec-GPC header, or the page's own report of it). */
  gpc: boolean;
  requestId: string;
  /** The language of the page the form was sent from: a new candidate's emails are written in it. */
  locale?: TLocale;
}

/**
 * The notice the applicant saw must be a published version that is in
 * effect or was replaced only by changes that are not material; otherwise
 * they must read the new one first.
 */
function acceptedNotice(notices: TCareersNotice[], version: number): TCareersNotice | 'stale' | null {
  const current = noticeInEffect(notices);
  if (!current) return null;
  const seen = notices.find((n) => n.version === version && n.version <= current.version);
  if (!seen) return 'stale';
  const materialSince = notices.some(
    (n) => n.version > seen.version && n.version <= current.version && n.materialChange,
  );
  return materialSince ? 'stale' : seen;
}

/** What the applicant is told: only what their own form decided (see ZApplyResult), the same for a first and a second application. */
function answerTo(
  jobTitle: string,
  input: TApplyInput,
  noticeVersion: number,
  gpc: boolean,
  decisions: Array<{ label: string; given: boolean }>,
): TApplyResult {
  return {
    jobTitle,
    email: input.email,
    noticeVersion,
    gpc,
    choices: [
      { label: PURPOSES.recruitment.label, choice: 'needed' },
      ...decisions.map((d) => ({
        label: d.label,
        choice: d.given ? ('consented' as const) : ('refused' as const),
      })),
    ],
  };
}

type JobRow = InferEntity<typeof Job>;

/** What checking a form for one job needs (the job, the tenant's settings and notices, the tenant key). */
type ApplyContext =
  | {
      kind: 'open';
      job: JobRow;
      config: TApplyConfig & { purposes: ReturnType<typeof tenantApplyConfig>['purposes'] };
      notices: TCareersNotice[];
      /** The form's schema, built once per context: Zod compiles a schema on its first use. */
      schema: ReturnType<typeof applySchemaFor>;
      tenantKey: { id: string; key: Buffer };
    }
  | { kind: 'refused'; outcome: ApplyOutcome };

/** Each app's kept contexts (their time is its deps' `applyContextMs`). */
const contextReads = new WeakMap<ApplyDeps, ReturnType<typeof recentReads<ApplyContext>>>();

/**
 * The apply context of a job, read from the database at most once every
 * `applyContextMs` per job and instance: under a burst of applications the
 * request then reads nothing but the rate limit before it writes (the
 * tenant is kept as long, http/applicant-tenant.ts). A change (the job
 * closed, a notice published, a purpose added) reaches the checks within
 * that time (2 s by default, APPLY_CONTEXT_MS); filing uses the form as it
 * was checked.
 */
function applyContextOf(deps: ApplyDeps, scope: ApplicantScope, jobId: string): Promise<ApplyContext> {
  let reads = contextReads.get(deps);
  if (!reads) {
    reads = recentReads<ApplyContext>(deps.applyContextMs ?? 0);
    contextReads.set(deps, reads);
  }
  return reads(`${scope.tenant.id}/${jobId}`, () => readApplyContext(deps, scope, jobId));
}

async function readApplyContext(
  deps: ApplyDeps,
  scope: ApplicantScope,
  jobId: string,
): Promise<ApplyContext> {
  const { tenant, em } = scope;
  const job = await em.findOne(Job, { id: jobId, status: { $in: ['open', 'closed'] } });
  if (!job) return { kind: 'refused', outcome: { kind: 'not_found' } };
  if (job.status !== 'open') return { kind: 'refused', outcome: { kind: 'closed' } };
  const settings = await privacySettingsOf(em, tenant.id);
  const notices = await publishedNotices(em);
  const current = noticeInEffect(notices);
  if (!current)
    return {
      kind: 'refused',
      outcome: {
        kind: 'unavailable',
        message: 'Applications open once the company has published its privacy notice.',
      },
    };
  const config = {
    ...tenantApplyConfig(settings),
    questions: publicQuestions(job),
    profileSections: job.profileSections ?? [],
    rightToWorkCountry: job.country ?? null,
    noticeVersion: current.version,
  };
  // A tenant key must be committed before a candidate key file names it; it is made once per tenant.
  const tenantKey = await ensureTenantDataKey(em, deps, tenant.id);
  return { kind: 'open', job, config, notices, schema: applySchemaFor(config), tenantKey };
}

/**
 * One application from the careers site, received: the form is checked
 * (fields, the notice the applicant accepted, the resume's bytes), sealed
 * with the resume under a new data key, and written as one intake row. The
 * applicant's answer does not wait for more: a background job files the row
 * moments later (./file-applications.ts) as candidate, application, resume,
 * consents, receipt and emails. The answer is the same whether the address
 * applied before or not (filing tells the address's owner, by email).
 */
export async function applyToJob(
  deps: ApplyDeps,
  scope: ApplicantScope,
  request: ApplyRequest,
): Promise<ApplyOutcome> {
  const { tenant, em } = scope;
  const context = await applyContextOf(deps, scope, request.jobId);
  if (context.kind !== 'open') return context.outcome;
  const { job, config, notices, schema, tenantKey } = context;
  const file = request.fields.find(([name]) => name === 'resume')?.[1];
  const formValues = request.fields.map(([name, value]): [string, TFormValue] => [
    name,
    typeof value === 'string' ? value : { name: value.name, size: value.size },
  ]);
  const parsed = schema.safeParse(applyInputFromForm(formValues));
  if (!parsed.success) return { kind: 'invalid', fieldErrors: formFieldErrors(parsed.error) };
  const input = parsed.data;

  const notice = acceptedNotice(notices, input.noticeVersion);
  if (notice === 'stale' || notice === null) {
    return {
      kind: 'invalid',
      fieldErrors: {
        noticeVersion: [
          'The privacy notice has changed since you opened this page: reload it, read it, and send again',
        ],
      },
    };
  }

  const bytes =
    file && typeof file !== 'string' ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
  if (bytes.length > MAX_RESUME_BYTES)
    return { kind: 'invalid', fieldErrors: { resume: ['The file is larger than 10 MB'] } };
  const { contentType, problem } = await sniffDocument(bytes);
  if (!contentType) {
    return {
      kind: 'invalid',
      fieldErrors: {
        resume: [problem ?? 'This file is not a PDF, Word (.docx) or OpenDocument (.odt) document'],
      },
    };
  }

  // GPC declines every marketing-type purpose, whatever the boxes said.
  const decisions = config.purposes.map((p) => ({
    purpose: p.key,
    label: p.label,
    given: input.consents[p.key] === true && !(request.gpc && p.marketing),
  }));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const form: IntakeForm = {
    input,
    decisions,
    noticeVersion: notice.version,
    gpc: request.gpc,
    locale: request.locale ?? 'en',
    requestId: request.requestId,
    profileSections: config.profileSections,
    resume: { name: input.resume.name, contentType, size: bytes.length, sha256 },
  };
  // The key the form is sealed under; the candidate filing makes takes its id, or the data is sealed again.
  const candidateKeyId = randomUUID();
  const key = await newCandidateKey(deps, { tenantId: tenant.id, candidateId: candidateKeyId }, tenantKey);
  // The resume waits in the file store under a pending name until the application is filed.
  const resumeKey = await deps.files.putPending(sealFor(key, bytes));
  try {
    await insertIntake(em, {
      id: randomUUID(),
      tenantId: tenant.id,
      jobId: job.id,
      email: input.email,
      candidateKeyId,
      form: sealFor(key, JSON.stringify(form)),
      resumeKey,
    });
  } catch (error) {
    await deps.files.remove(resumeKey);
    throw error;
  }
  applicationsReceived();
  return { kind: 'received', result: answerTo(job.title, input, notice.version, request.gpc, decisions) };
}

/**
 * The intake row, one statement with bound parameters through the query
 * builder: the ORM's insert writes the values into the statement's text
 * (the sealed form is several kilobytes) and builds an entity first.
 */
async function insertIntake(
  em: ApplicantScope['em'],
  row: {
    id: string;
    tenantId: string;
    jobId: string;
    email: string;
    candidateKeyId: string;
    form: string;
    resumeKey: string;
  },
): Promise<void> {
  // Dates as the ORM stores them (milliseconds on SQLite, timestamptz on PostgreSQL).
  const receivedAt = em.getPlatform().processDateProperty(new Date());
  await em.getKnex()('application_intake').insert({
    id: row.id,
    tenant_id: row.tenantId,
    job_id: row.jobId,
    email: row.email,
    candidate_key_id: row.candidateKeyId,
    form: row.form,
    resume_key: row.resumeKey,
    received_at: receivedAt,
    attempts: 0,
  });
}
