import type { TOfferStatus } from '@candor/schemas';

type ChipColor = 'default' | 'info' | 'success' | 'warning' | 'error' | 'primary';

export const OFFER_STATUS_COLORS: Record<TOfferStatus, ChipColor> = {
  pending_approval: 'warning',
  approved: 'info',
  sent: 'primary',
  accepted: 'success',
  declined: 'error',
  expired: 'default',
  withdrawn: 'default',
};

export const OPEN_STATUSES: readonly TOfferStatus[] = ['pending_approval', 'approved', 'sent'];
