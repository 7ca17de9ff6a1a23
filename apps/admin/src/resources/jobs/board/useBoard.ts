import { candidateLabel, type TBoard } from '@candor/schemas';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNotify } from 'react-admin';
import type { RejectValues } from '../../../components/RejectDialog';
import { useCandorDataProvider } from '../../../providers/useCandorDataProvider';
import { type BoardCard, moveCard } from './boardState';

type Stage = TBoard['columns'][number]['stage'];

/** Cards shown per column; the count in the header is always the full one. */
export const CARDS_PER_COLUMN = 50;

export const boardKey = (jobId: string) => ['board', jobId, 'full'] as const;

/**
 * The board of one job, and moving and rejecting on it with an optimistic
 * update: the card moves at once, and goes back (with a message) if the API
 * refuses. Afterwards the board, lists and the job's counts are refetched.
 */
export function useBoard(jobId: string) {
  const dataProvider = useCandorDataProvider();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const key = boardKey(jobId);

  const board = useQuery({
    queryKey: key,
    queryFn: () => dataProvider.board({ jobId, perColumn: CARDS_PER_COLUMN }),
  });

  const optimistic = async (card: BoardCard, stage: Stage) => {
    await queryClient.cancelQueries({ queryKey: key });
    const previous = queryClient.getQueryData<TBoard>(key);
    if (previous) queryClient.setQueryData<TBoard>(key, moveCard(previous, card.id, stage));
    return { previous };
  };
  const rollback = (context: { previous: TBoard | undefined } | undefined) => {
    if (context?.previous) queryClient.setQueryData<TBoard>(key, context.previous);
  };
  const settle = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['board', jobId] }),
      queryClient.invalidateQueries({ queryKey: ['applications'] }),
      queryClient.invalidateQueries({ queryKey: ['jobs'] }),
      queryClient.invalidateQueries({ queryKey: ['candidates'] }),
    ]);

  const move = useMutation({
    mutationFn: ({ card, stage }: { card: BoardCard; stage: Stage }) =>
      dataProvider.moveApplications({ ids: [card.id], stageId: stage.id }),
    onMutate: ({ card, stage }) => optimistic(card, stage),
    onSuccess: (result, { card, stage }) => {
      const name = candidateLabel(card.candidate);
      if (result.updated > 0) notify(`${name} moved to ${stage.name}`, { type: 'success' });
      else
        notify(`${name} was not moved: the application is withdrawn or already there`, {
          type: 'warning',
        });
    },
    onError: (error: Error, { card }, context) => {
      rollback(context);
      notify(`Could not move ${candidateLabel(card.candidate)}: ${error.message}`, { type: 'error' });
    },
    onSettled: settle,
  });

  const reject = useMutation({
    mutationFn: ({ card, values }: { card: BoardCard; stage: Stage; values: RejectValues }) =>
      dataProvider.rejectApplications({ ids: [card.id], ...values }),
    onMutate: ({ card, stage }) => optimistic(card, stage),
    onSuccess: (result, { card, values }) => {
      if (result.updated === 0) {
        notify(`${candidateLabel(card.candidate)} was not rejected: the application is no longer active`, {
          type: 'warning',
        });
        return;
      }
      const email =
        values.emailDelayHours === null
          ? 'no email sent'
          : values.emailDelayHours === 0
            ? 'the rejection email is on its way'
            : `the rejection email goes out in ${values.emailDelayHours / 24} day${values.emailDelayHours === 24 ? '' : 's'}`;
      notify(`${candidateLabel(card.candidate)} rejected; ${email}`, { type: 'success' });
    },
    onError: (_error: Error, _variables, context) => rollback(context),
    onSettled: settle,
  });

  return { board, move, reject };
}
