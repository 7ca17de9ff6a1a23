import { p } from '@mikro-orm/core';
import { notPersonal, personal } from '../privacy.js';
import { Application } from './application.entity.js';
import { Candidate } from './candidate.entity.js';
import { defineEntity } from './define-entity.js';
import { newId } from './ids.js';
import { Tenant } from './tenant.entity.js';
import { tenantFilter } from './tenant-filter.js';

/**
 * One applicant's answers to the voluntary diversity survey, for one
 * application: kept apart from the application (no staff-facing procedure
 * reads this table except the k-anonymous reports and the subject's own
 * export), each answer sealed under the candidate's data key, so erasure
 * shreds it with everything else. An unanswered question is null; "prefer
 * not to say" is stored as such. Withdrawing the consent deletes the row.
 */
export const DiversityResponse = defineEntity(
  {
    name: 'DiversityResponse',
    uniques: [{ properties: ['application'] }],
    indexes: [{ properties: ['candidate'] }, { properties: ['tenant', 'answeredAt'] }],
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
      application: () => p.manyToOne(Application),
      template: notPersonal(p.string().length(20), 'survey template id'),
      gender: personal(p.text().nullable(), 'user.demographic.gender'),
      ethnicity: personal(p.text().nullable(), 'user.demographic.race_ethnicity'),
      ageBand: personal(p.text().nullable(), 'user.demographic.age_range'),
      disability: personal(p.text().nullable(), 'user.health_and_medical.disability'),
      veteranStatus: personal(p.text().nullable(), 'user.demographic.veteran_status'),
      sexualOrientation: personal(p.text().nullable(), 'user.demographic.sexual_orientation'),
      answeredAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
    },
  },
  {
    holds: 'candidate',
    source: 'Your answers to the voluntary diversity survey',
    erasure: 'delete',
    onApplicationAnonymized: 'delete',
    // No one at the company may read the answers, so staff answering an access request get a copy without them.
    export: {
      copies: 'subject-only',
      staffCopyNote:
        'Your answers to the voluntary diversity survey are only in the copy you download yourself from the privacy portal.',
    },
  },
);
