import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';

/** Cache keys of an application's interviews, scorecards, offers and documents (fetched beside the application). */
export const applicationKeys = {
  interviews: (applicationId: string) => ['applications', applicationId, 'interviews'] as const,
  scorecards: (applicationId: string) => ['applications', applicationId, 'scorecards'] as const,
  offers: (applicationId: string) => ['applications', applicationId, 'offers'] as const,
  references: (applicationId: string) => ['applications', applicationId, 'references'] as const,
  attachments: (applicationId: string) => ['applications', applicationId, 'attachments'] as const,
};

export function useInterviews(applicationId: string) {
  const dataProvider = useCandorDataProvider();
  return useQuery({
    queryKey: applicationKeys.interviews(applicationId),
    queryFn: () => dataProvider.interviews(applicationId),
  });
}

export function useScorecards(applicationId: string) {
  const dataProvider = useCandorDataProvider();
  return useQuery({
    queryKey: applicationKeys.scorecards(applicationId),
    queryFn: () => dataProvider.scorecards(applicationId),
  });
}

export function useOffers(applicationId: string) {
  const dataProvider = useCandorDataProvider();
  return useQuery({
    queryKey: applicationKeys.offers(applicationId),
    queryFn: () => dataProvider.offers(applicationId),
  });
}

export function useApplicationAttachments(applicationId: string) {
  const dataProvider = useCandorDataProvider();
  return useQuery({
    queryKey: applicationKeys.attachments(applicationId),
    queryFn: () => dataProvider.applicationAttachments(applicationId),
  });
}

/** Refetches everything below the application: interviews, scorecards, offers. */
export function useInvalidateApplication(applicationId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['applications', applicationId] });
}

export function useReferences(applicationId: string) {
  const dataProvider = useCandorDataProvider();
  return useQuery({
    queryKey: applicationKeys.references(applicationId),
    queryFn: () => dataProvider.references(applicationId),
  });
}
