import { type Em, type InferEntity, SavedSearch, User } from '@candor/db';
import type { TSavedSearch, TSavedSearchInput } from '@candor/schemas';
import { AppError } from '../trpc/app-error.js';
import type { Actor } from '../trpc/init.js';

/** A staff member keeps at most this many searches. */
export const SAVED_SEARCHES_AT_MOST = 50;

function toDto(row: InferEntity<typeof SavedSearch>): TSavedSearch {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    filter: row.filter as TSavedSearch['filter'],
    createdAt: row.createdAt.toISOString(),
  };
}

/** The actor's own saved searches in this tenant, newest first: nobody else's. */
export async function listSavedSearches(em: Em, actor: Actor): Promise<TSavedSearch[]> {
  const rows = await em.find(
    SavedSearch,
    { user: actor.userId },
    { orderBy: { createdAt: 'desc', id: 'asc' } },
  );
  return rows.map(toDto);
}

export async function saveSearch(em: Em, actor: Actor, input: TSavedSearchInput): Promise<TSavedSearch> {
  if ((await em.count(SavedSearch, { user: actor.userId })) >= SAVED_SEARCHES_AT_MOST) {
    throw new AppError('BAD_REQUEST', `You have ${SAVED_SEARCHES_AT_MOST} saved searches; delete one first`, {
      name: ['Too many saved searches'],
    });
  }
  const row = em.create(SavedSearch, {
    tenant: actor.tenantId,
    user: em.getReference(User, actor.userId),
    name: input.name,
    scope: input.scope,
    filter: input.filter,
  });
  await em.flush();
  return toDto(row);
}

export async function deleteSavedSearch(em: Em, actor: Actor, id: string): Promise<void> {
  const deleted = await em.nativeDelete(SavedSearch, { id, user: actor.userId });
  if (deleted === 0) throw new AppError('NOT_FOUND', 'No such saved search');
}
