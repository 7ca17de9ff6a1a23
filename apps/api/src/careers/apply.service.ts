import { createHash, randomUUID } from 'node:crypto';
import { Job, type Orm } from '@candor/db';
import {
  applyInputFromForm,
  applySchemaFor,
  formFieldErrors,
  MAX_RESUME_BYTES,
  noticeInEffect,
  PURPOSES,
  type TApplyInput,
  type TApplyResult,
  type TCareersNotice,
  type TFormValue,
  type TLocale,
} from '@candor/schemas';
import type { FileStore } from '../files/file-store.js';
import { sniffDocument } from '../files/sniff.js';
import type { ApplicantScope } from '../http/applicant-tenant.js';
import { candidateKey, type DataKeys, ensureTenantDataKey, sealFor } from '../keys/data-keys.js';
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
  const job = await em.findOne(Job, { id: request.jobId, status: { $in: ['open', 'closed'] } });
  if (!job) return { kind: 'not_found' };
  if (job.status !== 'open') return { kind: 'closed' };

  const settings = await privacySettingsOf(em, tenant.id);
  const notices = await publishedNotices(em);
  const current = noticeInEffect(notices);
  if (!current)
    return {
      kind: 'unavailable',
      message: 'Applications open once the company has published its privacy notice.',
    };

  const config = {
    ...tenantApplyConfig(settings),
    questions: publicQuestions(job),
    profileSections: job.profileSections ?? [],
    rightToWorkCountry: job.country ?? null,
    noticeVersion: current.version,
  };
  const file = request.fields.find(([name]) => name === 'resume')?.[1];
  const formValues = request.fields.map(([name, value]): [string, TFormValue] => [
    name,
    typeof value === 'string' ? value : { name: value.name, size: value.size },
  ]);
  const parsed = applySchemaFor(config).safeParse(applyInputFromForm(formValues));
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
  // A tenant key must be committed before a candidate key file names it; it is made once per tenant.
  const tenantKey = await ensureTenantDataKey(em, deps, tenant.id);
  // The key the form is sealed under; the candidate filing makes takes its id, or the data is sealed again.
  const candidateKeyId = randomUUID();
  const key = await candidateKey(
    em,
    deps,
    { tenantId: tenant.id, candidateId: candidateKeyId },
    { create: true, tenantKey },
  );
  await insertIntake(em, {
    id: randomUUID(),
    tenantId: tenant.id,
    jobId: job.id,
    email: input.email,
    candidateKeyId,
    form: sealFor(key, JSON.stringify(form)),
    resume: sealFor(key, bytes),
  });
  applicationsReceived();
  return { kind: 'received', result: answerTo(job.title, input, notice.version, request.gpc, decisions) };
}

/**
 * The intake row, written with bound parameters through the query builder
 * rather than the ORM, which writes values into the statement's text: a
 * 200 KB resume would be hex-encoded into the SQL, lower-cased and parsed
 * again, several milliseconds of the only thread per application.
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
    resume: Buffer;
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
    resume: row.resume,
    received_at: receivedAt,
    attempts: 0,
  });
}
