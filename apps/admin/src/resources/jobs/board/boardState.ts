import type { TApplicationListItem, TApplicationStatus, TBoard, TStageKind } from '@candor/schemas';

export type BoardCard = TApplicationListItem;
type Stage = TBoard['columns'][number]['stage'];

export function findCard(board: TBoard, applicationId: string): BoardCard | undefined {
  for (const column of board.columns) {
    const card = column.cards.find((c) => c.id === applicationId);
    if (card) return card;
  }
  return undefined;
}

/** The status an application gets in a stage of this kind (what the API does on move and reject). */
export function statusIn(kind: TStageKind): TApplicationStatus {
  if (kind === 'hired') return 'hired';
  if (kind === 'rejected') return 'rejected';
  return 'active';
}

/** Whether a card can go to a stage at all: withdrawn applications stay put, and a card is never moved onto itself. */
export function canMove(card: BoardCard, stage: Stage): boolean {
  return card.status !== 'withdrawn' && card.stage.id !== stage.id;
}

/**
 * The board as it will be once the API has moved the application: the card
 * leaves its column (count down) and goes on top of the target (count up).
 * Used for the optimistic update; the server's board replaces it afterwards.
 */
export function moveCard(board: TBoard, applicationId: string, to: Stage, now: Date = new Date()): TBoard {
  const card = findCard(board, applicationId);
  if (!card || !canMove(card, to)) return board;
  const moved: BoardCard = {
    ...card,
    stage: { id: to.id, name: to.name, kind: to.kind, blindReview: to.blindReview },
    status: statusIn(to.kind),
    lastActivityAt: now.toISOString(),
    stageEnteredAt: now.toISOString(),
  };
  return {
    ...board,
    columns: board.columns.map((column) => {
      if (column.stage.id === card.stage.id) {
        return {
          ...column,
          count: Math.max(0, column.count - 1),
          cards: column.cards.filter((c) => c.id !== card.id),
        };
      }
      if (column.stage.id === to.id) {
        return { ...column, count: column.count + 1, cards: [moved, ...column.cards] };
      }
      return column;
    }),
  };
}
