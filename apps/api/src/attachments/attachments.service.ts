import { createHash } from 'node:crypto';
import {
  Application,
  Attachment,
  Candidate,
  type Em,
  type InboundEmail,
  type InferEntity,
  User,
} from '@candor/db';
import {
  MAX_ATTACHMENT_BYTES,
  type TApplicationAttachment,
  type TAttachment,
  type TAttachmentKind,
  type TRedactedText,
  type ZAttachmentReplaceInput,
  type ZAttachmentUploadInput,
} from '@candor/schemas';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit.service.js';
import {
  assertNotRestricted,
  byCandidateRestrictionScope,
  candidateRestrictionScope,
} from '../candidates/restriction.js';
import { DocumentUnreadable, documentText } from '../files/document-text.js';
import type { FileStore } from '../files/file-store.js';
import { sniffDocument } from '../files/sniff.js';
import { assertNotBlind, identifiableScope, isBlindFor, reviewsBlind } from '../hiring/blind-review.js';
import { jobScope, visibleApplication } from '../hiring/job-scope.js';
import { redactorFor } from '../hiring/redaction.js';
import { candidateKey, type DataKeys, openWith, sealFor } from '../keys/data-keys.js';
import { indexDocumentsSoon } from '../search/index-requests.js';
import { AppError } from '../trpc/app-error.js';
import type { Actor } from '../trpc/init.js';

type AttachmentRow = InferEntity<typeof Attachment>;

export function attachmentDownloadPath(id: string): string {
  return `/files/attachments/${id}`;
}

function toDto(a: AttachmentRow): TAttachment {
  return {
    blind: false,
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

/**
 * A candidate's files. A blind reviewer gets none of an application in
 * blind review here (they are not to learn whose files those are); they
 * read them through `listApplicationAttachments` as redacted text.
 */
export async function listAttachments(em: Em, actor: Actor, candidateId: string): Promise<TAttachment[]> {
  const visible = await visibleWhere(em, actor);
  const where = reviewsBlind(actor)
    ? { ...visible, application: { ...visible.application, ...identifiableScope(actor) } }
    : visible;
  const rows = await em.find(
    Attachment,
    { ...where, candidate: { id: candidateId, ...candidateRestrictionScope(actor) } },
    { populate: ['uploadedBy'], orderBy: { createdAt: 'desc' } },
  );
  return rows.map(toDto);
}

/** A document to store for a candidate, already sniffed (`contentType` from `sniffDocument`). */
export interface SniffedFile {
  kind: TAttachmentKind;
  filename: string;
  contentType: string;
  bytes: Buffer;
}

/**
 * Stores documents of one candidate as every file of theirs is stored:
 * sealed under their data key (made on first use, so call this outside a
 * transaction or after `ensureTenantDataKey`), written pending, the rows
 * created and flushed with whatever `beforeFlush` adds (an audit event, the
 * reply they came with), then promoted. A failed flush removes the files.
 */
export async function storeSealedAttachments(
  em: Em,
  deps: DataKeys & { files: FileStore },
  owner: {
    tenantId: string;
    candidate: InferEntity<typeof Candidate>;
    application: InferEntity<typeof Application> | null;
    uploadedBy: InferEntity<typeof User> | null;
    inboundEmail: InferEntity<typeof InboundEmail> | null;
  },
  documents: readonly SniffedFile[],
  beforeFlush?: () => void,
): Promise<AttachmentRow[]> {
  const { files } = deps;
  const key = documents.length
    ? await candidateKey(
        em,
        deps,
        { tenantId: owner.tenantId, candidateId: owner.candidate.id },
        { create: true },
      )
    : null;
  // Pending until the rows commit, so a crash in between leaves only what the leftover sweep removes.
  const storageKeys: string[] = [];
  const rows: AttachmentRow[] = [];
  try {
    for (const doc of documents) {
      const storageKey = await files.putPending(sealFor(key as Buffer, doc.bytes));
      storageKeys.push(storageKey);
      rows.push(
        em.create(Attachment, {
          tenant: owner.tenantId,
          candidate: owner.candidate,
          application: owner.application,
          inboundEmail: owner.inboundEmail,
          kind: doc.kind,
          filename: doc.filename,
          contentType: doc.contentType,
          size: doc.bytes.length,
          sha256: createHash('sha256').update(doc.bytes).digest('hex'),
          storageKey,
          encrypted: true,
          uploadedBy: owner.uploadedBy,
        }),
      );
    }
    beforeFlush?.();
    await em.flush();
  } catch (error) {
    for (const storageKey of storageKeys) await files.remove(storageKey);
    throw error;
  }
  // Committed. A failed promotion costs nothing: the file reads under its pending name and the sweep promotes it.
  for (const storageKey of storageKeys) await files.promote(storageKey).catch(() => undefined);
  return rows;
}

/** An uploaded document's bytes, refused in plain words unless a PDF, DOCX or ODT up to 10 MB (sniffed, not trusted by name). */
async function checkedDocument(contentBase64: string): Promise<{ bytes: Buffer; contentType: string }> {
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length === 0)
    throw new AppError('BAD_REQUEST', 'The file is empty', { contentBase64: ['Empty file'] });
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    throw new AppError('BAD_REQUEST', 'The file is larger than 10 MB', {
      contentBase64: ['Larger than 10 MB'],
    });
  }
  const { contentType, problem } = await sniffDocument(bytes);
  if (!contentType) {
    throw new AppError('BAD_REQUEST', problem ?? 'Upload a PDF, Word (.docx) or OpenDocument (.odt) file', {
      contentBase64: [problem ?? 'Not a PDF, DOCX or ODT document'],
    });
  }
  return { bytes, contentType };
}

