import type { TAttachmentKind } from '@candor/schemas';
import { p } from '@mikro-orm/core';
import { notPersonal, personal } from '../privacy.js';
import { Application } from './application.entity.js';
import { Candidate } from './candidate.entity.js';
import { defineEntity } from './define-entity.js';
import { newId } from './ids.js';
import { InboundEmail } from './inbound-email.entity.js';
import { Tenant } from './tenant.entity.js';
import { tenantFilter } from './tenant-filter.js';
import { User } from './user.entity.js';

/**
 * A file about a candidate (resume, cover letter ...). The bytes live in the
 * file store under a random key; only the authorized, audited download
 * endpoint reads them.
 */
export const Attachment = defineEntity(
  {
    name: 'Attachment',
    indexes: [
      { properties: ['candidate', 'createdAt'] },
      { properties: ['application'] },
      // The search indexer finds files it has not read yet (null) without scanning every file.
      { properties: ['searchIndexedAt'] },
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
      tenant: () => p.manyToOne(Tenant),
      candidate: () => p.manyToOne(Candidate),
      application: () => p.manyToOne(Application).nullable(),
      /** The candidate's reply this file came with; the file stays a candidate file when the reply is deleted. */
      inboundEmail: () => p.manyToOne(InboundEmail).nullable().deleteRule('set null'),
      kind: notPersonal(p.string().length(20).$type<TAttachmentKind>(), 'resume, cover_letter or other'),
      filename: personal(p.string().length(200), 'user.document.resume'),
      contentType: notPersonal(p.string().length(120), 'sniffed media type'),
      size: notPersonal(p.integer(), 'file size'),
      sha256: personal(p.string().length(64), 'user.document.resume'),
      storageKey: notPersonal(p.string().length(80), 'random file name in the file store'),
      /** Sealed under the candidate's data key; files stored before encryption existed are plain. */
      encrypted: notPersonal(p.boolean().default(false), 'how the file is stored'),
      uploadedBy: () => p.manyToOne(User).nullable(),
      /** When the search indexer read the file's text; null while it still has to (new, or its candidate changed). */
      searchIndexedAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      createdAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
    },
  },
  {
    holds: 'candidate',
    source: 'Files you uploaded, or the hiring team uploaded for you',
    erasure: 'delete',
    onApplicationAnonymized: 'delete',
    export: { copies: 'all' },
    files: ['storageKey'],
  },
);
