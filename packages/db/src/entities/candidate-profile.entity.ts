import { p } from '@mikro-orm/core';
import { notPersonal, personal } from '../privacy.js';
import { Candidate } from './candidate.entity.js';
import { defineEntity } from './define-entity.js';
import { newId } from './ids.js';
import { Tenant } from './tenant.entity.js';
import { tenantFilter } from './tenant-filter.js';
import { User } from './user.entity.js';

/**
 * Stored forms of the profile sections: every string in them is sealed under
 * the candidate's data key (apps/api/src/candidates/profile.service.ts), the
 * salary amount too (as a decimal string), so erasing the candidate shreds
 * them in backups as well. The export opens them with the same key.
 */
export type TStoredEducation = {
  institution: string;
  degree: string;
  field: string;
  startDate: string | null;
  endDate: string | null;
};
export type TStoredWork = {
  employer: string;
  title: string;
  startDate: string | null;
  endDate: string | null;
  summary: string;
};
export type TStoredRightToWork = { country: string; status: string };
export type TStoredSalary = { amount: string; currency: string; period: string };

/**
 * A candidate's structured profile (at most one per candidate): education,
 * work history, right to work per country and salary expectation, each
 * property its own data category. Saving replaces the sections; no history
 * of old values is kept (a correction leaves only the corrected value).
 */
export const CandidateProfile = defineEntity(
  {
    name: 'CandidateProfile',
    uniques: [{ properties: ['candidate'] }],
    filters: tenantFilter,
    properties: {
      id: notPersonal(
        p
          .uuid()
          .primary()
          .onCreate(() => newId()),
        'random identifier',
      ),
      tenant: () => p.manyToOne(Tenant),
      candidate: () => p.manyToOne(Candidate),
      education: personal(p.json<TStoredEducation[]>(), 'user.education'),
      workHistory: personal(p.json<TStoredWork[]>(), 'user.professional.history'),
      rightToWork: personal(p.json<TStoredRightToWork[]>(), 'user.professional.right_to_work'),
      salaryExpectation: personal(p.json<TStoredSalary>().nullable(), 'user.financial.salary_expectation'),
      updatedAt: notPersonal(
        p
          .datetime()
          .onCreate(() => new Date())
          .onUpdate(() => new Date()),
        'a date, context for the values beside it',
      ),
      updatedBy: () => p.manyToOne(User).nullable(),
    },
  },
  {
    holds: 'candidate',
    source: 'You, or the hiring team from your resume or what you told them',
    erasure: 'delete',
    onApplicationAnonymized: 'keep',
    export: { copies: 'all' },
  },
);