/** Stores an uploaded document for a candidate (and optionally one of their applications). */
export async function uploadAttachment(
  em: Em,
  actor: Actor,
  deps: DataKeys & { files: FileStore },
  input: z.output<typeof ZAttachmentUploadInput>,
): Promise<TAttachment> {
  const { bytes, contentType } = await checkedDocument(input.contentBase64);
  const candidate = await em.findOne(Candidate, {
    id: input.candidateId,
    ...candidateRestrictionScope(actor),
  });
  if (!candidate) throw new AppError('NOT_FOUND', 'No such candidate');
  assertNotRestricted(candidate, 'no files can be added to their record');
  const application = input.applicationId
    ? await em.findOne(Application, { id: input.applicationId, candidate, ...(await jobScope(em, actor)) })
    : null;
  if (input.applicationId && !application)
    throw new AppError('NOT_FOUND', 'No such application of this candidate');

  const [row] = await storeSealedAttachments(
    em,
    deps,
    {
      tenantId: actor.tenantId,
      candidate,
      application,
      uploadedBy: em.getReference(User, actor.userId),
      inboundEmail: null,
    },
    [{ kind: input.kind, filename: input.filename, contentType, bytes }],
    () =>
      recordAudit(em, actor, {
        action: 'attachment.upload',
        targetType: 'Candidate',
        targetId: candidate.id,
        subjectId: candidate.id,
      }),
  );
  if (!row) throw new Error('no attachment stored');
  indexDocumentsSoon();
  await em.populate(row, ['uploadedBy']);
  return toDto(row);
}

/**
 * Replaces a document with a corrected one (a rectification, GDPR Art. 16):
 * the new file takes the old one's place (same kind, candidate and
 * application), the old row and its indexed text go in the same
 * transaction, and the old file is deleted from storage once that commits
 * (if that fails, the leftover sweep removes it: no row names it). No copy
 * of the old document is kept; the audit event says who replaced it, when.
 */
export async function replaceAttachment(
  em: Em,
  actor: Actor,
  deps: DataKeys & { files: FileStore },
  input: z.output<typeof ZAttachmentReplaceInput>,
): Promise<TAttachment> {
  const { bytes, contentType } = await checkedDocument(input.contentBase64);
  const old = await visibleAttachment(em, actor, input.id);
  if (old.application)
    assertNotBlind(actor, old.application, 'replace files of an application in blind review');
  assertNotRestricted(old.candidate, 'their files cannot be changed');
  const oldStorageKey = old.storageKey;
  const [row] = await storeSealedAttachments(
    em,
    deps,
    {
      tenantId: actor.tenantId,
      candidate: old.candidate,
      application: old.application ?? null,
      uploadedBy: em.getReference(User, actor.userId),
      inboundEmail: old.inboundEmail ?? null,
    },
    [{ kind: old.kind, filename: input.filename, contentType, bytes }],
    () => {
      em.remove(old);
      recordAudit(em, actor, {
        action: 'attachment.replace',
        targetType: 'Candidate',
        targetId: old.candidate.id,
        subjectId: old.candidate.id,
      });
    },
  );
  if (!row) throw new Error('no attachment stored');
  await deps.files.remove(oldStorageKey).catch(() => undefined);
  indexDocumentsSoon();
  await em.populate(row, ['uploadedBy']);
  return toDto(row);
}

