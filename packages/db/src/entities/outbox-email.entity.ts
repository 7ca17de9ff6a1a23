import type { OUTBOX_STATUSES } from '@candor/schemas';
import { p } from '@mikro-orm/core';
import { notPersonal, personal } from '../privacy.js';
import { Application } from './application.entity.js';
import { Candidate } from './candidate.entity.js';
import { defineEntity } from './define-entity.js';
import { newId } from './ids.js';
import { PrivacyRequest } from './privacy-request.entity.js';
import { Tenant } from './tenant.entity.js';
import { tenantFilter } from './tenant-filter.js';
import { User } from './user.entity.js';

export type TStoredAttachment = { filename: string; contentType: string; contentBase64: string };

export type TOutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * An email waiting to be delivered. Written in the same transaction as the
 * change that causes it, delivered afterwards by the outbox dispatcher.
 */
export const OutboxEmail = defineEntity(
  {
    name: 'OutboxEmail',
    indexes: [
      // The dispatcher reads one-to-one mail first, then bulk mail, each oldest due first.
      { properties: ['status', 'bulk', 'nextAttemptAt'] },
      { properties: ['candidate'] },
      { properties: ['application'] },
    ],
    filters: tenantFilter,
    properties: {
      id: notPersonal(
        p
          .uuid()
          .primary()
          .onCreate(() => newId()),
        'random identifier',
      ),
      tenant: () => p.manyToOne(Tenant).nullable(),
      /** The candidate the message is about (to them, or to staff about them), so export and erasure reach it. */
      candidate: () => p.manyToOne(Candidate).nullable().deleteRule('set null'),
      /** The application a message is about (a rejection), so undoing the decision can take back a message still pending. */
      application: () => p.manyToOne(Application).nullable().deleteRule('set null'),
      /** The staff member who wrote the message (compose and bulk email): staff data, named only by role in an export. */
      sentBy: () => p.manyToOne(User).nullable().deleteRule('set null'),
      to: personal(p.string().length(254), 'user.contact.email'),
      subject: personal(p.string().length(255), 'user.name'),
      text: personal(p.text(), 'user.name'),
      html: personal(p.text().nullable(), 'user.name'),
      /**
       * A marketing message's one-click unsubscribe link (signed, naming the
       * candidate): sent as List-Unsubscribe (RFC 8058) and in the text.
       */
      unsubscribeUrl: personal(p.string().length(1000).nullable(), 'user.privacy.consent'),
      /** Files sent with the message (e.g. an interview's .ics), content base64-encoded. */
      attachments: personal(p.json<TStoredAttachment[]>().nullable(), 'user.name'),
      /**
       * Set on the one message kept as proof after it is sent (an erasure's
       * answer, its Art. 19 notices): once delivered, the address is replaced
       * by this keyed hash and the body dropped, so the proof names no one.
       */
      proofAddressHash: notPersonal(p.string().length(80).nullable(), 'keyed hash, no address'),
      /** The request a proof answers: the proof is kept as long as the request is (the privacy_requests rule), then goes with it. */
      proofOf: () => p.manyToOne(PrivacyRequest).nullable().deleteRule('cascade'),
      template: notPersonal(p.string().length(60), 'template name'),
      /**
       * One of a mailing to many (a notice change, a job alert, a bulk
       * message): delivered after the one-to-one mail that is due, so a
       * mailing to thousands never holds up a sign-in code or an invitation.
       */
      bulk: notPersonal(p.boolean().default(false), 'delivery order'),
      status: notPersonal(p.string().length(12).$type<TOutboxStatus>().default('pending'), 'delivery state'),
      attempts: notPersonal(p.integer().default(0), 'delivery attempts'),
      nextAttemptAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
      lastError: notPersonal(p.string().length(500).nullable(), 'transport error, no addresses'),
      createdAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
      sentAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
    },
  },
  {
    holds: 'candidate',
    source: 'Emails we sent you',
    erasure: 'delete',
    onApplicationAnonymized: 'keep',
    // A message about the person to an interviewer or a recipient is that recipient's mail (the disclosure log says who received what); erasure still reaches it.
    export: { copies: 'all', sentTo: 'to' },
  },
);
