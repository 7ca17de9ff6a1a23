import { STAGE_KIND_LABELS } from '@candor/schemas';
import VisibilityOffOutlinedIcon from '@mui/icons-material/VisibilityOffOutlined';
import { Box, Chip, Link, Paper, Stack, Tooltip, Typography } from '@mui/material';
import { type DragEvent, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import type { StageRef } from '../../../components/MoveMenu';
import { BulkEmailButton } from '../../messages/BulkEmailButton';
import { BoardCard, CARD_DRAG_TYPE } from './BoardCard';
import type { BoardCard as Card } from './boardState';

type Props = {
  jobId: string;
  stage: StageRef;
  count: number;
  cards: Card[];
  stages: readonly StageRef[];
  canManage: boolean;
  /** The card being dragged, to tell whether this column would take it. */
  dragging: Card | null;
  onPick: (card: Card, stage: StageRef) => void;
  onDragStart: (card: Card) => void;
  onDragEnd: () => void;
};

export function BoardColumn({
  jobId,
  stage,
  count,
  cards,
  stages,
  canManage,
  dragging,
  onPick,
  onDragStart,
  onDragEnd,
}: Props) {
  const [over, setOver] = useState(false);
  const accepts = dragging !== null && dragging.stage.id !== stage.id;
  const headingId = `board-column-${stage.id}`;

  const onDragOver = (event: DragEvent<HTMLElement>) => {
    if (!accepts || !event.dataTransfer.types.includes(CARD_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    setOver(true);
  };
  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setOver(false);
    const id = event.dataTransfer.getData(CARD_DRAG_TYPE);
    const card = dragging?.id === id ? dragging : undefined;
    if (card && accepts) onPick(card, stage);
    onDragEnd();
  };

  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      variant="outlined"
      data-stage-id={stage.id}
      onDragOver={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      sx={{
        width: 256,
        flex: '0 0 256px',
        display: 'flex',
        flexDirection: 'column',
        minHeight: 0,
        bgcolor: over ? 'action.selected' : stage.kind === 'rejected' ? 'grey.100' : 'grey.50',
        borderColor: over ? 'primary.main' : accepts ? 'primary.light' : 'divider',
        borderStyle: accepts ? 'dashed' : 'solid',
        transition: 'background-color 120ms, border-color 120ms',
      }}
    >
      <Box sx={{ p: 1.5, pb: 1, display: 'flex', alignItems: 'center', gap: 1 }}>
        <Typography id={headingId} variant="subtitle1" component="h2" sx={{ fontWeight: 600, flex: 1 }}>
          {stage.name}
          {stage.name !== STAGE_KIND_LABELS[stage.kind] && (
            <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
              {STAGE_KIND_LABELS[stage.kind]}
            </Typography>
          )}
        </Typography>
        {stage.blindReview && (
          <Tooltip title="Blind review: hiring managers see these applications without the candidate's identity">
            <VisibilityOffOutlinedIcon
              fontSize="small"
              color="action"
              titleAccess="Blind review"
              data-testid="column-blind-review"
            />
          </Tooltip>
        )}
        {canManage && (
          <BulkEmailButton
            variant="icon"
            label={`Email the candidates in ${stage.name}`}
            applications={cards.filter((card) => card.status === 'active')}
          />
        )}
        <Chip
          size="small"
          label={count}
          aria-label={`${count} application${count === 1 ? '' : 's'}`}
          data-testid="column-count"
        />
      </Box>
      <Stack
        component="ul"
        spacing={1}
        sx={{ listStyle: 'none', m: 0, px: 1, pb: 1, minHeight: 96, flex: 1, overflowY: 'auto' }}
      >
        {cards.map((card) => (
          <li key={card.id}>
            <BoardCard
              card={card}
              stages={stages}
              canManage={canManage}
              onPick={onPick}
              onDragStart={onDragStart}
              onDragEnd={onDragEnd}
            />
          </li>
        ))}
        {cards.length === 0 && (
          <Typography
            component="li"
            variant="body2"
            color="text.secondary"
            sx={{ textAlign: 'center', py: 3 }}
          >
            {accepts ? 'Drop here' : 'No applications'}
          </Typography>
        )}
      </Stack>
      {count > cards.length && (
        <Box sx={{ px: 1.5, pb: 1.5 }}>
          <Link
            component={RouterLink}
            variant="body2"
            to={{
              pathname: '/applications',
              search: `?filter=${encodeURIComponent(JSON.stringify({ jobId, stageId: stage.id }))}`,
            }}
          >
            Showing {cards.length} of {count}: see all
          </Link>
        </Box>
      )}
    </Paper>
  );
}
