import { candidateLabel } from '@candor/schemas';
import { Box, Card, Chip, Link, Stack, Typography } from '@mui/material';
import type { DragEvent } from 'react';
import { Link as RouterLink } from 'react-router';
import { MoveMenu, type StageRef } from '../../../components/MoveMenu';
import { ageLabel, dateLabel, stageAgeLabel } from '../../../lib/dates';
import { APPLICATION_STATUS_LABELS } from '../../../lib/labels';
import { RestrictedChip } from '../../candidates/Restriction';
import type { BoardCard as Card_ } from './boardState';

/** The drag payload's type; only our own cards are accepted by the columns. */
export const CARD_DRAG_TYPE = 'application/x-candor-application';

type Props = {
  card: Card_;
  stages: readonly StageRef[];
  canManage: boolean;
  onPick: (card: Card_, stage: StageRef) => void;
  onDragStart: (card: Card_) => void;
  onDragEnd: () => void;
};

/** One application on the board: drag it to another column, or use its "Move to…" menu. */
export function BoardCard({ card, stages, canManage, onPick, onDragStart, onDragEnd }: Props) {
  // A restricted candidate's card (admins only see those) stays where it is until the restriction is lifted.
  const restricted = card.candidate.restrictedAt !== null;
  const movable = canManage && card.status !== 'withdrawn' && !restricted;
  const name = candidateLabel(card.candidate);
  const handleDragStart = (event: DragEvent<HTMLElement>) => {
    event.dataTransfer.setData(CARD_DRAG_TYPE, card.id);
    event.dataTransfer.setData('text/plain', name);
    event.dataTransfer.effectAllowed = 'move';
    onDragStart(card);
  };
  return (
    <Card
      component="article"
      variant="outlined"
      draggable={movable}
      onDragStart={movable ? handleDragStart : undefined}
      onDragEnd={onDragEnd}
      aria-label={name}
      data-application-id={card.id}
      sx={{
        p: 1.25,
        cursor: movable ? 'grab' : 'default',
        // A withdrawn application looks set aside (dashed, greyed background) with its text at full contrast:
        // a faded card failed axe's contrast check, and its "Withdrawn" chip says why.
        ...(card.status === 'withdrawn' ? { borderStyle: 'dashed', bgcolor: 'action.hover' } : {}),
        '&:hover': movable ? { boxShadow: 2 } : undefined,
        '&:focus-within': { outline: 2, outlineColor: 'primary.main', outlineStyle: 'solid' },
      }}
    >
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'flex-start' }}>
        <Box sx={{ minWidth: 0, flex: 1 }}>
          <Link
            component={RouterLink}
            to={`/applications/${card.id}/show`}
            underline="hover"
            sx={{ fontWeight: 600, display: 'block', overflowWrap: 'anywhere' }}
            draggable={false}
          >
            {name}
          </Link>
          <Typography
            variant="caption"
            color="text.secondary"
            component="p"
            title={dateLabel(card.appliedAt)}
          >
            Applied {ageLabel(card.appliedAt)}
          </Typography>
          {card.stageEnteredAt !== card.appliedAt && (
            <Typography
              variant="caption"
              color="text.secondary"
              component="p"
              title={dateLabel(card.stageEnteredAt)}
            >
              {stageAgeLabel(card.stageEnteredAt)} in this stage
            </Typography>
          )}
        </Box>
        {canManage && card.status !== 'withdrawn' && !restricted && (
          <MoveMenu
            compact
            stages={stages}
            currentStageId={card.stage.id}
            label={`Move ${name} to another stage`}
            onPick={(stage) => onPick(card, stage)}
          />
        )}
      </Stack>
      {(card.tags.length > 0 || card.status === 'withdrawn' || card.candidate.restrictedAt) && (
        <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap', mt: 0.75 }}>
          {card.candidate.restrictedAt && <RestrictedChip restrictedAt={card.candidate.restrictedAt} />}
          {card.status === 'withdrawn' && <Chip size="small" label={APPLICATION_STATUS_LABELS.withdrawn} />}
          {card.tags.map((tag) => (
            <Chip key={tag} size="small" variant="outlined" label={tag} />
          ))}
        </Stack>
      )}
    </Card>
  );
}
