import { createHash } from 'node:crypto';
import { Application, Attachment, Candidate, type Em, type InferEntity, User } from '@candor/db';
import { MAX_ATTACHMENT_BYTES, type TAttachment, type ZAttachmentUploadInput } from '@candor/schemas';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit.service.js';
import { assertNotRestricted, byCandidateRestrictionScope, candidateRestrictionScope } from '../candidates/restriction.js';
import type { FileStore } from '../files/file-store.js';
import { sniffDocument } from '../files/sniff.js';
import { jobScope } from '../hiring/job-scope.js';
import { candidateKey, type DataKeys, openWith, sealFor } from '../keys/data-keys.js';
import { AppError } from '../trpc/app-error.js';
import type { Actor } from '../trpc/init.js';

type AttachmentRow = InferEntity<typeof Attachment>;

export function attachmentDownloadPath(id: string): string {
  return `/files/attachments/${id}`;
}

function toDto(a: AttachmentRow): TAttachment {
  return {
    id: a.id,
    candidateId: a.candidate.id,
    applicationId: a.application?.id ?? null,
    kind: a.kind,
    filename: a.filename,
    contentType: a.contentType,
    size: a.size,
    uploadedBy: a.uploadedBy ? { id: a.uploadedBy.id, name: a.uploadedBy.name } : null,
    createdAt: a.createdAt.toISOString(),
    downloadUrl: attachmentDownloadPath(a.id),
  };
}

/**
 * The attachments the actor may see: all for recruiters and admins; for
 * hiring managers only those of applications on their jobs (a candidate's
 * general files, or files of another job's application, stay hidden). Files
 * of restricted candidates only for those who see such candidates.
 */
async function visibleWhere(em: Em, actor: Actor) {
  const scope = await jobScope(em, actor);
  return { ...(scope.job ? { application: { job: scope.job } } : {}), ...byCandidateRestrictionScope(actor) };
}

export async function listAttachments(em: Em, actor: Actor, candidateId: string): Promise<TAttachment[]> {
  const rows = await em.find(
    Attachment,
    { ...(await visibleWhere(em, actor)), candidate: { id: candidateId, ...candidateRestrictionScope(actor) } },
    { populate: ['uploadedBy'], orderBy: { createdAt: 'desc' } },
  );
  return rows.map(toDto);
}

/** Stores an uploaded document for a candidate (and optionally one of their applications). */
export async function uploadAttachment(
  em: Em,
  actor: Actor,
  deps: DataKeys & { files: FileStore },
  input: z.output<typeof ZAttachmentUploadInput>,
): Promise<TAttachment> {
  const bytes = Buffer.from(input.contentBase64, 'base64');
  if (bytes.length === 0) throw new AppError('BAD_REQUEST', 'The file is empty', { contentBase64: ['Empty file'] });
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    throw new AppError('BAD_REQUEST', 'The file is larger than 10 MB', { contentBase64: ['Larger than 10 MB'] });
  }
  const contentType = sniffDocument(bytes);
  if (!contentType) {
    throw new AppError('BAD_REQUEST', 'Upload a PDF, Word (.docx) or OpenDocument (.odt) file', {
      contentBase64: ['Not a PDF, DOCX or ODT document'],
    });
  }
  const candidate = await em.findOne(Candidate, { id: input.candidateId, ...candidateRestrictionScope(actor) });
  if (!candidate) throw new AppError('NOT_FOUND', 'No such candidate');
  assertNotRestricted(candidate, 'no files can be added to their record');
  const application = input.applicationId
    ? await em.findOne(Application, { id: input.applicationId, candidate, ...(await jobScope(em, actor)) })
    : null;
  if (input.applicationId && !application) throw new AppError('NOT_FOUND', 'No such application of this candidate');

  const { files } = deps;
  const key = await candidateKey(em, deps, { tenantId: actor.tenantId, candidateId: candidate.id }, { create: true });
  const storageKey = await files.put(sealFor(key, bytes));
  try {
    const row = em.create(Attachment, {
      tenant: actor.tenantId,
      candidate,
      application,
      kind: input.kind,
      filename: input.filename,
      contentType,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      storageKey,
      encrypted: true,
      uploadedBy: em.getReference(User, actor.userId),
    });
    recordAudit(em, actor, { action: 'attachment.upload', targetType: 'Candidate', targetId: candidate.id, subjectId: candidate.id });
    await em.flush();
    await em.populate(row, ['uploadedBy']);
    return toDto(row);
  } catch (error) {
    await files.remove(storageKey);
    throw error;
  }
}

/** Authorizes and audits one download; the HTTP route then streams the bytes. */
export async function openAttachment(em: Em, actor: Actor, deps: DataKeys & { files: FileStore }, id: string) {
  const row = await em.findOne(Attachment, { id, ...(await visibleWhere(em, actor)) });
  if (!row) throw new AppError('NOT_FOUND', 'No such file');
  recordAudit(em, actor, { action: 'attachment.download', targetType: 'Attachment', targetId: row.id, subjectId: row.candidate.id });
  await em.flush();
  return { filename: row.filename, contentType: row.contentType, bytes: await readAttachmentBytes(em, deps, row) };
}

/** The original bytes of a stored file: opened with the candidate's key when it was stored sealed. */
export async function readAttachmentBytes(
  em: Em,
  deps: DataKeys & { files: FileStore },
  row: Pick<AttachmentRow, 'storageKey' | 'encrypted' | 'tenant' | 'candidate'>,
): Promise<Buffer> {
  const stored = await deps.files.read(row.storageKey);
  if (!row.encrypted) return stored;
  const key = await candidateKey(em, deps, { tenantId: row.tenant.id, candidateId: row.candidate.id });
  if (!key) throw new AppError('NOT_FOUND', 'This file can no longer be read: its key was destroyed');
  return openWith(key, stored);
}
