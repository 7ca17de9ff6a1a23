import { pipelineProblems, type TJob } from '@candor/schemas';
import { Alert, Box, Button, CircularProgress, Stack, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify, useRefresh } from 'react-admin';
import { type EditableStage, StageListEditor, toEditableStages } from '../../components/StageListEditor';
import { toHttpError } from '../../providers/errors';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';

/** Errors of the stage list from the API: `stages` for the list, `stages.2.name` for a row. */
type StageErrors = { list?: string; fields: Record<string, string> };

function stageErrorsOf(error: unknown): StageErrors {
  const httpError = toHttpError(error);
  const fields: Record<string, string> = {};
  for (const [path, message] of Object.entries<string>(httpError.body?.errors ?? {})) {
    if (path.startsWith('stages.')) fields[path.slice('stages.'.length)] = message;
  }
  return { list: httpError.message, fields };
}

/**
 * The job's own pipeline: rename, reorder, add and remove stages, and mark
 * stages for blind review. A stage that holds applications cannot be
 * removed; the counts come from the board.
 */
export function JobStageEditor({ job, canManage }: { job: TJob; canManage: boolean }) {
  const dataProvider = useCandorDataProvider();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const refresh = useRefresh();
  const [stages, setStages] = useState<EditableStage[]>(() => toEditableStages(job.stages));
  const [errors, setErrors] = useState<StageErrors>({ fields: {} });
  const counts = useQuery({
    queryKey: ['board', job.id, 'counts'],
    queryFn: () => dataProvider.board({ jobId: job.id, perColumn: 1 }),
  });
  const countOf = (stageId: string | undefined) =>
    counts.data?.columns.find((column) => column.stage.id === stageId)?.count ?? 0;

  const save = useMutation({
    mutationFn: () =>
      dataProvider.setJobStages({
        id: job.id,
        // Sent for every stage: the API reads a missing flag as "off".
        stages: stages.map(({ id, name, kind, blindReview, targetDays }) => ({
          ...(id ? { id } : {}),
          name,
          kind,
          blindReview: blindReview ?? false,
          targetDays: targetDays ?? null,
        })),
      }),
    onSuccess: (saved) => {
      setStages(toEditableStages(saved.stages));
      setErrors({ fields: {} });
      notify('Pipeline saved', { type: 'success' });
      void queryClient.invalidateQueries({ queryKey: ['board', job.id] });
      refresh();
    },
    onError: (error) => setErrors(stageErrorsOf(error)),
  });

  const problem = pipelineProblems(stages);
  const archived = job.status === 'archived';
  const editable = canManage && !archived;

  return (
    <Stack spacing={2} sx={{ maxWidth: 760 }}>
      <Typography variant="body2" color="text.secondary">
        Applications move through these stages from left to right on the board. Every pipeline has one Applied
        stage (first), one Hired and one Rejected stage.
        {!canManage && ' Only recruiters and admins change the pipeline.'}
        {archived && ' This job is archived; its pipeline can no longer change.'}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        Stages marked Blind review: hiring managers see applications in these stages without name, contact
        details, links, photo, dates that reveal age or file names, until a recruiter reveals the identity.
      </Typography>
      <Typography variant="body2" color="text.secondary">
        Target days: how long an application may sit in a stage without activity before the dashboard lists it
        as stuck (empty: 7 days).
      </Typography>
      <StageListEditor
        stages={stages}
        onChange={(next) => {
          setStages(next);
          setErrors({ fields: {} });
        }}
        error={errors.list ?? (problem && editable ? problem : undefined)}
        fieldError={(path) => errors.fields[path]}
        disabled={!editable || save.isPending}
        blindReview
        lockedReason={(stage) => {
          const count = countOf(stage.id);
          return count > 0 ? `it holds ${count} application${count === 1 ? '' : 's'}` : undefined;
        }}
      />
      {editable && (
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
          <Button
            variant="contained"
            disabled={save.isPending || Boolean(problem)}
            onClick={() => save.mutate()}
            startIcon={
              save.isPending ? <CircularProgress size={16} color="inherit" aria-hidden /> : undefined
            }
          >
            Save pipeline
          </Button>
          <Button
            disabled={save.isPending}
            onClick={() => {
              setStages(toEditableStages(job.stages));
              setErrors({ fields: {} });
            }}
          >
            Discard changes
          </Button>
        </Box>
      )}
      {counts.isError && (
        <Alert severity="warning">Could not load how many applications each stage holds.</Alert>
      )}
    </Stack>
  );
}
