import { Application, Attachment, DocumentText, type Em } from '@candor/db';

/**
 * How the rest of the API asks for documents to be (re)indexed, without
 * depending on the indexer (which reads attachments, and so would close an
 * import cycle with the services that store them).
 */
let wake: (() => void) | null = null;

/** Set when background jobs start (background-jobs/start-jobs.ts): a request sends the indexer job. */
export function onIndexRequest(listener: (() => void) | null): void {
  wake = listener;
}

/** Asks the running indexer to look for new documents now (after an upload or an application), not at its next round. */
export function indexDocumentsSoon(): void {
  wake?.();
}

/**
 * Drops a candidate's indexed text so the indexer reads it again: after their
 * identity changed (an edit, a merge) the redacted copy must hide the new
 * values, and after a merge the rows name the kept candidate.
 */
export async function reindexCandidateDocuments(tx: Em, candidateId: string): Promise<void> {
  await tx.nativeDelete(DocumentText, { candidate: candidateId });
  await tx.nativeUpdate(Application, { candidate: candidateId }, { searchIndexedAt: null });
  await tx.nativeUpdate(Attachment, { candidate: candidateId }, { searchIndexedAt: null });
}
