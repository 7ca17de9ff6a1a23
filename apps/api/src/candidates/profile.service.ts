import {
  CandidateProfile,
  type Em,
  type InferEntity,
  type TStoredEducation,
  type TStoredRightToWork,
  type TStoredSalary,
  type TStoredWork,
  User,
} from '@candor/db';
import type {
  TCandidateProfile,
  TCandidateProfileUpdateInput,
  TRightToWorkStatus,
  TSalaryPeriod,
} from '@candor/schemas';
import { recordAudit } from '../audit/audit.service.js';
import { candidateKey, type DataKeys, openText, sealFor } from '../keys/data-keys.js';
import type { Actor } from '../trpc/init.js';
import { visibleCandidate } from './candidates.service.js';
import { assertNotRestricted } from './restriction.js';

type ProfileRow = InferEntity<typeof CandidateProfile>;

/**
 * The candidate's structured profile (education, work history, right to
 * work, salary expectation). Every value is sealed under the candidate's
 * data key; saving replaces the sections in place, so a corrected value
 * leaves no copy behind (the audit event names the change, never the values).
 */
export async function getCandidateProfile(
  em: Em,
  actor: Actor,
  keys: DataKeys,
  candidateId: string,
): Promise<TCandidateProfile> {
  const candidate = await visibleCandidate(em, actor, candidateId);
  const row = await em.findOne(CandidateProfile, { candidate: candidate.id });
  recordAudit(em, actor, {
    action: 'candidate.profile.read',
    targetType: 'Candidate',
    targetId: candidate.id,
    subjectId: candidate.id,
  });
  await em.flush();
  if (!row) return emptyProfile(candidate.id);
  const key = await candidateKey(em, keys, { tenantId: actor.tenantId, candidateId: candidate.id });
  return toProfile(key, row);
}

export async function updateCandidateProfile(
  em: Em,
  actor: Actor,
  keys: DataKeys,
  input: TCandidateProfileUpdateInput,
): Promise<TCandidateProfile> {
  const candidate = await visibleCandidate(em, actor, input.candidateId);
  assertNotRestricted(candidate, 'their profile cannot be edited');
  // Made before the transaction: a new tenant key is committed on its own (see data-keys.ts).
  const key = await candidateKey(
    em,
    keys,
    { tenantId: actor.tenantId, candidateId: candidate.id },
    { create: true },
  );
  const row = await em.transactional(async (tx) => {
    const { profile, created } = await saveProfile(tx, key, {
      tenantId: actor.tenantId,
      candidateId: candidate.id,
      userId: actor.userId,
      sections: input,
    });
    candidate.lastActivityAt = new Date();
    recordAudit(tx, actor, {
      action: created ? 'candidate.profile.create' : 'candidate.profile.update',
      targetType: 'Candidate',
      targetId: candidate.id,
      subjectId: candidate.id,
    });
    await tx.flush();
    return profile;
  });
  return toProfile(key, row);
}

/**
 * Writes the profile, sealed with `key` (the candidate's data key), in place
 * of the stored one; the caller flushes and audits. Sections left out keep
 * their stored value (the apply form writes only the ones a job asks for).
 * Also used by the demo seed (no staff member: `userId` null).
 */
export async function saveProfile(
  tx: Em,
  key: Buffer,
  ref: {
    tenantId: string;
    candidateId: string;
    userId: string | null;
    sections: Partial<Omit<TCandidateProfileUpdateInput, 'candidateId'>>;
  },
): Promise<{ profile: ProfileRow; created: boolean }> {
  const { sections: input } = ref;
  const seal = (value: string) => sealFor(key, value);
  const sealNullable = (value: string | null) => (value === null ? null : seal(value));
  const values = {
    ...(input.education && {
      education: input.education.map(
        (e): TStoredEducation => ({
          institution: seal(e.institution),
          degree: seal(e.degree),
          field: seal(e.field),
          startDate: sealNullable(e.startDate),
          endDate: sealNullable(e.endDate),
        }),
      ),
    }),
    ...(input.workHistory && {
      workHistory: input.workHistory.map(
        (w): TStoredWork => ({
          employer: seal(w.employer),
          title: seal(w.title),
          startDate: sealNullable(w.startDate),
          endDate: sealNullable(w.endDate),
          summary: seal(w.summary),
        }),
      ),
    }),
    ...(input.rightToWork && {
      rightToWork: input.rightToWork.map(
        (r): TStoredRightToWork => ({ country: seal(r.country), status: seal(r.status) }),
      ),
    }),
    ...(input.salaryExpectation !== undefined && {
      salaryExpectation: input.salaryExpectation
        ? ({
            amount: seal(String(input.salaryExpectation.amount)),
            currency: seal(input.salaryExpectation.currency),
            period: seal(input.salaryExpectation.period),
          } satisfies TStoredSalary)
        : null,
    }),
    updatedBy: ref.userId ? tx.getReference(User, ref.userId) : null,
    updatedAt: new Date(),
  };
  const existing = await tx.findOne(CandidateProfile, { candidate: ref.candidateId });
  if (existing) return { profile: Object.assign(existing, values), created: false };
  return {
    profile: tx.create(CandidateProfile, {
      tenant: ref.tenantId,
      candidate: ref.candidateId,
      education: [],
      workHistory: [],
      rightToWork: [],
      salaryExpectation: null,
      ...values,
    }),
    created: true,
  };
}

function emptyProfile(candidateId: string): TCandidateProfile {
  return {
    candidateId,
    education: [],
    workHistory: [],
    rightToWork: [],
    salaryExpectation: null,
    updatedAt: null,
  };
}

function toProfile(key: Buffer | null, row: ProfileRow): TCandidateProfile {
  const open = (value: string) => openText(key, value);
  const openNullable = (value: string | null) => openText(key, value);
  const salary = row.salaryExpectation;
  return {
    candidateId: row.candidate.id,
    education: row.education.map((e) => ({
      institution: open(e.institution),
      degree: open(e.degree),
      field: open(e.field),
      startDate: openNullable(e.startDate),
      endDate: openNullable(e.endDate),
    })),
    workHistory: row.workHistory.map((w) => ({
      employer: open(w.employer),
      title: open(w.title),
      startDate: openNullable(w.startDate),
      endDate: openNullable(w.endDate),
      summary: open(w.summary),
    })),
    rightToWork: row.rightToWork.map((r) => ({
      country: open(r.country),
      status: open(r.status) as TRightToWorkStatus,
    })),
    salaryExpectation: salary
      ? {
          amount: Number(open(salary.amount)),
          currency: open(salary.currency),
          period: open(salary.period) as TSalaryPeriod,
        }
      : null,
    updatedAt: row.updatedAt.toISOString(),
  };
}
