import { p } from '@mikro-orm/core';
import { notPersonal, personal } from '../privacy.js';
import { Application } from './application.entity.js';
import { Attachment } from './attachment.entity.js';
import { Candidate } from './candidate.entity.js';
import { defineEntity } from './define-entity.js';
import { newId } from './ids.js';
import { Tenant } from './tenant.entity.js';
import { tenantFilter } from './tenant-filter.js';
import { User } from './user.entity.js';

/** What a searchable text was read from. */
export type TDocumentTextSource = 'resume' | 'cover_letter' | 'other' | 'answers';

/**
 * The plain text of one of a candidate's documents (a stored file, an
 * application's cover letter, its answers), kept for full-text search: the
 * database's own index (FTS5 on SQLite, a GIN tsvector index on PostgreSQL,
 * see ../search-documents.ts) reads it. The text is a readable copy of what
 * is otherwise sealed under the candidate's key, so it goes with the
 * document: with the candidate's erasure, the application's anonymization
 * and the file's deletion (the foreign keys cascade). `redactedText` is the
 * same text with the identity redacted, the only one a blind reviewer's
 * search matches while an application is in blind review.
 */
export const DocumentText = defineEntity(
  {
    name: 'DocumentText',
    indexes: [{ properties: ['candidate'] }, { properties: ['application'] }],
    uniques: [{ properties: ['attachment'] }],
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
      candidate: () => p.manyToOne(Candidate).deleteRule('cascade'),
      application: () => p.manyToOne(Application).nullable().deleteRule('cascade'),
      /** The stored file it was read from; none for an application's cover letter or answers. */
      attachment: () => p.manyToOne(Attachment).nullable().deleteRule('cascade'),
      source: notPersonal(
        p.string().length(20).$type<TDocumentTextSource>(),
        'resume, cover_letter, other or answers',
      ),
      text: personal(p.text(), 'user.document.resume'),
      redactedText: personal(p.text(), 'user.document.resume'),
      indexedAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
    },
  },
  {
    holds: 'candidate',
    source: 'Read from the documents and answers you sent, to search them',
    erasure: 'delete',
    onApplicationAnonymized: 'delete',
    export: {
      copies: 'subject-only',
      staffCopyNote:
        'The text of your documents, as read for search; the documents themselves are listed too',
    },
  },
);

/** Which list a saved search re-runs. */
export type TSavedSearchScope = 'documents' | 'candidates' | 'applications';

/**
 * A staff member's named search (query and list filters), to run again.
 * Their own: no one else in the tenant sees it. The query may be a
 * candidate's name, so it is staff-entered text about candidates that is not
 * linked to any one of them; kept short and deleted with the user.
 */
export const SavedSearch = defineEntity(
  {
    name: 'SavedSearch',
    indexes: [{ properties: ['user', 'tenant', 'createdAt'] }],
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
      user: () => p.manyToOne(User).deleteRule('cascade'),
      name: notPersonal(p.string().length(80), 'a label staff give their search'),
      scope: notPersonal(p.string().length(20).$type<TSavedSearchScope>(), 'which list it searches'),
      /** The list's filters as the list sends them; the query text may name a candidate. */
      filter: personal(p.json<Record<string, unknown>>(), 'user.recruitment.evaluation'),
      createdAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
    },
  },
  { holds: 'staff' },
);
