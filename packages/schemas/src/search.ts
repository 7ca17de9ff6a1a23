import { z } from 'zod';
import { ZApplicationCandidateRef } from './hiring/application.js';
import { ZApplicationSource } from './hiring/candidate.js';
import { ZRecommendation } from './hiring/interview.js';
import { ZId } from './list.js';

/** What a searchable text was read from: a stored file of one of these kinds, or an application's answers. */
export const DOCUMENT_SOURCES = ['resume', 'cover_letter', 'other', 'answers'] as const;
export const ZDocumentSource = z.enum(DOCUMENT_SOURCES);
export type TDocumentSource = z.infer<typeof ZDocumentSource>;

/** The query of a search box: some text with at least one letter or digit. */
const ZQuery = z
  .string()
  .trim()
  .min(1, 'Type what to search for')
  .max(200, 'Use at most 200 characters')
  .refine((q) => /[\p{L}\p{N}]/u.test(q), 'Type a word to search for');

/** Full-text search in documents: the words, and the list's filters. */
export const ZDocumentSearchFilter = z.strictObject({
  q: ZQuery,
  /** Only in these kinds of document ("in answers"). */
  in: z.array(ZDocumentSource).min(1).max(DOCUMENT_SOURCES.length).optional(),
  jobId: ZId.optional(),
  source: ZApplicationSource.optional(),
  /** An interviewer recommended at least this (a scorecard of the application). */
  minRecommendation: ZRecommendation.optional(),
  /** Part of the candidate's location. */
  location: z.string().trim().min(1).max(120).optional(),
  /** Only candidates who consented to the talent pool (their latest decision). */
  talentPool: z.boolean().optional(),
});
export type TDocumentSearchFilter = z.infer<typeof ZDocumentSearchFilter>;

export const ZDocumentSearchParams = z.strictObject({
  filter: ZDocumentSearchFilter,
  pagination: z
    .strictObject({
      page: z.number().int().min(1).max(20).default(1),
      perPage: z.number().int().min(1).max(50).default(20),
    })
    .default({ page: 1, perPage: 20 }),
});
export type TDocumentSearchParams = z.input<typeof ZDocumentSearchParams>;

/** A piece of a snippet; `match` marks the words that matched. */
export const ZSnippetPart = z.object({ text: z.string(), match: z.boolean() });

export const ZDocumentSearchHit = z.object({
  /** The document's id (of its indexed text). */
  id: ZId,
  candidate: ZApplicationCandidateRef,
  application: z.object({ id: ZId, job: z.object({ id: ZId, title: z.string() }) }).nullable(),
  source: ZDocumentSource,
  /** Higher is a better match; comparable within one search. */
  rank: z.number(),
  snippet: z.array(ZSnippetPart),
});
export type TDocumentSearchHit = z.infer<typeof ZDocumentSearchHit>;

export const ZDocumentSearchResult = z.object({
  data: z.array(ZDocumentSearchHit),
  total: z.number().int().min(0),
  /** More matched than were ranked: refine the search. */
  capped: z.boolean(),
});
export type TDocumentSearchResult = z.infer<typeof ZDocumentSearchResult>;

/** The command palette (Ctrl-K): a few of each kind. */
export const ZGlobalSearchInput = z.strictObject({ q: ZQuery });
export const ZGlobalSearchResult = z.object({
  candidates: z.array(z.object({ id: ZId, name: z.string(), email: z.string() })),
  jobs: z.array(z.object({ id: ZId, title: z.string(), status: z.string() })),
  applications: z.array(
    z.object({ id: ZId, candidate: ZApplicationCandidateRef, job: z.object({ id: ZId, title: z.string() }) }),
  ),
});
export type TGlobalSearchResult = z.infer<typeof ZGlobalSearchResult>;

export const SAVED_SEARCH_SCOPES = ['documents', 'candidates', 'applications'] as const;
export const ZSavedSearchScope = z.enum(SAVED_SEARCH_SCOPES);

/** A list's filters as saved: a few plain values (the list's own schema checks them when the search runs). */
export const ZSavedFilter = z
  .record(
    z.string().max(40),
    z.union([z.string().max(200), z.number(), z.boolean(), z.array(z.string().max(40)).max(10)]),
  )
  .refine((f) => Object.keys(f).length <= 20, 'At most 20 filters');

export const ZSavedSearchInput = z.strictObject({
  name: z.string().trim().min(1, 'Give the search a name').max(80, 'Use at most 80 characters'),
  scope: ZSavedSearchScope,
  filter: ZSavedFilter,
});
export type TSavedSearchInput = z.infer<typeof ZSavedSearchInput>;

export const ZSavedSearch = ZSavedSearchInput.extend({ id: ZId, createdAt: z.iso.datetime() });
export type TSavedSearch = z.infer<typeof ZSavedSearch>;
