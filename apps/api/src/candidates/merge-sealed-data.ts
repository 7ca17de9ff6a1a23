import {
  Application,
  ApplicationNote,
  Attachment,
  Candidate,
  CandidateProfile,
  ConsentEvent,
  ConsentReceipt,
  Disclosure,
  DiversityResponse,
  type Em,
  InboundEmail,
  Interview,
  LegalHold,
  Offer,
  OutboxEmail,
  PrivacyRequest,
  Scorecard,
} from '@candor/db';
import type { FileStore } from '../files/file-store.js';
import {
  candidateKey,
  type DataKeys,
  isSealedFile,
  isSealedText,
  openWith,
  sealFor,
} from '../keys/data-keys.js';

export interface MergeDeps extends DataKeys {
  files: FileStore;
}

/** What is left to do once the merge has committed: files renamed and removed, the merged key destroyed. */
export type AfterMerge = () => Promise<void>;

/** Every sealed string anywhere in a value (a column or a JSON document) sealed afresh under another key. */
function resealDeep(value: unknown, from: Buffer, to: Buffer): unknown {
  if (typeof value === 'string') return isSealedText(value) ? sealFor(to, openWith(from, value)) : value;
  if (Array.isArray(value)) return value.map((item) => resealDeep(item, from, to));
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resealDeep(v, from, to)]));
  }
  return value;
}

/** Re-seals every sealed value of an entity's own columns (relations and dates are left as they are). */
function resealRow(row: object, from: Buffer, to: Buffer): void {
  const record = row as Record<string, unknown>;
  for (const [name, value] of Object.entries(record)) {
    const plain =
      typeof value === 'string' ||
      Array.isArray(value) ||
      (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype);
    if (!plain) continue;
    const next = resealDeep(value, from, to);
    if (JSON.stringify(next) !== JSON.stringify(value)) record[name] = next;
  }
}

/**
 * Moves the data of a candidate merged into another to the kept one, in the
 * merge's transaction: the applications' own rows (already pointed at the
 * kept candidate by the caller), and everything else that names the merged
 * candidate. What was sealed under the merged candidate's key is sealed
 * afresh under the kept one's - texts here, files written anew as pending -
 * so the kept candidate can read it and their erasure destroys it. Answers
 * what to do after the commit: promote the new files, remove the old ones,
 * and destroy the merged candidate's key, whose data then exists nowhere.
 */
export async function moveMergedData(
  tx: Em,
  deps: MergeDeps,
  ref: { tenantId: string; fromId: string; toId: string; movedApplicationIds: string[] },
): Promise<AfterMerge> {
  const { tenantId, fromId, toId, movedApplicationIds: apps } = ref;
  const from = await candidateKey(tx, deps, { tenantId, candidateId: fromId });
  const newFiles: string[] = [];
  const oldFiles: string[] = [];
  if (from) {
    const to = await candidateKey(tx, deps, { tenantId, candidateId: toId }, { create: true });
    const reseal = (rows: object[]) => {
      for (const row of rows) resealRow(row, from, to);
    };
    const resealFile = async (key: string): Promise<string> => {
      const bytes = await deps.files.read(key);
      if (!isSealedFile(bytes)) return key;
      const fresh = await deps.files.putPending(sealFor(to, openWith(from, bytes)));
      newFiles.push(fresh);
      oldFiles.push(key);
      return fresh;
    };
    const interviews = await tx.find(Interview, { application: { $in: apps } });
    reseal(await tx.find(Application, { id: { $in: apps } }));
    reseal(await tx.find(ApplicationNote, { application: { $in: apps } }));
    reseal(interviews);
    reseal(await tx.find(Scorecard, { application: { $in: apps } }));
    for (const response of await tx.find(DiversityResponse, { candidate: fromId })) {
      resealRow(response, from, to);
      // Loaded rows follow the kept candidate here: the ORM would otherwise unset their reference when the merged row goes.
      response.candidate = tx.getReference(Candidate, toId);
    }
    for (const offer of await tx.find(Offer, { application: { $in: apps } })) {
      resealRow(offer, from, to);
      if (offer.letterKey) offer.letterKey = await resealFile(offer.letterKey);
    }
    // Replies: subject and text sealed under the merged candidate's key.
    for (const reply of await tx.find(InboundEmail, { candidate: fromId })) {
      resealRow(reply, from, to);
      reply.candidate = tx.getReference(Candidate, toId);
    }
    for (const attachment of await tx.find(Attachment, { candidate: fromId })) {
      resealRow(attachment, from, to);
      attachment.storageKey = await resealFile(attachment.storageKey);
      attachment.candidate = tx.getReference(Candidate, toId);
    }
    // One profile per person: the kept candidate's wins; the merged one's moves over only when they have none.
    const profile = await tx.findOne(CandidateProfile, { candidate: fromId });
    if (profile && !(await tx.findOne(CandidateProfile, { candidate: toId }))) {
      resealRow(profile, from, to);
      profile.candidate = tx.getReference(Candidate, toId);
    } else if (profile) tx.remove(profile);
    await tx.flush();
  }
  // Sealed under a key that is gone: unreadable, nothing to move.
  await tx.nativeDelete(CandidateProfile, { candidate: fromId });
  // The rest of what names the merged candidate is the kept candidate's now (or would be lost with the row).
  const named = { candidate: fromId };
  const kept = { candidate: toId };
  await tx.nativeUpdate(Attachment, named, kept);
  await tx.nativeUpdate(DiversityResponse, named, kept);
  await tx.nativeUpdate(Disclosure, named, kept);
  await tx.nativeUpdate(LegalHold, named, kept);
  await tx.nativeUpdate(ConsentEvent, named, kept);
  await tx.nativeUpdate(ConsentReceipt, named, kept);
  await tx.nativeUpdate(OutboxEmail, named, kept);
  await tx.nativeUpdate(InboundEmail, named, kept);
  await tx.nativeUpdate(PrivacyRequest, named, kept);
  return async () => {
    for (const key of newFiles) await deps.files.promote(key);
    for (const key of oldFiles) await deps.files.remove(key);
    await deps.keyStore.remove(tenantId, fromId);
  };
}
