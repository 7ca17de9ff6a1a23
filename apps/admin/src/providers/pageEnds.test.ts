import { describe, expect, it } from 'vitest';
import { createDataProvider } from './dataProvider';
import type { ListRequest } from './listRequest';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const rows = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({
    id: id(from + i),
    appliedAt: `2026-01-${String(28 - from - i).padStart(2, '0')}T00:00:00.000Z`,
  }));

function recordingProvider() {
  const sent: ListRequest[] = [];
  const dataProvider = createDataProvider({
    applications: {
      list: async (request) => {
        sent.push(request);
        const page = request.pagination?.page ?? 1;
        return { data: rows((page - 1) * 2, 2), total: 20 };
      },
    },
  });
  return { dataProvider, sent };
}

const request = (page: number, filter: Record<string, unknown> = {}) => ({
  pagination: { page, perPage: 2 },
  sort: { field: 'appliedAt', order: 'DESC' as const },
  filter,
});

describe('list pages', () => {
  it('send where the previous page of the same list ended, so the API continues from that row', async () => {
    const { dataProvider, sent } = recordingProvider();
    await dataProvider.getList('applications', request(1));
    await dataProvider.getList('applications', request(2));
    await dataProvider.getList('applications', request(3));
    expect(sent.map((r) => r.pagination?.after)).toEqual([
      undefined,
      { value: '2026-01-27T00:00:00.000Z', id: id(1) },
      { value: '2026-01-25T00:00:00.000Z', id: id(3) },
    ]);
  });

  it('fall back to the page number for a page whose previous one was not fetched, or of another list', async () => {
    const { dataProvider, sent } = recordingProvider();
    await dataProvider.getList('applications', request(1));
    await dataProvider.getList('applications', request(5));
    await dataProvider.getList('applications', request(2, { status: 'active' }));
    await dataProvider.getList('applications', { ...request(2), sort: { field: 'appliedAt', order: 'ASC' } });
    expect(sent.slice(1).map((r) => r.pagination)).toEqual([
      { page: 5, perPage: 2 },
      { page: 2, perPage: 2 },
      { page: 2, perPage: 2 },
    ]);
  });
});
