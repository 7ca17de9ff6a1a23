import type { TApplication, TJob, TOffer, TPrivacyRequest } from '@candor/schemas';

const id = () => crypto.randomUUID();
const now = () => new Date().toISOString();
/** A calendar day `days` from today in the reader's time zone (YYYY-MM-DD), as date inputs hold it. */
export function dayIn(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** An active application of an identified candidate in its job's first stage. */
export function anApplication(overrides: Partial<TApplication> = {}): TApplication {
  const stage = { id: id(), name: 'Applied', kind: 'applied' as const, blindReview: false };
  return {
    id: id(),
    candidate: {
      blind: false,
      id: id(),
      name: 'Grace Hopper',
      email: 'grace@example.test',
      phone: null,
      restrictedAt: null,
    },
    job: { id: id(), title: 'Compiler engineer' },
    stage,
    status: 'active',
    source: 'careers_site',
    tags: [],
    appliedAt: now(),
    lastActivityAt: now(),
    stageEnteredAt: now(),
    blindReview: { stageIsBlind: false, revealed: null },
    answers: [],
    stageHistory: [],
    notes: [],
    rejection: null,
    jobStages: [stage],
    noticeVersion: 1,
    coverLetter: null,
    salaryExpectation: null,
    hrExport: null,
    ...overrides,
  };
}

export function anOffer(overrides: Partial<TOffer> = {}): TOffer {
  return {
    id: id(),
    applicationId: id(),
    candidateName: 'Grace Hopper',
    jobTitle: 'Compiler engineer',
    salary: 70_000,
    currency: 'EUR',
    period: 'year',
    startDate: dayIn(30),
    expiresOn: dayIn(14),
    terms: 'Dear {{candidateName}}, …',
    status: 'pending_approval',
    createdBy: { id: id(), name: 'Rita Recruiter' },
    approvedBy: null,
    approvedAt: null,
    sentAt: null,
    respondedAt: null,
    createdAt: now(),
    ...overrides,
  };
}

/** An access request received today, not yet acknowledged or verified, under the GDPR. */
export function aPrivacyRequest(overrides: Partial<TPrivacyRequest> = {}): TPrivacyRequest {
  return {
    id: id(),
    type: 'access',
    channel: 'email',
    requesterName: 'Grace Hopper',
    requesterEmail: 'grace@example.test',
    candidateId: id(),
    agentName: null,
    agentProof: null,
    agentProofFile: null,
    details: '',
    country: 'DE',
    jurisdiction: 'eea_uk_ch',
    verification: 'unverified',
    status: 'received',
    receivedAt: now(),
    receivedOn: dayIn(0),
    dueOn: dayIn(30),
    deadline: 'on_track',
    acknowledgeBy: null,
    acknowledgedAt: null,
    clock: { kind: 'answer', on: dayIn(30), state: 'on_track' },
    maxExtendedDueOn: dayIn(90),
    extendedAt: null,
    extensionReason: null,
    assignee: null,
    refusalReason: null,
    answer: null,
    actions: [],
    lastError: null,
    completedAt: null,
    notes: [],
    ...overrides,
  };
}

/** An open job without stages, questions or criteria. */
export function aJob(overrides: Partial<TJob> = {}): TJob {
  return {
    id: id(),
    title: 'Compiler engineer',
    department: 'Engineering',
    city: 'Berlin',
    country: 'DE',
    workplace: 'hybrid',
    employmentType: 'full_time',
    descriptionMd: '',
    timeZone: null,
    translations: {},
    profileSections: [],
    salary: null,
    status: 'open',
    statusChangedAt: now(),
    statusChangedBy: null,
    openedAt: now(),
    createdAt: now(),
    hiringTeam: [],
    stages: [],
    questions: [],
    criteria: [],
    applicationCounts: { active: 1, total: 1 },
    ...overrides,
  };
}
