import type { TBackgroundJobList, TUnfiledApplications } from '@candor/schemas';
import { trpc } from '../../trpc';

/**
 * The background jobs (the tenant's and the global ones) and retrying a failed one; see
 * docs/background-jobs.md. Here rather than on the dataProvider, which loads with the dashboard
 * (issue 16's first-load budget); the page maps errors with toHttpError itself.
 */
export const backgroundJobsApi = {
  list: (): Promise<TBackgroundJobList> => trpc.backgroundJobs.list.query(),
  // The id comes from the list and the API validates it.
  retry: async (id: string): Promise<void> => {
    await trpc.backgroundJobs.retry.mutate({ id });
  },
  unfiledApplications: (): Promise<TUnfiledApplications> => trpc.backgroundJobs.unfiledApplications.query(),
  fileAgain: async (id: string): Promise<void> => {
    await trpc.backgroundJobs.fileAgain.mutate({ id });
  },
};
