import type { AppRouter } from '@candor/api';
import type { inferRouterOutputs } from '@trpc/server';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { auditFilterOf, auditListInput } from './auditActions';

type Out = inferRouterOutputs<AppRouter>;

describe('the audit log’s requests', () => {
  it('sends only known, non-empty filters', () => {
    expect(
      auditFilterOf({
        action: ' candidate.read ',
        targetType: '',
        subjectRef: 'a'.repeat(64),
        q: 'ignored',
        from: '2026-01-01',
      }),
    ).toEqual({ action: 'candidate.read', subjectRef: 'a'.repeat(64), from: '2026-01-01' });
    expect(auditFilterOf(undefined)).toEqual({});
  });

  it('sorts by time, whatever column react-admin names', () => {
    expect(
      auditListInput({
        pagination: { page: 2, perPage: 50 },
        sort: { field: 'action', order: 'ASC' },
        filter: {},
      }),
    ).toEqual({ pagination: { page: 2, perPage: 50 }, sort: { field: 'at', order: 'ASC' }, filter: {} });
    expect(auditListInput({ sort: { field: 'at', order: 'DESC' } }).sort).toEqual({
      field: 'at',
      order: 'DESC',
    });
  });

  it('keeps the audit procedures typed', () => {
    expectTypeOf<Out['audit']['verify']>().not.toBeAny();
    expectTypeOf<Out['audit']['export']['csv']>().toEqualTypeOf<string>();
    expectTypeOf<Out['audit']['list']['data'][number]['subjectRef']>().toEqualTypeOf<string | null>();
    expectTypeOf<Extract<Out['audit']['verify'], { ok: false }>['firstBrokenSeq']>().toEqualTypeOf<number>();
  });
});
