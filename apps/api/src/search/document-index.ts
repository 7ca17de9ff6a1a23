import { setTimeout as sleep } from 'node:timers/promises';
import {
  Application,
  Attachment,
  type Candidate,
  DocumentText,
  type Em,
  type InferEntity,
  type Orm,
  searchableText,
  type TDocumentTextSource,
} from '@candor/db';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { readAttachmentBytes } from '../attachments/attachments.service.js';
import { documentText } from '../files/document-text.js';
import type { FileStore } from '../files/file-store.js';
import { redactorFor } from '../hiring/redaction.js';
import { candidateKeys, type DataKeys, openAnswers, openText, UNREADABLE } from '../keys/data-keys.js';
import { ERASED_EMAIL_SUFFIX } from '../retention/find-due.js';

type IndexDeps = DataKeys & { files: FileStore };
type CandidateRow = InferEntity<typeof Candidate>;

/**
 * Reads the text of documents not yet indexed for full-text search, a batch
 * at a time: stored files (through the text-extraction worker, off the event
 * loop) and applications' cover letters and answers (opened with the
 * candidate's key). Each becomes a DocumentText row with its redacted copy
 * for blind reviewers, which the database indexes (search-documents.ts in
 * @candor/db). What is still to read has no `searchIndexedAt`, found through
 * that column's index, so a batch costs the same at 300k applications as at
 * ten. Candidates who restricted processing are left unread until the
 * restriction is lifted; erased candidates and anonymized applications have
 * nothing left to read and are marked read as they are. The same pass is the
 * backfill for documents stored before search existed. Between documents it
 * gives the event loop back: on SQLite every statement runs on the server's
 * own thread, and requests should not wait behind a whole batch. Returns how
 * many documents it read.
 */
export async function indexPendingDocuments(orm: Orm, deps: IndexDeps, batch = 50): Promise<number> {
  const em = orm.em.fork();
  const unread = { searchIndexedAt: null, candidate: { restrictedAt: null } };
  const files = await em.find(Attachment, unread, { filters: false, fields: ['id'], limit: batch });
  const applications = await em.find(Application, unread, { filters: false, fields: ['id'], limit: batch });
  for (const { id } of files) {
    await indexAttachment(orm.em.fork(), deps, id);
    await nextTurn();
  }
  if (applications.length > 0)
    await indexApplications(
      orm.em.fork(),
      deps,
      applications.map((a) => a.id),
    );
  return files.length + applications.length;
}

/** Lets requests that arrived meanwhile run before the next document. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** An erased candidate's rows are blanked; they are read as having nothing left. */
const erased = (candidate: CandidateRow) => candidate.email.endsWith(ERASED_EMAIL_SUFFIX);

function textRow(
  em: Em,
  candidate: CandidateRow,
  values: {
    application: string | null;
    attachment: string | null;
    source: TDocumentTextSource;
    text: string;
  },
) {
  const text = searchableText(values.text);
  em.create(DocumentText, {
    tenant: candidate.tenant,
    candidate,
    application: values.application,
    attachment: values.attachment,
    source: values.source,
    text,
    redactedText: text ? redactorFor(candidate)(text).text : '',
  });
}

/** Writes the rows; another instance indexing the same file first is no error. */
async function flushIgnoringDuplicates(em: Em): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
  }
}

async function indexAttachment(em: Em, deps: IndexDeps, id: string): Promise<void> {
  const row = await em.findOne(Attachment, id, { filters: false, populate: ['candidate'] });
  if (!row) return;
  row.searchIndexedAt = new Date();
  if (!erased(row.candidate)) {
    // An unreadable file (damaged, scanned, too large, key gone) is indexed as empty: it is not read again and again.
    const text = await readAttachmentBytes(em, deps, row)
      .then((bytes) => documentText(bytes, row.contentType))
      .catch(() => '');
    textRow(em, row.candidate, {
      application: row.application?.id ?? null,
      attachment: row.id,
      source: row.kind,
      text,
    });
  }
  await flushIgnoringDuplicates(em);
}

/**
 * Reads a batch of applications' answers and cover letters in one
 * transaction: one commit per document was most of the cost (at 300k
 * applications a backfill of days instead of minutes).
 */
async function indexApplications(em: Em, deps: IndexDeps, ids: string[]): Promise<void> {
  const apps = await em.find(Application, { id: { $in: ids } }, { filters: false, populate: ['candidate'] });
  const now = new Date();
  const readable = (value: string | null) => (value && value !== UNREADABLE ? value : '');
  // Anonymized applications and erased candidates have nothing left to read.
  const toRead = apps.filter((app) => !app.anonymizedAt && !erased(app.candidate));
  const byTenant = new Map<string, string[]>();
  for (const app of toRead) {
    byTenant.set(app.tenant.id, [...(byTenant.get(app.tenant.id) ?? []), app.candidate.id]);
  }
  const keys = new Map<string, Buffer | null>();
  for (const [tenantId, candidateIds] of byTenant)
    for (const [id, key] of await candidateKeys(em, deps, tenantId, candidateIds)) keys.set(id, key);
  for (const app of apps) app.searchIndexedAt = now;
  for (const app of toRead) {
    const key = keys.get(app.candidate.id) ?? null;
    const answers = openAnswers(key, app.answers)
      .map((a) => readable(a.answer))
      .filter(Boolean)
      .join('\n');
    if (answers)
      textRow(em, app.candidate, { application: app.id, attachment: null, source: 'answers', text: answers });
    const letter = readable(openText(key, app.coverLetter));
    if (letter)
      textRow(em, app.candidate, {
        application: app.id,
        attachment: null,
        source: 'cover_letter',
        text: letter,
      });
  }
  await em.flush();
}

/**
 * One run of the indexer (a background job, see background-jobs/registry.ts, sent every 30 s and when a
 * document is stored): reads batches until nothing is left. At the first run after start this is the
 * backfill of what was stored before. A backfill (thousands of documents after an upgrade or an import)
 * takes at most about half of the server's time: after each batch it rests as long as the batch took.
 */
export async function indexAllPendingDocuments(
  orm: Orm,
  deps: IndexDeps,
  signal?: AbortSignal,
): Promise<void> {
  while (!signal?.aborted) {
    const began = performance.now();
    if ((await indexPendingDocuments(orm, deps)) === 0) break;
    await sleep(performance.now() - began, undefined, { ref: false });
  }
}
