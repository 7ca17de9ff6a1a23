import {
  ZDocumentSearchParams,
  ZDocumentSearchResult,
  ZGlobalSearchInput,
  ZGlobalSearchResult,
  ZIdInput,
  ZSavedSearch,
  ZSavedSearchInput,
} from '@candor/schemas';
import { z } from 'zod';
import { roleProcedure, router } from '../trpc/init.js';
import { deleteSavedSearch, listSavedSearches, saveSearch } from './saved-searches.service.js';
import { globalSearch, searchDocuments } from './search.service.js';

export const searchRouter = router({
  // Full-text search in documents: hiring managers search their jobs' applications, blind ones redacted.
  documents: roleProcedure('candidates.read')
    .input(ZDocumentSearchParams)
    .output(ZDocumentSearchResult)
    .query(({ ctx, input }) => searchDocuments(ctx.em, ctx.actor, input)),

  // The command palette (Ctrl-K).
  global: roleProcedure('candidates.read')
    .input(ZGlobalSearchInput)
    .output(ZGlobalSearchResult)
    .query(({ ctx, input }) => globalSearch(ctx.em, ctx.actor, input.q)),

  // Saved searches are each staff member's own.
  saved: roleProcedure('candidates.read')
    .output(z.array(ZSavedSearch))
    .query(({ ctx }) => listSavedSearches(ctx.em, ctx.actor)),

  save: roleProcedure('candidates.read')
    .input(ZSavedSearchInput)
    .output(ZSavedSearch)
    .mutation(({ ctx, input }) => saveSearch(ctx.em, ctx.actor, input)),

  deleteSaved: roleProcedure('candidates.read')
    .input(ZIdInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await deleteSavedSearch(ctx.em, ctx.actor, input.id);
      return { ok: true as const };
    }),
});
