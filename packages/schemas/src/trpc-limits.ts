/**
 * Limits of the tRPC endpoint the API enforces and the backoffice's client
 * must fit: one place, so the two cannot drift apart.
 */

/** Calls one batched request may carry; more is refused with 400 (a batch of hundreds ties up the server). */
export const MAX_TRPC_BATCH_SIZE = 10;

/** Procedures whose input carries a file (base64, up to 10 MB): sent alone, never batched, with a larger body limit. */
export const FILE_UPLOAD_PROCEDURES: readonly string[] = [
  'attachments.upload',
  'requests.create',
  'requests.attachAgentProof',
  'messages.compose',
  'messages.bulkCompose',
  'backgroundChecks.uploadReport',
];
