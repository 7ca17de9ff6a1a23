import {
  ZAssessmentInput,
  ZAssessmentScoreInput,
  ZAssessmentSendInput,
  ZAssessmentUpdateInput,
  ZStageAssessmentInput,
} from '@candor/schemas';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { toHttpError } from '../../providers/errors';
import { type MutationInput, trpc } from '../../trpc';

/**
 * Assessments' calls, kept in this lazily loaded folder rather than on the
 * dataProvider: the dataProvider is part of the dashboard's first load,
 * which has no room left (issue 16's 250 KB budget). Errors become
 * HttpErrors with their status, as the dataProvider's do.
 */
const call = async <T>(run: () => Promise<T>): Promise<T> => {
  try {
    return await run();
  } catch (error) {
    throw toHttpError(error);
  }
};

export const assessmentActions = {
  list: () => call(() => trpc.assessments.list.query()),
  create: (input: MutationInput<typeof trpc.assessments.create>) =>
    call(() => trpc.assessments.create.mutate(ZAssessmentInput.parse(input))),
  update: (input: MutationInput<typeof trpc.assessments.update>) =>
    call(() => trpc.assessments.update.mutate(ZAssessmentUpdateInput.parse(input))),
  stagesOfJob: (jobId: string) => call(() => trpc.assessments.stagesOfJob.query({ jobId })),
  setStage: (input: MutationInput<typeof trpc.assessments.setStage>) =>
    call(() => trpc.assessments.setStage.mutate(ZStageAssessmentInput.parse(input))),
  forApplication: (applicationId: string) =>
    call(() => trpc.assessments.forApplication.query({ applicationId })),
  send: (input: MutationInput<typeof trpc.assessments.send>) =>
    call(() => trpc.assessments.send.mutate(ZAssessmentSendInput.parse(input))),
  withdraw: (id: string) => call(() => trpc.assessments.withdraw.mutate({ id })),
  score: (input: MutationInput<typeof trpc.assessments.score>) =>
    call(() => trpc.assessments.score.mutate(ZAssessmentScoreInput.parse(input))),
};

export const assessmentKeys = {
  list: ['assessments', 'list'] as const,
  job: (jobId: string) => ['assessments', 'job', jobId] as const,
  application: (applicationId: string) => ['assessments', 'application', applicationId] as const,
};

export function useAssessments(enabled = true) {
  return useQuery({ queryKey: assessmentKeys.list, queryFn: assessmentActions.list, enabled });
}

export function useInvalidateAssessments() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['assessments'] });
}
