import type { TJurisdiction, TPrivacyRequest, TRequestStatus } from '@candor/schemas';
import { JURISDICTIONS, REQUEST_TYPE_LABELS } from '@candor/schemas/labels';

type ChipColor = 'default' | 'primary' | 'secondary' | 'error' | 'info' | 'success' | 'warning';
type Choice = { id: string; name: string };

export const REQUEST_STATUS_LABELS: Record<TRequestStatus, string> = {
  received: 'Received',
  verified: 'Verified',
  in_progress: 'In progress',
  completed: 'Completed',
  refused: 'Refused',
};
export const REQUEST_STATUS_COLORS: Record<TRequestStatus, ChipColor> = {
  received: 'info',
  verified: 'primary',
  in_progress: 'primary',
  completed: 'success',
  refused: 'default',
};

/** The queue's status filter: "open" is received, verified or in progress. */
export const REQUEST_STATUS_FILTER_CHOICES: Choice[] = [
  { id: 'open', name: 'Open' },
  ...Object.entries(REQUEST_STATUS_LABELS).map(([id, name]) => ({ id, name })),
];

export const REQUEST_TYPE_CHOICES: Choice[] = Object.entries(REQUEST_TYPE_LABELS).map(([id, name]) => ({
  id,
  name,
}));

export const STAFF_CHANNEL_LABELS = {
  email: 'Email',
  phone: 'Phone',
  letter: 'Letter',
  in_person: 'In person',
} as const;
export const STAFF_CHANNEL_CHOICES: Choice[] = Object.entries(STAFF_CHANNEL_LABELS).map(([id, name]) => ({
  id,
  name,
}));

export function channelLabel(channel: string): string {
  if (channel === 'portal') return 'Privacy portal';
  return STAFF_CHANNEL_LABELS[channel as keyof typeof STAFF_CHANNEL_LABELS] ?? channel;
}

export const JURISDICTION_LABELS: Record<TJurisdiction, string> = {
  eea_uk_ch: 'EEA, UK or Switzerland (GDPR)',
  california: 'California (CCPA/CPRA)',
  other: 'Other (GDPR deadlines)',
};
export const JURISDICTION_CHOICES: Choice[] = JURISDICTIONS.map((id) => ({
  id,
  name: JURISDICTION_LABELS[id],
}));

export const VERIFICATION_LABELS: Record<TPrivacyRequest['verification'], string> = {
  unverified: 'Not verified yet',
  verified: 'Verified',
  failed: 'Verification failed',
};

export const DEADLINE_LABELS: Record<TPrivacyRequest['deadline'], string> = {
  on_track: 'On track',
  due_soon: 'Due soon',
  overdue: 'Overdue',
  closed: 'Closed',
};

/** What the actions history's codes mean; unknown codes are shown as they are. */
const ACTION_LABELS: Record<string, string> = {
  'status.verified': 'Identity verified',
  'identity.verified': 'Identity verified',
  'status.in_progress': 'Work started',
  'status.completed': 'Completed',
  'status.refused': 'Refused',
  'deadline.extended': 'Deadline extended',
  'jurisdiction.changed': 'Jurisdiction changed',
  'subject.erased': 'Data erased',
  'request.acknowledged': 'Receipt sent',
  'agent.proof_attached': 'Agent’s proof attached',
  'recipients.notified': 'Recipients notified (Art. 19)',
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

export { requestReference } from './reference';

export function isOpen(status: TRequestStatus): boolean {
  return status === 'received' || status === 'verified' || status === 'in_progress';
}

/**
 * Whether the requester is known to be the person the request is about. Until
 * then the API refuses to give out, correct or erase their data, so the page
 * offers none of it and says why (see `awaitingVerification`).
 */
export function isVerified(request: Pick<TPrivacyRequest, 'verification'>): boolean {
  return request.verification === 'verified';
}

/** An open request whose actions wait for the requester's identity to be verified. */
export function awaitingVerification(request: Pick<TPrivacyRequest, 'status' | 'verification'>): boolean {
  return isOpen(request.status) && !isVerified(request);
}

/** Only access and portability requests are answered with the subject's data, once the requester is verified. */
export function canExport(request: Pick<TPrivacyRequest, 'type' | 'candidateId' | 'verification'>): boolean {
  return (
    (request.type === 'access' || request.type === 'portability') &&
    request.candidateId !== null &&
    isVerified(request)
  );
}

export function canErase(
  request: Pick<TPrivacyRequest, 'type' | 'status' | 'candidateId' | 'verification'>,
): boolean {
  return (
    request.type === 'erasure' &&
    request.candidateId !== null &&
    isOpen(request.status) &&
    isVerified(request)
  );
}

/** Completing sends the answer (and carries out a correction or restriction), so it waits for verification too. */
export function canComplete(request: Pick<TPrivacyRequest, 'status' | 'verification'>): boolean {
  return (request.status === 'verified' || request.status === 'in_progress') && isVerified(request);
}

/**
 * How and when the requester's identity was verified, from the request's
 * history: the portal's emailed code (recorded as the request was filed) or a
 * staff member's "verified" step. Null while unverified.
 */
export function verificationStep(
  request: Pick<TPrivacyRequest, 'verification' | 'actions'>,
): { how: string; at: string } | null {
  if (!isVerified(request)) return null;
  const step = request.actions.find(
    (a) => a.action === 'identity.verified' || a.action === 'status.verified',
  );
  if (!step) return null;
  return { how: step.action === 'identity.verified' ? step.detail : 'by staff', at: step.at };
}

/** A receipt can be sent while the request is open and none was sent. */
export function canAcknowledge(request: Pick<TPrivacyRequest, 'status' | 'acknowledgedAt'>): boolean {
  return isOpen(request.status) && request.acknowledgedAt === null;
}

/** Extending is allowed once, while open, until the end of the first period (GDPR one month, CCPA 45 days). */
export function canExtend(
  request: Pick<TPrivacyRequest, 'status' | 'extendedAt' | 'dueOn'>,
  today: string,
): boolean {
  return isOpen(request.status) && request.extendedAt === null && today <= request.dueOn;
}
