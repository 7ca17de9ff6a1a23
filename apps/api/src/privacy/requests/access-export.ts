import type { Em } from '@candor/db';
import { recordAudit } from '../../audit/audit.service.js';
import type { FileStore } from '../../files/file-store.js';
import type { DataKeys } from '../../keys/data-keys.js';
import { AppError } from '../../trpc/app-error.js';
import type { Actor } from '../../trpc/init.js';
import { recordDisclosure } from '../disclosures.service.js';
import { buildSubjectExport } from '../subject-export.js';
import { assertIdentityVerified, loadRequest } from './request-record.js';

/** The subject's data as the zip the portal gives them, for staff answering an access request by email. */
export async function requestExport(
  em: Em,
  actor: Actor,
  deps: DataKeys & { files: FileStore },
  id: string,
): Promise<{ filename: string; contentBase64: string }> {
  const row = await loadRequest(em, id);
  assertIdentityVerified(row);
  if (!row.candidate) throw new AppError('PRECONDITION_FAILED', 'No candidate matches this request');
  const { zip, categories } = await buildSubjectExport(em, deps, row.candidate.id, 'staff');
  // A copy for an authorized agent leaves Candor for someone other than the person: it goes in their disclosure log.
  if (row.agentName) {
    recordDisclosure(em, {
      tenantId: actor.tenantId,
      candidateId: row.candidate.id,
      recipient: { name: row.agentName, kind: 'agent', country: null, safeguard: null, notifyEmail: null },
      categories,
      purpose: `Access request ${id.slice(0, 8).toUpperCase()} made through the agent`,
      via: 'agent_export',
      userId: actor.userId,
    });
  }
  recordAudit(em, actor, { action: 'request.export', targetType: 'PrivacyRequest', targetId: id });
  await em.flush();
  return {
    filename: `candor-export-${id.slice(0, 8)}.zip`,
    contentBase64: Buffer.from(zip).toString('base64'),
  };
}
