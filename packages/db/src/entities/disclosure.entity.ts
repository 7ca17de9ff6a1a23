import type { TDataCategory } from '@candor/schemas';
import { p } from '@mikro-orm/core';
import { notPersonal } from '../privacy.js';
import { Application } from './application.entity.js';
import { Candidate } from './candidate.entity.js';
import { defineEntity } from './define-entity.js';
import { newId } from './ids.js';
import { Tenant } from './tenant.entity.js';
import { tenantFilter } from './tenant-filter.js';
import { User } from './user.entity.js';

/**
 * The disclosure log: one row each time a candidate's data left Candor for
 * a recipient (Export to HR, a background-check company, an authorized
 * agent, an integration). Art. 19 notices go to the recipients in a
 * person's log and name what it says was disclosed; the person reads it
 * in the portal and their export (Art. 15(1)(c)). The row holds no personal
 * value of the candidate, so it stays after an erasure, as the record of
 * who was told.
 */
export const Disclosure = defineEntity(
  {
    name: 'Disclosure',
    indexes: [{ properties: ['candidate', 'disclosedAt'] }],
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
      application: () => p.manyToOne(Application).nullable(),
      /** As the Privacy page names the recipient then, or the authorized agent's name (the agent acts for the candidate). */
      recipientName: notPersonal(
        p.string().length(120),
        'a recipient organisation, or the agent the candidate appointed',
      ),
      /** processor, controller, internal (the company's own HR) or agent. */
      recipientKind: notPersonal(p.string().length(12), 'kind of recipient'),
      recipientCountry: notPersonal(p.string().length(2).nullable(), 'ISO country code'),
      safeguard: notPersonal(p.string().length(12).nullable(), 'transfer safeguard key'),
      /** Where Art. 19 notices went for this recipient when it was disclosed to; the Privacy page's current address wins. */
      notifyEmail: notPersonal(
        p.string().length(254).nullable(),
        "the recipient organisation's privacy contact",
      ),
      categories: notPersonal(p.json<TDataCategory[]>(), 'data category keys'),
      purpose: notPersonal(p.string().length(200), 'why the data was disclosed'),
      /** hr_export, manual (staff recorded it) or agent_export. */
      via: notPersonal(p.string().length(20), 'how the data left'),
      disclosedBy: () => p.manyToOne(User).nullable(),
      disclosedAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
    },
  },
  {
    holds: 'candidate',
    source: 'Who received your data from us, what and when (Art. 15(1)(c))',
    // Recipient, categories, date (no personal value): says whom an erasure has to be told (Art. 19).
    erasure: 'anonymize',
    onApplicationAnonymized: 'keep',
    export: { copies: 'all' },
  },
);
