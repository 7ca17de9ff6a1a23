import type { TBackgroundCheckEvent, TBackgroundCheckStatus } from '@candor/schemas';
import { p } from '@mikro-orm/core';
import { notPersonal, personal } from '../privacy.js';
import { Application } from './application.entity.js';
import { defineEntity } from './define-entity.js';
import { newId } from './ids.js';
import { ConsentReceipt } from './privacy.entity.js';
import { Tenant } from './tenant.entity.js';
import { tenantFilter } from './tenant-filter.js';
import { User } from './user.entity.js';

/**
 * One background check of an application at the offer stage, from the
 * candidate's standalone disclosure and authorization to the FCRA adverse
 * action notices (docs/background-checks.md). The report is criminal-offence
 * data (GDPR Art. 10): its file is sealed under the candidate's data key and
 * goes with the row; the candidate's dispute and its resolution are sealed too.
 */
export const BackgroundCheck = defineEntity(
  {
    name: 'BackgroundCheck',
    indexes: [{ properties: ['application'] }, { properties: ['decidedAt'] }],
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
      application: () => p.manyToOne(Application),
      status: notPersonal(p.string().length(16).$type<TBackgroundCheckStatus>(), 'check status'),
      provider: notPersonal(p.string().length(40), 'provider adapter key'),
      /** The provider's own id of the order, for its webhook. */
      providerRef: notPersonal(p.string().length(100).nullable().unique(), "the provider's order id"),
      providerStatus: notPersonal(p.string().length(20).nullable(), "the provider's last status"),
      /** The candidate's page link, stored as its SHA-256. */
      tokenHash: notPersonal(p.string().length(64).nullable().unique(), 'hash of the link token'),
      signedName: personal(p.string().length(200).nullable(), 'user.name'),
      signedAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      receipt: () => p.manyToOne(ConsentReceipt).nullable().deleteRule('set null'),
      reportStorageKey: notPersonal(p.string().length(80).nullable(), 'random file name in the file store'),
      reportFilename: personal(p.string().length(200).nullable(), 'user.criminal_history'),
      reportContentType: notPersonal(p.string().length(120).nullable(), 'sniffed media type'),
      reportSize: notPersonal(p.integer().nullable(), 'file size'),
      reportReceivedAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      waitUntil: notPersonal(p.string().length(10).nullable(), 'a date, context for the values beside it'),
      disputeText: personal(p.text().nullable(), 'user.criminal_history'),
      disputedAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      resolution: personal(p.text().nullable(), 'user.criminal_history'),
      disputeResolvedAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      /** The decision (cleared, or final adverse action): reports are erased a set time after it. */
      decidedAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      events: notPersonal(p.json<TBackgroundCheckEvent[]>(), 'the dated steps, without personal values'),
      createdBy: () => p.manyToOne(User).nullable(),
      createdAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
    },
  },
  {
    holds: 'candidate',
    source:
      'Your background check: your authorization, the report from the screening company, and your dispute',
    erasure: 'delete',
    onApplicationAnonymized: 'delete',
    export: { copies: 'all' },
    files: ['reportStorageKey'],
  },
);
