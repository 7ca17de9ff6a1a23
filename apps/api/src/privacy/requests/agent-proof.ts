import type { Em } from '@candor/db';
import type { TPrivacyRequest, ZRequestProofInput, ZUploadedFile } from '@candor/schemas';
import type { z } from 'zod';
import { recordAudit } from '../../audit/audit.service.js';
import type { FileStore } from '../../files/file-store.js';
import { sniffDocument, sniffImage } from '../../files/sniff.js';
import {
  type DataKeys,
  ensureTenantDataKey,
  openWith,
  sealFor,
  tenantKeyById,
} from '../../keys/data-keys.js';
import { AppError } from '../../trpc/app-error.js';
import type { Actor } from '../../trpc/init.js';
import { getRequest } from './request-queue.js';
import { loadRequest, note, type RequestRow } from './request-record.js';

/** A proof document's bytes and media type, refused unless it is a PDF, Word, OpenDocument or image file. */
async function proofBytes(
  file: z.output<typeof ZUploadedFile>,
): Promise<{ bytes: Buffer; contentType: string }> {
  const bytes = Buffer.from(file.contentBase64, 'base64');
  const document = await sniffDocument(bytes);
  const contentType = document.contentType ?? sniffImage(bytes);
  if (bytes.length === 0 || !contentType) {
    throw new AppError(
      'BAD_REQUEST',
      document.problem ?? 'Attach the proof as a PDF, Word or OpenDocument file, or as a PNG or JPEG scan',
      {
        agentProofFile: [document.problem ?? 'Not a PDF, DOCX, ODT, PNG or JPEG file'],
      },
    );
  }
  return { bytes, contentType };
}

/** What storing and reading a proof file needs: the file store and the keys that seal it. */
export type ProofDeps = DataKeys & { files: FileStore };

type ProofFields = Pick<
  RequestRow,
  'agentProofKey' | 'agentProofFilename' | 'agentProofContentType' | 'agentProofSize' | 'agentProofSealedWith'
>;

/**
 * Stores the proof in the file store, sealed under the tenant's data key (a
 * request need not be about a known candidate, so there is no candidate key
 * to use; the file store alone, or a backup of it, reads nothing), runs
 * `change` (which records it on the request) and removes the file again if
 * the change fails; the file it replaces goes only once the change committed.
 */
export async function withStoredProof(
  em: Em,
  deps: ProofDeps,
  tenantId: string,
  file: z.output<typeof ZUploadedFile>,
  change: (proof: ProofFields) => Promise<string | null | undefined>,
): Promise<void> {
  const { bytes, contentType } = await proofBytes(file);
  const tenantKey = await ensureTenantDataKey(em, deps, tenantId);
  const key = await deps.files.put(sealFor(tenantKey.key, bytes));
  const { files } = deps;
  let replaced: string | null | undefined;
  try {
    replaced = await change({
      agentProofKey: key,
      agentProofFilename: file.filename,
      agentProofContentType: contentType,
      agentProofSize: bytes.length,
      agentProofSealedWith: tenantKey.id,
    });
  } catch (error) {
    await files.remove(key);
    throw error;
  }
  if (replaced) await files.remove(replaced);
}

/** Attaches the authorized agent's proof to a request, replacing an earlier one. */
export async function attachAgentProof(
  em: Em,
  actor: Actor,
  deps: ProofDeps,
  input: z.output<typeof ZRequestProofInput>,
): Promise<TPrivacyRequest> {
  await withStoredProof(em, deps, actor.tenantId, input, (proof) =>
    em.transactional(async (tx) => {
      const row = await loadRequest(tx, input.id);
      if (!row.agentName)
        throw new AppError(
          'PRECONDITION_FAILED',
          'This request names no agent: a proof file is for requests made by one',
        );
      const replaced = row.agentProofKey;
      tx.assign(row, proof);
      note(row, 'agent.proof_attached', replaced ? 'replaced the earlier file' : 'file attached');
      recordAudit(tx, actor, {
        action: 'request.agent_proof',
        targetType: 'PrivacyRequest',
        targetId: row.id,
      });
      return replaced;
    }),
  );
  return getRequest(em, actor, input.id);
}

/** The proof file for download; reading it is audited. */
export async function openAgentProof(
  em: Em,
  actor: Actor,
  deps: ProofDeps,
  id: string,
): Promise<{ filename: string; contentType: string; contentBase64: string }> {
  const row = await loadRequest(em, id);
  if (!row.agentProofKey || !row.agentProofFilename)
    throw new AppError('NOT_FOUND', 'No proof file on this request');
  recordAudit(em, actor, { action: 'request.agent_proof_read', targetType: 'PrivacyRequest', targetId: id });
  await em.flush();
  const stored = await deps.files.read(row.agentProofKey);
  const bytes = row.agentProofSealedWith
    ? openWith(await tenantKeyById(em, deps, actor.tenantId, row.agentProofSealedWith), stored)
    : stored;
  return {
    filename: row.agentProofFilename,
    contentType: row.agentProofContentType ?? 'application/octet-stream',
    contentBase64: bytes.toString('base64'),
  };
}
