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
import { candidateKey, type DataKeys, openAnswers, openText, UNREADABLE } from '../keys/data-keys.js';
import { errorFields, type Logger } from '../logging/logger.js';
import { ERASED_EMAIL_SUFFIX } from '../retention/find-due.js';
import { onIndexRequest } from './index-requests.js';

type IndexDeps = DataKeys & { files: FileStore };
type CandidateRow = InferEntity<typeof Candidate>;

/**
 * Reads the text of documents not yet indexed for full-text search, a batch
 * at a time: stored files (through the text-extraction worker, off the event
 * loop) and applications' cover letters and answers (opened with the
 * candidate's key). Each becomes a DocumentText row with its redacted copy
 * for blind reviewers, which the database indexes (search-documents.ts in
 * @candor/db). Candidates who restricted processing are left out until the
 * restriction is lifted; erased candidates and anonymized applications have
 * nothing left to read. The same pass is the backfill for documents stored
 * before search existed. Returns how many documents it read.
 */
export async function indexPendingDocuments(orm: Orm, deps: IndexDeps, batch = 50): Promise<number> {
  const em = orm.em.fork();
  const knex = em.getKnex();
  const indexable = (q: ReturnType<typeof knex>) =>
    q
      .join('candidate as c', 'c.id', 'x.candidate_id')
      .whereNull('c.restricted_at')
      .whereNot('c.email', 'like', `%${ERASED_EMAIL_SUFFIX}`);
  const files = (await indexable(knex('attachment as x').select('x.id'))
    .whereNotExists(knex('document_text as d').select(knex.raw('1')).whereRaw('d.attachment_id = x.id'))
    .limit(batch)) as Array<{ id: string }>;
  const applications = (await indexable(knex('application as x').select('x.id'))
    .whereNull('x.anonymized_at')
    .whereNotExists(
      knex('document_text as d')
        .select(knex.raw('1'))
        .whereRaw('d.application_id = x.id')
        .whereNull('d.attachment_id'),
    )
    .limit(batch)) as Array<{ id: string }>;
  for (const { id } of files) await indexAttachment(orm.em.fork(), deps, id);
  for (const { id } of applications) await indexApplication(orm.em.fork(), deps, id);
  return files.length + applications.length;
}

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
  await flushIgnoringDuplicates(em);
}

async function indexApplication(em: Em, deps: IndexDeps, id: string): Promise<void> {
  const app = await em.findOne(Application, id, { filters: false, populate: ['candidate'] });
  if (!app) return;
  const key = await candidateKey(em, deps, { tenantId: app.tenant.id, candidateId: app.candidate.id });
  const readable = (value: string | null) => (value && value !== UNREADABLE ? value : '');
  const answers = openAnswers(key, app.answers)
    .map((a) => readable(a.answer))
    .filter(Boolean)
    .join('\n');
  // The answers' row is written even when empty: it marks the application as read.
  textRow(em, app.candidate, { application: app.id, attachment: null, source: 'answers', text: answers });
  const letter = readable(openText(key, app.coverLetter));
  if (letter)
    textRow(em, app.candidate, {
      application: app.id,
      attachment: null,
      source: 'cover_letter',
      text: letter,
    });
  await em.flush();
}

/** Indexes new documents every `intervalSeconds` and when woken; at start it indexes what was stored before (the backfill). */
export function startDocumentIndexer(options: {
  orm: Orm;
  deps: IndexDeps;
  logger: Logger;
  intervalSeconds: number;
}): () => void {
  let running = false;
  let again = false;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        while ((await indexPendingDocuments(options.orm, options.deps)) > 0) {}
      } while (again);
    } catch (error) {
      options.logger.error('document indexing failed', errorFields(error));
    } finally {
      running = false;
    }
  };
  onIndexRequest(() => void run());
  const first = setTimeout(() => void run(), 1_000);
  first.unref();
  const timer = setInterval(() => void run(), options.intervalSeconds * 1000);
  timer.unref();
  return () => {
    onIndexRequest(null);
    clearTimeout(first);
    clearInterval(timer);
  };
}
