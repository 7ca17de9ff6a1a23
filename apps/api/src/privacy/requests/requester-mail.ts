import { type Em, Tenant } from '@candor/db';
import { REQUEST_TYPE_LABELS } from '@candor/schemas';
import { enqueueEmail } from '../../mail/outbox.js';
import type { RequestRow } from './request-record.js';

export async function mailRequester(
  tx: Em,
  row: RequestRow,
  tenantId: string,
  to: string,
  subject: string,
  text: string,
  options: { asProof?: boolean } = {},
): Promise<void> {
  const tenant = await tx.findOneOrFail(Tenant, tenantId);
  enqueueEmail(tx, {
    tenantId,
    to,
    proofOf: options.asProof ? row.id : null,
    template: 'privacy_request',
    subject: `${tenant.name}: ${subject}`,
    text: `${text}\n\nReference: ${row.id.slice(0, 8).toUpperCase()} (${REQUEST_TYPE_LABELS[row.type]})\n`,
  });
}
