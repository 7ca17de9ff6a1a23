import { OFFER_STATUS_LABELS, type TOfferStatus } from '@candor/schemas';
import { Chip } from '@mui/material';
import { OFFER_STATUS_COLORS } from './offerStatus';

export function OfferStatusChip({ status }: { status: TOfferStatus }) {
  return <Chip size="small" color={OFFER_STATUS_COLORS[status]} label={OFFER_STATUS_LABELS[status]} />;
}
