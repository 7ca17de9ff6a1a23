import { p } from '@mikro-orm/core';
import { notPersonal, personal } from '../privacy.js';
import { defineEntity } from './define-entity.js';
import { newId } from './ids.js';
import { Job } from './job.entity.js';
import { Tenant } from './tenant.entity.js';
import { tenantFilter } from './tenant-filter.js';

/**
 * An application from the careers site, received and not yet filed
 * (apps/api/src/careers/intake). The request checks the form, seals it and
 * the resume under a new data key and writes this one row; a background job
 * then files it as candidate, application, resume, consents and emails, and
 * deletes the row in the same transaction. A row lives seconds, unless filing
 * keeps failing (retention deletes it after 30 days).
 *
 * The key the form is sealed with is stored under `candidateKeyId`: a new
 * candidate takes that id (and so that key); for a known candidate the job
 * seals the data again under theirs and destroys this one, so a backup of
 * this row is unreadable once the person is erased either way.
 */
export const ApplicationIntake = defineEntity(
  {
    name: 'ApplicationIntake',
    indexes: [{ properties: ['claimedUntil', 'receivedAt'] }, { properties: ['tenant', 'email'] }],
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
      job: () => p.manyToOne(Job).deleteRule('cascade'),
      /** The applicant's address as typed, so an erasure or an export for that address finds the row before it is filed. */
      email: personal(p.string().length(254), 'user.contact.email'),
      /** The id the sealing key is stored under in the key store; a new candidate is given this id. */
      candidateKeyId: notPersonal(p.uuid(), 'random identifier of a data key'),
      /** The checked form (name, contact details, answers, consent decisions, the resume's name), JSON sealed under that key. */
      form: personal(p.text(), 'user.recruitment.application'),
      /** The resume, sealed under that key (the file is written when the application is filed). */
      resume: personal(p.blob(), 'user.recruitment.application'),
      receivedAt: notPersonal(p.datetime(), 'a date, context for the values beside it'),
      /** Filing claims the row until then, so two workers never file it twice; a worker that died lets it go. */
      claimedUntil: notPersonal(p.datetime().nullable(), 'a date'),
      attempts: notPersonal(p.integer().default(0), 'a count'),
      /** Why the last attempt failed: the error's kind only, never its message (which can quote the form). */
      lastError: notPersonal(p.string().length(200).nullable(), 'an error kind'),
    },
  },
  {
    holds: 'candidate',
    source: 'The application form you sent on the careers site',
    erasure: 'delete',
    onApplicationAnonymized: 'keep',
    export: { copies: 'all' },
    sealedUnder: 'candidateKeyId',
  },
);