/** An application's files; under blind review without their names, to be read as redacted text. */
export async function listApplicationAttachments(
  em: Em,
  actor: Actor,
  applicationId: string,
): Promise<TApplicationAttachment[]> {
  const app = await visibleApplication(em, actor, applicationId);
  const rows = await em.find(
    Attachment,
    { application: app },
    { populate: ['uploadedBy'], orderBy: { createdAt: 'desc' } },
  );
  if (!isBlindFor(actor, app)) return rows.map(toDto);
  return rows.map((a) => ({
    blind: true,
    id: a.id,
    applicationId: app.id,
    kind: a.kind,
    size: a.size,
    createdAt: a.createdAt.toISOString(),
  }));
}

/** A file the actor may see, with the application it belongs to (for the blind-review check). */
async function visibleAttachment(em: Em, actor: Actor, id: string) {
  const row = await em.findOne(
    Attachment,
    { id, ...(await visibleWhere(em, actor)) },
    { populate: ['application.stage', 'candidate'] },
  );
  if (!row) throw new AppError('NOT_FOUND', 'No such file');
  return row;
}

/** The text of a stored document, read off the main thread; an unreadable one is a 422, not a 500. */
async function attachmentText(
  em: Em,
  deps: DataKeys & { files: FileStore },
  row: Awaited<ReturnType<typeof visibleAttachment>>,
): Promise<string> {
  const bytes = await readAttachmentBytes(em, deps, row);
  return documentText(bytes, row.contentType).catch((error: unknown) => {
    if (error instanceof DocumentUnreadable) throw new AppError('UNPROCESSABLE_CONTENT', error.message);
    throw error;
  });
}

/**
 * A document's text with the candidate's identity (and what dates them)
 * redacted: what a blind reviewer reads instead of the file, and what a
 * recruiter can check before turning blind review on.
 */
export async function redactedAttachmentText(
  em: Em,
  actor: Actor,
  deps: DataKeys & { files: FileStore },
  id: string,
): Promise<TRedactedText> {
  const row = await visibleAttachment(em, actor, id);
  recordAudit(em, actor, {
    action: 'attachment.read_redacted',
    targetType: 'Attachment',
    targetId: row.id,
    subjectId: row.candidate.id,
  });
  await em.flush();
  return redactorFor(row.candidate)(await attachmentText(em, deps, row));
}

/**
 * A document's whole text, for reading it in the page (the viewer shows
 * Word and OpenDocument files this way, and offers it beside a PDF's pages).
 * Like the file itself: never to a blind reviewer, and every read audited.
 */
export async function fullAttachmentText(
  em: Em,
  actor: Actor,
  deps: DataKeys & { files: FileStore },
  id: string,
): Promise<{ text: string }> {
  const row = await visibleAttachment(em, actor, id);
  if (row.application)
    assertNotBlind(actor, row.application, 'read the redacted text instead of the original file');
  recordAudit(em, actor, {
    action: 'attachment.read_text',
    targetType: 'Attachment',
    targetId: row.id,
    subjectId: row.candidate.id,
  });
  await em.flush();
  return { text: await attachmentText(em, deps, row) };
}

/** Authorizes and audits one download; the HTTP route then streams the bytes. */
export async function openAttachment(
  em: Em,
  actor: Actor,
  deps: DataKeys & { files: FileStore },
  id: string,
) {
  const row = await visibleAttachment(em, actor, id);
  if (row.application)
    assertNotBlind(actor, row.application, 'read the redacted text instead of the original file');
  recordAudit(em, actor, {
    action: 'attachment.download',
    targetType: 'Attachment',
    targetId: row.id,
    subjectId: row.candidate.id,
  });
  await em.flush();
  return {
    filename: row.filename,
    contentType: row.contentType,
    bytes: await readAttachmentBytes(em, deps, row),
  };
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
