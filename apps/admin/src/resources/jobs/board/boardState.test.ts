import type { TBoard } from '@candor/schemas';
import { describe, expect, it } from 'vitest';
import { moveCard } from './boardState';

type Stage = TBoard['columns'][number]['stage'];
const applied: Stage = { id: 's1', name: 'Applied', kind: 'applied', blindReview: false };
const screen: Stage = { id: 's2', name: 'Phone screen', kind: 'screening', blindReview: true };
const rejected: Stage = { id: 's3', name: 'Rejected', kind: 'rejected', blindReview: false };

function card(id: string, stage: Stage, status: 'active' | 'withdrawn' = 'active') {
  return {
    id,
    candidate: {
      blind: false as const,
      id: `c-${id}`,
      name: `Person ${id}`,
      email: `${id}@example.test`,
      restrictedAt: null,
    },
    job: { id: 'j1', title: 'Job' },
    stage,
    status,
    source: 'careers_site' as const,
    tags: [],
    appliedAt: '2026-03-01T10:00:00.000Z',
    lastActivityAt: '2026-03-02T10:00:00.000Z',
    stageEnteredAt: '2026-03-02T10:00:00.000Z',
  };
}

const board: TBoard = {
  job: { id: 'j1', title: 'Job', status: 'open' },
  columns: [
    {
      stage: applied,
      count: 3,
      cards: [card('a', applied), card('b', applied), card('w', applied, 'withdrawn')],
    },
    { stage: screen, count: 1, cards: [card('c', screen)] },
    { stage: rejected, count: 0, cards: [] },
  ],
};

describe('moveCard', () => {
  it('moves the card on top of the target column and adjusts both counts', () => {
    const now = new Date('2026-03-10T00:00:00.000Z');
    const next = moveCard(board, 'b', screen, now);
    expect(next.columns.map((c) => c.count)).toEqual([2, 2, 0]);
    expect(next.columns[0]?.cards.map((c) => c.id)).toEqual(['a', 'w']);
    expect(next.columns[1]?.cards[0]).toMatchObject({
      id: 'b',
      stage: screen,
      status: 'active',
      lastActivityAt: now.toISOString(),
      stageEnteredAt: now.toISOString(),
    });
  });

  it('marks a card moved to the rejected stage as rejected', () => {
    expect(moveCard(board, 'c', rejected).columns[2]?.cards[0]?.status).toBe('rejected');
  });

  it('leaves the board alone for withdrawn cards, unknown ids and moves onto the same stage', () => {
    expect(moveCard(board, 'w', screen)).toBe(board);
    expect(moveCard(board, 'nope', screen)).toBe(board);
    expect(moveCard(board, 'a', applied)).toBe(board);
  });

  it('does not change the board it was given', () => {
    const before = JSON.stringify(board);
    moveCard(board, 'a', screen);
    expect(JSON.stringify(board)).toBe(before);
  });
});
